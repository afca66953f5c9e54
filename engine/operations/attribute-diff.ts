// Attribute-by-attribute comparison of two values, by flattened path (`tags.env`,
// `rules[0].port`), with a line diff for multi-line strings. Shared by the web UI's version
// diff and the agent's drift reads.

import { diffLines } from 'diff';
import { isObject, type Value } from '../lang/value.ts';

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
      ? diffLines(b ?? '', a ?? '').flatMap((c) =>
          c.value
            .replace(/\n$/, '')
            .split('\n')
            .map((text) => ({ kind: c.added ? '+' : c.removed ? '-' : ' ', text }) as LinePart),
        )
      : undefined;
    out.push({ path, before: b, after: a, ...(lines ? { lines } : {}) });
  }
  return out;
}
