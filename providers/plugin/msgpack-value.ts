// DynamicValue encoding: cty's msgpack form, which is type-directed (an object is a map with
// every attribute of its type, a dynamic value is [type JSON, value]), with unknown values as
// msgpack extension 0 and refined unknowns (extension 12) read as unknown. Upgrades and moves
// carry state as JSON instead (raw_state.json).

import { Decoder, Encoder, ExtensionCodec } from '@msgpack/msgpack';
import { formatNum, fromFloat64, isNum, isWholeNum, type Num, numberFromText, numEquals, toBigInt, toDouble } from '../../engine/lang/big-number.ts';
import { parseNumber } from '../../engine/lang/convert.ts';
import { stringifyJson } from '../../engine/lang/json-numbers.ts';
import type { Type } from '../../engine/lang/types.ts';
import { isObject, isSet, isUnknown, markSet, UNKNOWN, Unknown, type Value, type ValueObject } from '../../engine/lang/value.ts';
import { ctyTypeJson, parseCtyType } from './cty-type.ts';

const UNKNOWN_EXT = 0;
const REFINED_UNKNOWN_EXT = 12;

/** Marker for an unknown while encoding; msgpack's extension codec needs a class to match on. */
class UnknownMarker {}
const MARK = new UnknownMarker();

const codec = new ExtensionCodec();
codec.register({
  type: UNKNOWN_EXT,
  encode: (v: unknown) => (v instanceof UnknownMarker ? new Uint8Array([0]) : null),
  decode: () => UNKNOWN,
});
// Refinements (prefix, not-null, length bounds) narrow an unknown; Ballast keeps it unknown.
codec.register({ type: REFINED_UNKNOWN_EXT, encode: () => null, decode: () => UNKNOWN });

export class ValueTypeError extends Error {}

/** The plain msgpack-ready form of a value of type `t`. */
function toWire(v: Value | undefined, t: Type, path: string): unknown {
  if (v === undefined || v === null) return null;
  if (isUnknown(v)) return MARK;
  if (t === 'dynamic') return [Buffer.from(JSON.stringify(ctyTypeJson(impliedType(v)))), toWire(v, impliedType(v), path)];
  if (t === 'string') {
    if (typeof v === 'string') return v;
    if (isNum(v)) return formatNum(v);
    if (typeof v === 'boolean') return String(v);
    throw new ValueTypeError(`${path || 'value'}: expected a string`);
  }
  if (t === 'number') {
    if (isNum(v)) return numberToWire(v);
    if (typeof v === 'string' && v.trim() !== '' && parseNumber(v) !== undefined) return numberToWire(parseNumber(v) as Num);
    throw new ValueTypeError(`${path || 'value'}: expected a number`);
  }
  if (t === 'bool') {
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    throw new ValueTypeError(`${path || 'value'}: expected a bool`);
  }
  if ('list' in t || 'set' in t) {
    if (!Array.isArray(v)) throw new ValueTypeError(`${path || 'value'}: expected a ${'list' in t ? 'list' : 'set'}`);
    const el = 'list' in t ? t.list : t.set;
    return v.map((x, i) => toWire(x, el, `${path}[${i}]`));
  }
  if ('tuple' in t) {
    if (!Array.isArray(v)) throw new ValueTypeError(`${path || 'value'}: expected a tuple`);
    return t.tuple.map((et, i) => toWire(v[i], et, `${path}[${i}]`));
  }
  if (!isObject(v)) throw new ValueTypeError(`${path || 'value'}: expected ${'map' in t ? 'a map' : 'an object'}`);
  if ('map' in t) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toWire(x, t.map, `${path}["${k}"]`)]));
  return Object.fromEntries(Object.entries(t.object).map(([k, at]) => [k, toWire(v[k], at, path ? `${path}.${k}` : k)]));
}

/**
 * A number as cty's msgpack writes one: an exact int64 as an integer, a double as a float, and
 * any other (a BigNum) as its decimal text, which cty reads back without losing a digit.
 */
function numberToWire(n: Num): number | bigint | string {
  if (typeof n === 'number') return n;
  if (isWholeNum(n)) {
    const i = toBigInt(n);
    if (i <= INT64_MAX && i >= -INT64_MAX - 1n) return i;
  }
  const d = toDouble(n);
  if (Number.isFinite(d) && numEquals(fromFloat64(d), n)) return d;
  return formatNum(n);
}
const INT64_MAX = 9223372036854775807n;

function fromWire(w: unknown, t: Type): Value {
  if (w === null || w === undefined) return null;
  if (w instanceof Unknown) return w;
  if (t === 'dynamic') {
    const [typeJson, inner] = w as [Uint8Array, unknown];
    return fromWire(inner, parseCtyType(JSON.parse(Buffer.from(typeJson).toString('utf8'))));
  }
  if (t === 'number') return typeof w === 'string' || typeof w === 'bigint' ? numberFromText(w.toString()) : (w as number);
  if (t === 'string' || t === 'bool') return w as string | boolean;
  if ('list' in t) return (w as unknown[]).map((x) => fromWire(x, t.list));
  if ('set' in t) return markSet((w as unknown[]).map((x) => fromWire(x, t.set)));
  if ('tuple' in t) {
    const els = t.tuple;
    return (w as unknown[]).map((x, i) => fromWire(x, els[i]));
  }
  const m = w as Record<string, unknown>;
  if ('map' in t) return Object.fromEntries(Object.entries(m).map(([k, x]) => [k, fromWire(x, t.map)]));
  const out: ValueObject = {};
  for (const [k, at] of Object.entries(t.object)) out[k] = fromWire(m[k], at);
  return out;
}

// One encoder and one decoder for the process: each call of encode()/decode() would otherwise
// allocate and grow a fresh buffer. Both are safe to reuse (a re-entered one clones itself).
const encoder = new Encoder({ extensionCodec: codec, ignoreUndefined: false, useBigInt64: true });
// int64 values arrive as bigint so that integers beyond 2^53 keep every digit
const decoder = new Decoder({ extensionCodec: codec, useBigInt64: true });

/** The value's msgpack bytes (a Buffer of its own). */
export function encodeValue(v: Value, t: Type): Buffer {
  return Buffer.from(encoder.encodeSharedRef(toWire(v, t, '')));
}

export function decodeValue(bytes: Uint8Array | undefined | null, t: Type): Value {
  if (!bytes || bytes.length === 0) return null;
  return fromWire(decoder.decode(bytes), t);
}

/** State as JSON (the form stored by Terraform and sent for upgrades): unknowns are not allowed. */
export function encodeJsonValue(v: Value): Uint8Array {
  return Buffer.from(stringifyJson(v));
}

/** The type a value has on its own, for dynamic-typed attributes. */
export function impliedType(v: Value): Type {
  if (typeof v === 'string') return 'string';
  if (isNum(v)) return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (v === null || isUnknown(v)) return 'dynamic';
  if (Array.isArray(v)) {
    const items: Value[] = v;
    if (isSet(v)) return { set: items.length ? impliedType(items[0]) : 'dynamic' };
    return { tuple: items.map(impliedType) };
  }
  if (isObject(v)) return { object: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, impliedType(x)])) };
  return 'dynamic';
}
