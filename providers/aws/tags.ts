// Resource tags the Terraform AWS provider way: `tags` is what the configuration sets,
// `tags_all` is provider default_tags merged with it (resource tags win) and is what exists
// on the real object.

import { Unknown, isObject, isUnknown, type Value, type ValueObject } from '../../engine/lang/value.ts';

export type Tags = Record<string, string>;

export function tagsOf(v: Value | undefined): Tags {
  const out: Tags = {};
  if (isObject(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

/** Planned tags_all: unknown while any configured tag is unknown. */
export function plannedTagsAll(defaultTags: Tags, configTags: Value | undefined): Value {
  if (isUnknown(configTags)) return new Unknown();
  if (isObject(configTags) && Object.values(configTags).some(isUnknown)) return new Unknown();
  return { ...defaultTags, ...tagsOf(configTags) };
}

/**
 * State `tags` from the tags on the real object: everything except keys that come only from
 * default_tags (same value, not in the resource's own tags). An empty result keeps the prior null.
 */
export function stateTags(remote: Tags, defaultTags: Tags, priorTags: Value | undefined): Value {
  const own = tagsOf(priorTags);
  const out: ValueObject = {};
  for (const [k, v] of Object.entries(remote)) {
    if (k in defaultTags && defaultTags[k] === v && !(k in own)) continue;
    out[k] = v;
  }
  if (Object.keys(out).length === 0) return isObject(priorTags) ? {} : null;
  return out;
}

/** The tag changes that turn `before` into `after`. */
export function diffTags(before: Tags, after: Tags): { set: Tags; remove: string[] } {
  const set: Tags = {};
  for (const [k, v] of Object.entries(after)) if (before[k] !== v) set[k] = v;
  const remove = Object.keys(before).filter((k) => !(k in after));
  return { set, remove };
}

export const toTagList = (t: Tags): { Key: string; Value: string }[] => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));
export function fromTagList(list: readonly { Key?: string; Value?: string }[] | undefined): Tags {
  const out: Tags = {};
  for (const t of list ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  return out;
}
