// Plain JSON (state attributes, variable defaults, tfvars.json) to engine values. JSON has no
// sets, unknowns or marks, so this is the identity apart from rejecting non-JSON inputs.

import { BigNum } from './big-number.ts';
import type { Value } from './value.ts';

export function jsonToValue(v: unknown): Value {
  if (v === undefined) return null;
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof BigNum) return v;
  if (Array.isArray(v)) return v.map(jsonToValue);
  if (typeof v === 'object') {
    const out: Record<string, Value> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = jsonToValue(x);
    return out;
  }
  throw new Error(`not a JSON value: ${typeof v}`);
}
