// Where two recorded objects differ, as dotted attribute paths (`spec.replicas`,
// `tags.env`, `rules[0].port`). Only paths: values may be secret, so a drift report names the
// places, never what is in them.

import { isObject, valuesEqual, type Value } from '../lang/value.ts';

export function changedPaths(before: Value, after: Value, limit = 20): string[] {
  const out: string[] = [];
  const walk = (a: Value, b: Value, at: string) => {
    if (out.length >= limit) return;
    if (isObject(a) && isObject(b)) {
      for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) walk(a[k] ?? null, b[k] ?? null, at ? `${at}.${k}` : k);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((x, i) => walk(x, b[i], `${at}[${i}]`));
      return;
    }
    if (!valuesEqual(a, b)) out.push(at || '(the whole object)');
  };
  walk(before, after, '');
  return out;
}
