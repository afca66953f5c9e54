// The difference between two recorded versions of a stack, resource by resource and attribute
// by attribute, computed on redacted versions only (a secret is "(sensitive value)" on both
// sides, so a changed secret shows as changed without showing either value). Multi-line
// strings get a line diff.

import type { StateVersion } from '../../state/model.ts';
import type { Value } from '../lang/value.ts';
import { attributeDiffs, flatten, type AttributeDiff } from '../operations/attribute-diff.ts';

export { flatten, type AttributeDiff, type LinePart } from '../operations/attribute-diff.ts';

export type ResourceDiffKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ResourceDiff {
  readonly address: string;
  readonly type: string;
  readonly kind: ResourceDiffKind;
  readonly attributes: AttributeDiff[];
}

export interface VersionDiff {
  readonly resources: ResourceDiff[];
  readonly outputs: AttributeDiff[];
  readonly counts: Record<ResourceDiffKind, number>;
}

/** `from` null: everything in `to` was added. Both must already be redacted. */
export function diffVersions(from: StateVersion | null, to: StateVersion): VersionDiff {
  const resources: ResourceDiff[] = [];
  const counts: Record<ResourceDiffKind, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  const before = from?.resources ?? {};
  for (const address of [...new Set([...Object.keys(before), ...Object.keys(to.resources)])].sort()) {
    const b = before[address];
    const a = to.resources[address];
    const attributes = attributeDiffs(b ? flatten(b.attributes) : new Map(), a ? flatten(a.attributes) : new Map());
    const kind: ResourceDiffKind = !b ? 'added' : !a ? 'removed' : attributes.length ? 'changed' : 'unchanged';
    counts[kind]++;
    resources.push({ address, type: (a ?? b)!.type, kind, attributes });
  }
  const outs = (v: StateVersion | null) => new Map(Object.entries(v?.outputs ?? {}).map(([k, o]) => [k, o.value as Value]));
  return { resources, outputs: attributeDiffs(outs(from), outs(to)), counts };
}
