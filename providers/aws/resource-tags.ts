// A resource's `tags` / `tags_all` against the tags on the real object: what a read puts in
// state, and the tag calls an update makes. Each service has its own tag API, passed in.

import type { Value, ValueObject } from '../../engine/lang/value.ts';
import { diffTags, stateTags, tagsOf, toTagList, type Tags } from './tags.ts';

/** The state's `tags` and `tags_all` from the tags on the real object. */
export function tagAttributes(remote: Tags, defaultTags: Tags, priorTags: Value | undefined): { tags: Value; tags_all: Tags } {
  return { tags: stateTags(remote, defaultTags, priorTags), tags_all: remote };
}

/** The Tags parameter of a create call: planned `tags_all` as a tag list, left out when empty. */
export function creationTagList(planned: ValueObject): { Key: string; Value: string }[] | undefined {
  const tags = tagsOf(planned.tags_all);
  return Object.keys(tags).length ? toTagList(tags) : undefined;
}

/** Moves the real object's tags from prior to planned `tags_all`: removals first, then additions and changes. */
export async function updateTags(prior: ValueObject, planned: ValueObject, api: { untag(keys: string[]): Promise<unknown>; tag(set: Tags): Promise<unknown> }): Promise<void> {
  const { set, remove } = diffTags(tagsOf(prior.tags_all), tagsOf(planned.tags_all));
  if (remove.length) await api.untag(remove);
  if (Object.keys(set).length) await api.tag(set);
}
