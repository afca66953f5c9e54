// lifecycle.ignore_changes: for each listed attribute path, the prior value stands in for the
// configured one, so a difference there never produces a change.

import { getPath, isObject, type Path, type Value, type ValueObject } from '../lang/value.ts';
import type { BlockSchema } from '../../providers/provider.ts';

/** Parses `tags`, `tags.Name`, `tags["Name"]`, `rule[0].id` into a path. */
export function parseAttributePath(text: string): Path {
  const out: Path = [];
  const re = /\.?([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/y;
  let m: RegExpExecArray | null;
  let i = 0;
  while (i < text.length && ((re.lastIndex = i), (m = re.exec(text)))) {
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : JSON.parse(`"${m[3]}"`)));
    i = re.lastIndex;
  }
  if (i !== text.length || out.length === 0) throw new Error(`"${text}" is not an attribute path (expected e.g. tags or tags["Name"])`);
  return out;
}

/**
 * Parses every listed path and checks that it starts at an attribute or block of the schema,
 * so a typo is reported on the first plan, not silently ignored until there is a prior object.
 */
export function parseIgnoreChanges(list: readonly string[] | 'all', schema: BlockSchema): Path[] | 'all' {
  if (list === 'all') return 'all';
  return list.map((text) => {
    const p = parseAttributePath(text);
    const first = p[0];
    if (typeof first !== 'string' || !(first in schema.attributes || first in (schema.blocks ?? {}))) {
      throw new Error(`"${text}": this resource type has no argument or block named ${JSON.stringify(first)}.`);
    }
    return p;
  });
}

export function applyIgnoreChanges(config: ValueObject, prior: ValueObject, ignore: readonly Path[] | 'all', schema: BlockSchema): ValueObject {
  if (ignore === 'all') {
    const out: ValueObject = { ...config };
    for (const name of Object.keys(prior)) {
      const attr = schema.attributes[name];
      if (!attr || !(attr.computed && !attr.optional)) out[name] = prior[name];
    }
    return out;
  }
  let out: Value = config;
  for (const p of ignore) {
    const before = getPath(prior, p);
    out = setPath(out, p, 0, before === undefined ? null : before);
  }
  return out as ValueObject;
}

function setPath(v: Value, p: Path, i: number, leaf: Value): Value {
  if (i === p.length) return leaf;
  const step = p[i];
  if (Array.isArray(v) && typeof step === 'number') {
    const out = v.slice();
    out[step] = setPath(v[step] ?? null, p, i + 1, leaf);
    return out;
  }
  if (isObject(v) && typeof step === 'string') return { ...v, [step]: setPath(v[step] ?? null, p, i + 1, leaf) };
  if (v === null && typeof step === 'string') return i + 1 === p.length && leaf === null ? null : { [step]: setPath(null, p, i + 1, leaf) };
  return v;
}
