// Terraform's type system, as a plain value. Used by variable type constraints, provider
// schemas and conversions (engine/lang/convert.ts).

export type Type =
  | 'string'
  | 'number'
  | 'bool'
  /** `any`: accepts every value unchanged */
  | 'dynamic'
  | { readonly list: Type }
  | { readonly set: Type }
  | { readonly map: Type }
  | { readonly tuple: readonly Type[] }
  | { readonly object: { readonly [attr: string]: Type }; readonly optional?: readonly string[]; readonly defaults?: { readonly [attr: string]: unknown } };

export function formatType(t: Type): string {
  if (typeof t === 'string') return t === 'dynamic' ? 'any' : t;
  if ('list' in t) return `list(${formatType(t.list)})`;
  if ('set' in t) return `set(${formatType(t.set)})`;
  if ('map' in t) return `map(${formatType(t.map)})`;
  if ('tuple' in t) return `tuple([${t.tuple.map(formatType).join(', ')}])`;
  const opt = new Set(t.optional ?? []);
  return `object({${Object.entries(t.object)
    .map(([k, v]) => `${k}=${opt.has(k) ? `optional(${formatType(v)})` : formatType(v)}`)
    .join(', ')}})`;
}
