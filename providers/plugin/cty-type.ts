// cty's JSON type notation as the plugin protocol carries it ("string", ["list","string"],
// ["object",{"a":"number"},["a"]]) and its mapping to Ballast's Type.

import type { Type } from '../../engine/lang/types.ts';

export type CtyType = string | [string, ...unknown[]];

export function parseCtyType(json: unknown): Type {
  if (json === 'string' || json === 'number' || json === 'bool' || json === 'dynamic') return json;
  if (Array.isArray(json)) {
    const [kind, arg, optional] = json as [unknown, unknown, unknown];
    if (kind === 'list') return { list: parseCtyType(arg) };
    if (kind === 'set') return { set: parseCtyType(arg) };
    if (kind === 'map') return { map: parseCtyType(arg) };
    if (kind === 'tuple' && Array.isArray(arg)) return { tuple: arg.map(parseCtyType) };
    if (kind === 'object' && arg && typeof arg === 'object') {
      const attrs = Object.fromEntries(Object.entries(arg as Record<string, unknown>).map(([k, v]) => [k, parseCtyType(v)]));
      return Array.isArray(optional) ? { object: attrs, optional: optional.map(String) } : { object: attrs };
    }
  }
  throw new Error(`unsupported type ${JSON.stringify(json)} in provider schema`);
}

export function typeFromBytes(bytes: Uint8Array): Type {
  return parseCtyType(JSON.parse(Buffer.from(bytes).toString('utf8')));
}

export function ctyTypeJson(t: Type): unknown {
  if (typeof t === 'string') return t;
  if ('list' in t) return ['list', ctyTypeJson(t.list)];
  if ('set' in t) return ['set', ctyTypeJson(t.set)];
  if ('map' in t) return ['map', ctyTypeJson(t.map)];
  if ('tuple' in t) return ['tuple', t.tuple.map(ctyTypeJson)];
  const attrs = Object.fromEntries(Object.entries(t.object).map(([k, v]) => [k, ctyTypeJson(v)]));
  return t.optional?.length ? ['object', attrs, [...t.optional]] : ['object', attrs];
}
