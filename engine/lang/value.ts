// The runtime value model, after Terraform's cty:
//   string | number | bool | null            -> JS primitives
//   list / tuple                              -> JS arrays
//   set                                       -> JS arrays registered with markSet() (ordered, deduplicated)
//   map / object                              -> plain JS objects
//   unknown ("known after apply")             -> an Unknown instance
//   sensitive                                 -> a Sensitive wrapper around any value (may nest)
// Providers only ever see unmarked values (Unknown allowed, Sensitive never): the engine
// strips marks with unmark() and restores them with markPaths().

import { BigNum, numEquals } from './big-number.ts';

export type Path = (string | number)[];

/** A value that will only be known after apply. `type` is an optional hint, e.g. 'string' or 'list'. */
export class Unknown {
  constructor(readonly type?: string) {}
  toJSON(): never {
    throw new Error('internal error: an unknown value was serialized');
  }
}
export const UNKNOWN = new Unknown();

/** A sensitive mark around a value; it survives every operation that uses the value. */
export class Sensitive {
  constructor(readonly value: Value) {}
}

export type ValueObject = { [key: string]: Value };
/** A number is a double, or a BigNum when no double holds it exactly (big-number.ts). */
export type Value = null | string | number | BigNum | boolean | Value[] | ValueObject | Unknown | Sensitive;

const sets = new WeakSet<Value[]>();
export function markSet<T extends Value[]>(items: T): T {
  sets.add(items);
  return items;
}
export function isSet(v: unknown): v is Value[] {
  return Array.isArray(v) && sets.has(v);
}

export const isUnknown = (v: unknown): v is Unknown => v instanceof Unknown;
export const isSensitive = (v: unknown): v is Sensitive => v instanceof Sensitive;
export const isObject = (v: unknown): v is ValueObject => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof Sensitive) && !(v instanceof BigNum);

/**
 * A shallow copy of an object that then takes new keys cheaply. V8 gives a `{ ...o }` copy a map
 * that adding a key to is ~10× slower than to one built key by key, and the schema steps (defaults,
 * nulls for unset attributes, planned values) add keys to a copy of every instance's object.
 */
export function copyObject(o: ValueObject): ValueObject {
  const out: ValueObject = {};
  for (const k of Object.keys(o)) {
    // assigning "__proto__" would set the prototype instead of defining the key
    if (k === '__proto__') Object.defineProperty(out, k, { value: o[k], enumerable: true, writable: true, configurable: true });
    else out[k] = o[k];
  }
  return out;
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: Value): boolean {
  if (v instanceof Unknown) return true;
  if (v instanceof Sensitive) return containsUnknown(v.value);
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (isObject(v)) {
    for (const k in v) if (containsUnknown(v[k])) return true;
  }
  return false;
}

/** True when the value or anything inside it carries a sensitive mark. */
export function containsSensitive(v: Value): boolean {
  if (v instanceof Sensitive) return true;
  if (Array.isArray(v)) return v.some(containsSensitive);
  if (isObject(v)) {
    for (const k in v) if (containsSensitive(v[k])) return true;
  }
  return false;
}

/** Removes every sensitive mark and returns the plain value plus the paths that were marked. */
export function unmark(v: Value, at: Path = [], paths: Path[] = []): { value: Value; paths: Path[] } {
  return { value: unmarkInto(v, at, paths), paths };
}
function unmarkInto(v: Value, at: Path, paths: Path[]): Value {
  if (v instanceof Sensitive) {
    paths.push(at.slice());
    return unmarkInto(v.value, at, []);
  }
  if (Array.isArray(v)) {
    let out: Value[] | undefined;
    for (let i = 0; i < v.length; i++) {
      at.push(i);
      const u = unmarkInto(v[i], at, paths);
      at.pop();
      if (u !== v[i]) (out ??= v.slice())[i] = u;
    }
    if (!out) return v;
    return isSet(v) ? markSet(out) : out;
  }
  if (isObject(v)) {
    let out: ValueObject | undefined;
    for (const k in v) {
      at.push(k);
      const u = unmarkInto(v[k], at, paths);
      at.pop();
      if (u !== v[k]) (out ??= { ...v })[k] = u;
    }
    return out ?? v;
  }
  return v;
}

/** Marks the values at the given paths sensitive. A path that does not exist is ignored. */
export function markPaths(v: Value, paths: readonly Path[]): Value {
  let out = v;
  for (const p of paths) out = markAt(out, p, 0);
  return out;
}
function markAt(v: Value, p: Path, i: number): Value {
  if (i === p.length) return v instanceof Sensitive ? v : new Sensitive(v);
  if (v instanceof Sensitive) return new Sensitive(markAt(v.value, p, i));
  const step = p[i];
  if (Array.isArray(v) && typeof step === 'number' && step < v.length) {
    const out = v.slice();
    out[step] = markAt(v[step], p, i + 1);
    return isSet(v) ? markSet(out) : out;
  }
  if (isObject(v) && typeof step === 'string' && step in v) return { ...v, [step]: markAt(v[step], p, i + 1) };
  return v;
}

/** Paths of every unknown inside a value (an unknown root gives [[]]). */
export function unknownPaths(v: Value, at: Path = [], out: Path[] = []): Path[] {
  if (v instanceof Unknown) out.push(at.slice());
  else if (v instanceof Sensitive) unknownPaths(v.value, at, out);
  else if (Array.isArray(v))
    v.forEach((x, i) => {
      at.push(i);
      unknownPaths(x, at, out);
      at.pop();
    });
  else if (isObject(v))
    for (const k in v) {
      at.push(k);
      unknownPaths(v[k], at, out);
      at.pop();
    }
  return out;
}

/** Reads a path from a value; undefined when it does not exist. Marks are looked through. */
export function getPath(v: Value, p: Path): Value | undefined {
  let cur: Value | undefined = v;
  for (const step of p) {
    if (cur instanceof Sensitive) cur = cur.value;
    if (Array.isArray(cur) && typeof step === 'number') cur = cur[step];
    else if (isObject(cur) && typeof step === 'string') cur = cur[step];
    else return undefined;
  }
  return cur;
}

/** Structural equality of two values; unknown never equals anything (not even unknown). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return !(a instanceof Unknown);
  if (a instanceof Unknown || b instanceof Unknown) return false;
  if (a instanceof BigNum || b instanceof BigNum) {
    const x = a instanceof Sensitive ? a.value : a;
    const y = b instanceof Sensitive ? b.value : b;
    return (typeof x === 'number' || x instanceof BigNum) && (typeof y === 'number' || y instanceof BigNum) && numEquals(x, y);
  }
  if (a instanceof Sensitive) return valuesEqual(a.value, b instanceof Sensitive ? b.value : b);
  if (b instanceof Sensitive) return valuesEqual(a, b.value);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!valuesEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) if (!(k in b) || !valuesEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** A short name of the value's type for error messages. */
export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (v instanceof Unknown) return v.type ?? 'unknown';
  if (v instanceof Sensitive) return typeName(v.value);
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || v instanceof BigNum) return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return isSet(v) ? 'set' : 'tuple';
  return 'object';
}
