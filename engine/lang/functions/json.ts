// JSON text the way Terraform's jsonencode writes it: object keys sorted, numbers in plain
// decimal, and <, >, &, U+2028, U+2029 escaped as Go's encoding/json does.

import { BigNum } from '../big-number.ts';
import { formatNumber } from '../convert.ts';
import { isObject, Sensitive, Unknown, type Value } from '../value.ts';

export function toJson(v: Value): string {
  if (v === null) return 'null';
  if (v instanceof Sensitive) return toJson(v.value);
  if (v instanceof Unknown) throw new Error('internal error: cannot encode an unknown value as JSON');
  if (typeof v === 'string') return jsonString(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot encode ${v} as JSON`);
    return formatNumber(v);
  }
  if (v instanceof BigNum) return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .sort(compareKeys)
      .map((k) => `${jsonString(k)}:${toJson(v[k])}`)
      .join(',')}}`;
  }
  throw new Error('internal error: not a value');
}

export function jsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Byte-wise (UTF-8) key order, as Go sorts map keys; UTF-16 order differs only for astral chars. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
