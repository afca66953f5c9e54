// The difference between two recorded versions of a stack, resource by resource and attribute
// by attribute, computed on redacted versions only (a secret is "(sensitive value)" on both
// sides, so a changed secret shows as changed without showing either value). Multi-line
// strings get a line diff.

import { diffLines } from 'diff';
import type { StateVersion } from '../../state/model.ts';
import { isObject, type Value } from '../lang/value.ts';

export type ResourceDiffKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface LinePart {
  readonly kind: '+' | '-' | ' ';
  readonly text: string;
}

export interface AttributeDiff {
  readonly path: string;
  /** undefined: absent on that side */
  readonly before?: string;
  readonly after?: string;
  /** for multi-line strings */
  readonly lines?: LinePart[];
}

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

/** Leaf values by path (`tags.env`, `rules[0].port`); empty containers are leaves. */
export function flatten(v: Value, prefix = '', out = new Map<string, Value>()): Map<string, Value> {
  if (Array.isArray(v) && v.length) {
    v.forEach((x, i) => flatten(x, `${prefix}[${i}]`, out));
  } else if (isObject(v) && Object.keys(v).length) {
    for (const k of Object.keys(v)) {
      const key = /^[A-Za-z_][\w-]*$/.test(k) ? k : JSON.stringify(k);
      flatten(v[k], prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, v);
  }
  return out;
}

function show(v: Value): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function attributeDiffs(before: Map<string, Value>, after: Map<string, Value>): AttributeDiff[] {
  const out: AttributeDiff[] = [];
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.has(path) ? show(before.get(path)!) : undefined;
    const a = after.has(path) ? show(after.get(path)!) : undefined;
    if (a === b) continue;
    const multi = (b?.includes('\n') ?? false) || (a?.includes('\n') ?? false);
    const lines = multi
      ? diffLines(b ?? '', a ?? '').flatMap((c) => c.value.replace(/\n$/, '').split('\n').map((text) => ({ kind: c.added ? '+' : c.removed ? '-' : ' ', text }) as LinePart))
      : undefined;
    out.push({ path, before: b, after: a, ...(lines ? { lines } : {}) });
  }
  return out;
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
