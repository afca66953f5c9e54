// Terraform's type conversion (after cty's convert package): turns a value into a value of a
// wanted type, or says exactly where and why it cannot. Used for variable type constraints,
// function arguments and provider schemas.

import { compareNum, formatNum, isBigNum, isNum, type Num, numberFromText } from './big-number.ts';
import { formatType, type Type } from './types.ts';
import { containsUnknown, isObject, isSet, markSet, Sensitive, Unknown, valuesEqual, type Path, type Value, type ValueObject } from './value.ts';

/** A value that cannot be converted; `path` says where inside the value, the message names it too. */
export class ConversionError extends Error {
  constructor(
    readonly path: Path,
    readonly reason: string,
    pathText: string,
  ) {
    super(pathText ? `${pathText}: ${reason}` : reason);
    this.name = 'ConversionError';
  }
}

/** One step into a value: `.attr` for object attributes, `["key"]`/`[0]` for map keys and indexes. */
interface Step {
  readonly key: string | number;
  readonly attr: boolean;
}

function fail(steps: readonly Step[], reason: string): never {
  const text = steps.map((s) => (s.attr ? `.${s.key}` : typeof s.key === 'number' ? `[${s.key}]` : `[${JSON.stringify(s.key)}]`)).join('');
  throw new ConversionError(
    steps.map((s) => s.key),
    reason,
    text,
  );
}

/** Converts `value` to `type` by Terraform's rules. Throws ConversionError. */
export function convert(value: Value, type: Type): Value {
  return convertAt(value, type, []);
}

function convertAt(value: Value, type: Type, steps: Step[]): Value {
  if (type === 'dynamic') return value;
  if (value === null) return null;
  if (value instanceof Unknown) return new Unknown(formatType(type));
  if (value instanceof Sensitive) return new Sensitive(convertAt(value.value, type, steps));
  if (type === 'string') {
    if (typeof value === 'string') return value;
    if (isNum(value)) return formatNumber(value);
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    return fail(steps, 'a string is required');
  }
  if (type === 'number') {
    if (isNum(value)) return value;
    if (typeof value === 'string') {
      const n = parseNumber(value);
      // as cty words it (the text itself may be secret, so it is not repeated)
      if (n === undefined) return fail(steps, 'a number is required');
      return n;
    }
    return fail(steps, 'a number is required');
  }
  if (type === 'bool') {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') {
      if (value === 'true' || value === '1') return true;
      if (value === 'false' || value === '0') return false;
      return fail(steps, `a bool is required; cannot convert ${JSON.stringify(value)} to bool`);
    }
    return fail(steps, 'a bool is required');
  }
  if ('list' in type || 'set' in type) {
    const elemType = 'list' in type ? type.list : type.set;
    const what = 'list' in type ? 'list' : 'set';
    if (!Array.isArray(value)) return fail(steps, `a ${what} of ${formatType(elemType)} is required, got ${describe(value)}`);
    // as cty: a set's order is not known while some elements are not (they may coincide), so neither is the list's
    if (what === 'list' && isSet(value) && containsUnknown(value)) return new Unknown(formatType(type));
    const target = elemType === 'dynamic' ? unifyOrFail(value, steps, what) : elemType;
    const out = value.map((v, i) => convertAt(v, target, [...steps, { key: i, attr: false }]));
    return what === 'set' ? makeSet(out) : out;
  }
  if ('map' in type) {
    if (!isObject(value)) return fail(steps, `a map of ${formatType(type.map)} is required, got ${describe(value)}`);
    const target = type.map === 'dynamic' ? unifyOrFail(Object.values(value), steps, 'map') : type.map;
    const out: ValueObject = {};
    for (const k of Object.keys(value)) out[k] = convertAt(value[k], target, [...steps, { key: k, attr: false }]);
    return out;
  }
  if ('tuple' in type) {
    if (!Array.isArray(value)) return fail(steps, `a tuple is required, got ${describe(value)}`);
    if (value.length !== type.tuple.length) return fail(steps, `a tuple of ${type.tuple.length} elements is required, got ${value.length}`);
    return value.map((v, i) => convertAt(v, type.tuple[i], [...steps, { key: i, attr: false }]));
  }
  // object
  if (!isObject(value)) return fail(steps, `an object is required, got ${describe(value)}`);
  const optional = new Set(type.optional ?? []);
  const out: ValueObject = {};
  for (const [name, attrType] of Object.entries(type.object)) {
    const at = [...steps, { key: name, attr: true }];
    const given = Object.hasOwn(value, name) ? value[name] : undefined;
    if (given === undefined || (given === null && optional.has(name))) {
      if (!optional.has(name)) return fail(steps, `attribute ${JSON.stringify(name)} is required`);
      const dflt = type.defaults?.[name];
      out[name] = dflt === undefined || dflt === null ? null : convertAt(dflt as Value, attrType, at);
      continue;
    }
    out[name] = convertAt(given, attrType, at);
  }
  // Attributes the type does not name are discarded, as Terraform does.
  return out;
}

function unifyOrFail(values: Value[], steps: Step[], what: string): Type {
  const t = unifyTypes(values);
  if (t === undefined) return fail(steps, `all ${what} elements must have the same type`);
  return t;
}

function describe(v: Value): string {
  if (Array.isArray(v)) return isSet(v) ? 'set' : 'tuple';
  if (isObject(v)) return 'object';
  return formatType(typeOf(v));
}

/** Parses a string the way Terraform converts it to a number (decimal only, no spaces, no hex), every digit kept. */
export function parseNumber(s: string): Num | undefined {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = numberFromText(s);
  return typeof n === 'number' && !Number.isFinite(n) ? undefined : n;
}

/** Terraform's number-to-string format: plain decimal, never an exponent, every digit. */
export const formatNumber = formatNum;

/** Builds a set value: duplicates removed, ordered as Terraform orders sets. */
export function makeSet(items: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const v of items) {
    if (v instanceof Unknown || !out.some((o) => valuesEqual(o, v))) out.push(v);
  }
  out.sort(compareSetElements);
  return markSet(out);
}

function plain(v: Value): Value {
  return v instanceof Sensitive ? plain(v.value) : v;
}

/** Strings lexically, numbers numerically, false before true; unknowns and nulls last. */
export function compareSetElements(a: Value, b: Value): number {
  const x = plain(a);
  const y = plain(b);
  const rank = (v: Value) => (v instanceof Unknown ? 3 : v === null ? 2 : 0);
  if (rank(x) || rank(y)) return rank(x) - rank(y);
  if (isNum(x) && isNum(y)) return compareNum(x, y);
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  const sx = stableKey(x);
  const sy = stableKey(y);
  return sx < sy ? -1 : sx > sy ? 1 : 0;
}

function stableKey(v: Value): string {
  if (v instanceof Unknown) return '?';
  if (v instanceof Sensitive) return stableKey(v.value);
  if (Array.isArray(v)) return `[${v.map(stableKey).join(',')}]`;
  if (isObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableKey(v[k])}`)
      .join(',')}}`;
  return isBigNum(v) ? v.toString() : JSON.stringify(v);
}

/** The type of a value as written: literals give tuple/object; null and unknown give 'dynamic'. */
export function typeOf(value: Value): Type {
  if (value === null) return 'dynamic';
  if (value instanceof Unknown) return unknownHintType(value.type);
  if (value instanceof Sensitive) return typeOf(value.value);
  if (typeof value === 'string') return 'string';
  if (isNum(value)) return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) {
    if (isSet(value)) return { set: unifyTypes(value) ?? 'dynamic' };
    return { tuple: (value as Value[]).map(typeOf) };
  }
  const object: Record<string, Type> = {};
  for (const k of Object.keys(value)) object[k] = typeOf(value[k]);
  return { object };
}

function unknownHintType(hint: string | undefined): Type {
  if (hint === 'string' || hint === 'number' || hint === 'bool') return hint;
  return 'dynamic';
}

/**
 * The single type all values can be converted to, as Terraform unifies list/map elements:
 * equal types stay; mixed primitives become string (unless number and bool meet); objects
 * with the same attributes and tuples of the same length unify member-wise. Null and unknown
 * values fit any type. Returns undefined when there is no such type.
 */
export function unifyTypes(values: readonly Value[]): Type | undefined {
  return unifyTypeList(values.map(typeOf));
}

function unifyTypeList(types: readonly Type[]): Type | undefined {
  const known = types.filter((t) => t !== 'dynamic');
  if (known.length === 0) return 'dynamic';
  const first = known[0];
  if (known.every((t) => typesEqual(t, first))) return first;
  if (known.every((t) => typeof t === 'string')) {
    const hasNum = known.includes('number');
    const hasBool = known.includes('bool');
    const hasStr = known.includes('string');
    if (hasNum && hasBool && !hasStr) return undefined;
    return 'string';
  }
  if (known.every((t) => typeof t === 'object' && 'object' in t)) {
    const objs = known as { object: Record<string, Type> }[];
    const names = Object.keys(objs[0].object).sort().join('\0');
    // Objects with different attributes can still all be maps of one element type.
    if (!objs.every((o) => Object.keys(o.object).sort().join('\0') === names)) {
      const u = unifyTypeList(objs.flatMap((o) => Object.values(o.object)));
      return u === undefined ? undefined : { map: u };
    }
    const object: Record<string, Type> = {};
    for (const k of Object.keys(objs[0].object)) {
      const u = unifyTypeList(objs.map((o) => o.object[k]));
      if (u === undefined) return undefined;
      object[k] = u;
    }
    return { object };
  }
  if (known.every((t) => typeof t === 'object' && 'tuple' in t)) {
    const tuples = known as { tuple: Type[] }[];
    const n = tuples[0].tuple.length;
    // Tuples of different lengths can still all be lists of one element type.
    if (!tuples.every((t) => t.tuple.length === n)) {
      const u = unifyTypeList(tuples.flatMap((t) => t.tuple));
      return u === undefined ? undefined : { list: u };
    }
    const tuple: Type[] = [];
    for (let i = 0; i < n; i++) {
      const u = unifyTypeList(tuples.map((t) => t.tuple[i]));
      if (u === undefined) return undefined;
      tuple.push(u);
    }
    return { tuple };
  }
  for (const kind of ['list', 'set', 'map'] as const) {
    if (known.every((t) => typeof t === 'object' && kind in t)) {
      const u = unifyTypeList(known.map((t) => (t as Record<string, Type>)[kind]));
      if (u === undefined) return undefined;
      return { [kind]: u } as Type;
    }
  }
  return undefined;
}

export function typesEqual(a: Type, b: Type): boolean {
  return formatType(a) === formatType(b);
}
