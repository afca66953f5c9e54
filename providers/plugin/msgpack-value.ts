// DynamicValue encoding: cty's msgpack form, which is type-directed (an object is a map with
// every attribute of its type, a dynamic value is [type JSON, value]), with unknown values as
// msgpack extension 0 and refined unknowns (extension 12) read as unknown. Upgrades and moves
// carry state as JSON instead (raw_state.json).

import { Decoder, Encoder, ExtensionCodec } from '@msgpack/msgpack';
import { fitsInt64, formatNum, isNum, type Num, numberFromText, toBigInt } from '../../engine/lang/big-number.ts';
import { parseNumber } from '../../engine/lang/convert.ts';
import { stringifyJson } from '../../engine/lang/json-numbers.ts';
import type { Type } from '../../engine/lang/types.ts';
import { isObject, isSet, isUnknown, markSet, UNKNOWN, Unknown, type Value, type ValueObject } from '../../engine/lang/value.ts';
import { ctyTypeJson, parseCtyType } from './cty-type.ts';
import { exactDouble } from '../number-attribute.ts';

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

// Converters are compiled once per type (a closure tree, cached per type object) instead of
// walking the type beside every value: a provider's resource types are converted thousands of
// times a run. A mismatch travels up as a Mismatch (no stack captured) gathering its path, and
// becomes a ValueTypeError at the top.

/** Where a mismatch is: an attribute name, a list/tuple index, or a map key. */
type Step = { attr: string } | { index: number } | { key: string };
class Mismatch {
  readonly steps: Step[] = [];
  constructor(readonly expected: string) {}
}
function within(e: unknown, step: Step): unknown {
  if (e instanceof Mismatch) e.steps.unshift(step);
  return e;
}
function formatMismatch(m: Mismatch): string {
  let path = '';
  for (const s of m.steps) {
    if ('attr' in s) path = path ? `${path}.${s.attr}` : s.attr;
    else if ('index' in s) path = `${path}[${s.index}]`;
    else path = `${path}["${s.key}"]`;
  }
  return `${path || 'value'}: expected ${m.expected}`;
}

type ToWire = (v: Value | undefined) => unknown;
type FromWire = (w: unknown) => Value;

/**
 * What an object type's attributes need beyond their type on the wire: list and set blocks
 * whose absence is sent as an empty collection (as Terraform sends them), attributes always sent
 * as null (write-only values where the protocol must not carry them), and the same for the
 * attributes of nested blocks.
 */
export interface WireShape {
  readonly [attr: string]: { readonly emptyWhenAbsent?: boolean; readonly alwaysNull?: boolean; readonly inner?: WireShape };
}

const toWireCache = new WeakMap<object, ToWire>();
const fromWireCache = new WeakMap<object, FromWire>();

const stringToWire: ToWire = (v) => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (isUnknown(v)) return MARK;
  if (isNum(v)) return formatNum(v);
  if (typeof v === 'boolean') return String(v);
  throw new Mismatch('a string');
};
const numberToWire: ToWire = (v) => {
  if (v === undefined || v === null) return null;
  if (isNum(v)) return numberWire(v);
  if (isUnknown(v)) return MARK;
  if (typeof v === 'string' && v.trim() !== '' && parseNumber(v) !== undefined) return numberWire(parseNumber(v) as Num);
  throw new Mismatch('a number');
};
const boolToWire: ToWire = (v) => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v;
  if (isUnknown(v)) return MARK;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new Mismatch('a bool');
};
/**
 * Converters of dynamic values by their type's JSON text: each value brings a type object of its
 * own (implied from it, or read off the wire), which the per-object caches would never hit.
 */
const dynamicConverters = new Map<string, { toWire?: ToWire; fromWire?: FromWire }>();
function dynamicConverter(typeJson: string): { toWire?: ToWire; fromWire?: FromWire } {
  let c = dynamicConverters.get(typeJson);
  if (!c) {
    if (dynamicConverters.size >= 1000) dynamicConverters.clear(); // many distinct shapes: start over
    dynamicConverters.set(typeJson, (c = {}));
  }
  return c;
}

const dynamicToWire: ToWire = (v) => {
  if (v === undefined || v === null) return null;
  if (isUnknown(v)) return MARK;
  const t = impliedType(v);
  const typeJson = JSON.stringify(ctyTypeJson(t));
  const c = dynamicConverter(typeJson);
  c.toWire ??= compileToWire(t);
  return [Buffer.from(typeJson), c.toWire(v)];
};

function compileToWire(t: Type, fill?: WireShape): ToWire {
  if (t === 'string') return stringToWire;
  if (t === 'number') return numberToWire;
  if (t === 'bool') return boolToWire;
  if (t === 'dynamic') return dynamicToWire;
  if (!fill) {
    const hit = toWireCache.get(t);
    if (hit) return hit;
  }
  const f = buildToWire(t, fill);
  if (!fill) toWireCache.set(t, f);
  return f;
}

function buildToWire(t: Exclude<Type, string>, fill: WireShape | undefined): ToWire {
  if ('list' in t || 'set' in t) {
    const el = compileToWire('list' in t ? t.list : t.set, fill);
    const expected = 'list' in t ? 'a list' : 'a set';
    return (v) => {
      if (v === undefined || v === null) return null;
      if (!Array.isArray(v)) {
        if (isUnknown(v)) return MARK;
        throw new Mismatch(expected);
      }
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) {
        try {
          out[i] = el(v[i]);
        } catch (e) {
          throw within(e, { index: i });
        }
      }
      return out;
    };
  }
  if ('tuple' in t) {
    const els = t.tuple.map((et) => compileToWire(et));
    return (v) => {
      if (v === undefined || v === null) return null;
      if (!Array.isArray(v)) {
        if (isUnknown(v)) return MARK;
        throw new Mismatch('a tuple');
      }
      const out = new Array<unknown>(els.length);
      for (let i = 0; i < els.length; i++) {
        try {
          out[i] = els[i](v[i]);
        } catch (e) {
          throw within(e, { index: i });
        }
      }
      return out;
    };
  }
  if ('map' in t) {
    const el = compileToWire(t.map);
    return (v) => {
      if (v === undefined || v === null) return null;
      if (!isObject(v)) {
        if (isUnknown(v)) return MARK;
        throw new Mismatch('a map');
      }
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) {
        try {
          out[k] = el(v[k]);
        } catch (e) {
          throw within(e, { key: k });
        }
      }
      return out;
    };
  }
  const keys = Object.keys(t.object);
  const convs = keys.map((k) => {
    const at = t.object[k];
    const f = fill?.[k];
    if (!f) return compileToWire(at);
    if (f.alwaysNull) return () => null;
    const inner = compileToWire(at, f.inner);
    return f.emptyWhenAbsent ? (v: Value | undefined) => (v === undefined || v === null ? [] : inner(v)) : inner;
  });
  return (v) => {
    if (v === undefined || v === null) return null;
    if (!isObject(v)) {
      if (isUnknown(v)) return MARK;
      throw new Mismatch('an object');
    }
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      try {
        out[k] = convs[i](v[k]);
      } catch (e) {
        throw within(e, { attr: k });
      }
    }
    return out;
  };
}

/**
 * A number as cty's msgpack writes one: an exact int64 as an integer, a double as a float, and
 * any other (a BigNum) as its decimal text, which cty reads back without losing a digit.
 */
function numberWire(n: Num): number | bigint | string {
  if (typeof n === 'number') return n;
  if (fitsInt64(n)) return toBigInt(n);
  return exactDouble(n) ?? formatNum(n);
}

const plainFromWire: FromWire = (w) => (w === undefined ? null : (w as Value));
const numberFromWire: FromWire = (w) => {
  if (w === null || w === undefined) return null;
  return typeof w === 'string' || typeof w === 'bigint' ? numberFromText(w.toString()) : (w as Value);
};
const dynamicFromWire: FromWire = (w) => {
  if (w === null || w === undefined) return null;
  if (w instanceof Unknown) return w;
  const [typeBytes, inner] = w as [Uint8Array, unknown];
  const typeJson = Buffer.from(typeBytes).toString('utf8');
  const c = dynamicConverter(typeJson);
  c.fromWire ??= compileFromWire(parseCtyType(JSON.parse(typeJson)));
  return c.fromWire(inner);
};

function compileFromWire(t: Type): FromWire {
  // strings and bools (and unknowns, decoded by the extension codec) arrive as they are
  if (t === 'string' || t === 'bool') return plainFromWire;
  if (t === 'number') return numberFromWire;
  if (t === 'dynamic') return dynamicFromWire;
  const hit = fromWireCache.get(t);
  if (hit) return hit;
  const f = buildFromWire(t);
  fromWireCache.set(t, f);
  return f;
}

function buildFromWire(t: Exclude<Type, string>): FromWire {
  if ('list' in t || 'set' in t) {
    const el = compileFromWire('list' in t ? t.list : t.set);
    const set = 'set' in t;
    return (w) => {
      if (w === null || w === undefined) return null;
      if (w instanceof Unknown) return w;
      const a = w as unknown[];
      const out = new Array<Value>(a.length);
      for (let i = 0; i < a.length; i++) out[i] = el(a[i]);
      return set ? markSet(out) : out;
    };
  }
  if ('tuple' in t) {
    const els = t.tuple.map(compileFromWire);
    return (w) => {
      if (w === null || w === undefined) return null;
      if (w instanceof Unknown) return w;
      const a = w as unknown[];
      return a.map((x, i) => els[i](x));
    };
  }
  if ('map' in t) {
    const el = compileFromWire(t.map);
    return (w) => {
      if (w === null || w === undefined) return null;
      if (w instanceof Unknown) return w;
      const m = w as Record<string, unknown>;
      const out: ValueObject = {};
      for (const k of Object.keys(m)) out[k] = el(m[k]);
      return out;
    };
  }
  const keys = Object.keys(t.object);
  const convs = keys.map((k) => compileFromWire(t.object[k]));
  return (w) => {
    if (w === null || w === undefined) return null;
    if (w instanceof Unknown) return w;
    const m = w as Record<string, unknown>;
    const out: ValueObject = {};
    for (let i = 0; i < keys.length; i++) out[keys[i]] = convs[i](m[keys[i]]);
    return out;
  };
}

// One encoder and one decoder for the process: each call of encode()/decode() would otherwise
// allocate and grow a fresh buffer. Both are safe to reuse (a re-entered one clones itself).
const encoder = new Encoder({ extensionCodec: codec, ignoreUndefined: false, useBigInt64: true });
// int64 values arrive as bigint so that integers beyond 2^53 keep every digit
const decoder = new Decoder({ extensionCodec: codec, useBigInt64: true });

/** A compiled encoder for values of one type: checks a value or encodes it to msgpack. */
export interface ValueEncoder {
  /** throws a ValueTypeError naming where the value does not fit the type */
  check(v: Value): void;
  /** the value's msgpack bytes (a Buffer of its own) */
  encode(v: Value): Buffer;
}

/** An encoder for `t`, compiled once (keep it: it is not cached when `shape` is given). */
export function valueEncoder(t: Type, shape?: WireShape): ValueEncoder {
  const conv = compileToWire(t, shape);
  const wire = (v: Value) => {
    try {
      return conv(v);
    } catch (e) {
      if (e instanceof Mismatch) throw new ValueTypeError(formatMismatch(e));
      throw e;
    }
  };
  return {
    check: (v) => void wire(v),
    encode: (v) => Buffer.from(encoder.encodeSharedRef(wire(v))),
  };
}

/** The value's msgpack bytes (a Buffer of its own). */
export function encodeValue(v: Value, t: Type): Buffer {
  return valueEncoder(t).encode(v);
}

export function decodeValue(bytes: Uint8Array | undefined | null, t: Type): Value {
  if (!bytes || bytes.length === 0) return null;
  return compileFromWire(t)(decoder.decode(bytes));
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
