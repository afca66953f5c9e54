// Paths of the attributes a provider schema declares sensitive, as they occur in one object.

import { isObject, type Path, type Value } from '../lang/value.ts';
import type { BlockSchema } from '../../providers/provider.ts';
import { hasSensitiveAttributes } from '../../providers/block-facts.ts';

export function schemaSensitivePaths(block: BlockSchema, obj: Value | null | undefined, at: Path = [], out: Path[] = []): Path[] {
  if (!isObject(obj) || !hasSensitiveAttributes(block)) return out;
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (attr.sensitive && name in obj) out.push([...at, name]);
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const v: Value | undefined = obj[name];
    if (Array.isArray(v)) v.forEach((item, i) => schemaSensitivePaths(nested.block, item, [...at, name, i], out));
    else schemaSensitivePaths(nested.block, v, [...at, name], out);
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
