// Terraform's JSON encodings of a value with marks: the value with sensitive and unknown parts
// as null, and the parallel true/false trees of after_unknown and *_sensitive.

import type { BigNum } from '../../lang/big-number.ts';
import { Sensitive, Unknown, isObject, type Value } from '../../lang/value.ts';
import { inherited, type PathTree } from './value-format.ts';

/** Plain JSON, with BigNum for numbers a double cannot hold (written by stringifyJson). */
export type Json = null | string | number | BigNum | boolean | Json[] | { [k: string]: Json };

/** The value as JSON with sensitive and unknown values replaced by null. */
export function redact(v: Value, sens: PathTree | undefined, secrets?: ReadonlySet<string>): Json {
  if (v instanceof Sensitive || sens?.marked || v instanceof Unknown || isSecretString(v, secrets)) return null;
  if (Array.isArray(v)) return v.map((x, i) => redact(x, inherited(sens, i), secrets));
  if (isObject(v)) {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(v)) out[k] = redact(v[k], inherited(sens, k), secrets);
    return out;
  }
  return v as Json;
}

/** Terraform's encoding: true at unknown leaves; objects keep only non-false members; arrays keep positions. */
export function unknownAsBool(v: Value): Json {
  if (v instanceof Unknown) return true;
  if (v instanceof Sensitive) return unknownAsBool(v.value);
  if (Array.isArray(v)) return v.map(unknownAsBool);
  if (isObject(v)) {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(v)) {
      const x = unknownAsBool(v[k]);
      if (x !== false) out[k] = x;
    }
    return out;
  }
  return false;
}

/** Same encoding for sensitive marks (a Sensitive wrapper or a path in the tree). */
export function sensitiveAsBool(v: Value, sens: PathTree | undefined, secrets?: ReadonlySet<string>): Json {
  if (v instanceof Sensitive || sens?.marked || isSecretString(v, secrets)) return true;
  if (Array.isArray(v)) return v.map((x, i) => sensitiveAsBool(x, inherited(sens, i), secrets));
  if (isObject(v)) {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(v)) {
      const x = sensitiveAsBool(v[k], inherited(sens, k), secrets);
      if (x !== false) out[k] = x;
    }
    return out;
  }
  return false;
}

const isSecretString = (v: Value, secrets: ReadonlySet<string> | undefined) => typeof v === 'string' && secrets?.has(v) === true;
