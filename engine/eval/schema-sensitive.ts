// Paths of the attributes a provider schema declares sensitive, as they occur in one object.

import { isObject, type Path, type Value, type ValueObject } from '../lang/value.ts';
import type { BlockSchema } from '../../providers/provider.ts';

export function schemaSensitivePaths(block: BlockSchema, obj: ValueObject | null, at: Path = [], out: Path[] = []): Path[] {
  if (!obj) return out;
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (attr.sensitive && name in obj) out.push([...at, name]);
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const v: Value | undefined = obj[name];
    if (isObject(v)) schemaSensitivePaths(nested.block, v, [...at, name], out);
    else if (Array.isArray(v)) v.forEach((item, i) => isObject(item) && schemaSensitivePaths(nested.block, item, [...at, name, i], out));
  }
  return out;
}

/** Union of path lists without duplicates (paths compared by their JSON form). */
export function mergePaths(...lists: Path[][]): Path[] {
  const seen = new Set<string>();
  const out: Path[] = [];
  for (const l of lists)
    for (const p of l) {
      const k = JSON.stringify(p);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(p);
      }
    }
  return out;
}
