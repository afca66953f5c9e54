// Collection functions: lists, sets, maps and the numeric aggregates over them.

import { compareNum, type Num } from '../big-number.ts';
import { convert, makeSet, unifyTypes } from '../convert.ts';
import { containsUnknown, isObject, isSet, Sensitive, typeName, Unknown, valuesEqual, type Value, type ValueObject } from '../value.ts';
import { arr, bigNum, bool, graphemeCount, int, LIST_OF_ANY, LIST_OF_STRING, num, obj, param, SET_OF_ANY, str } from './define.ts';
import { add } from '../number-arithmetic.ts';
import { FunctionArgumentError, type FunctionDef } from './function.ts';
import { compareKeys } from './json.ts';

const D = 'dynamic' as const;
// Terraform's rule for these parameters: a known collection with unknowns inside is passed in
const INSIDE = { allowUnknownInside: true } as const;

function listArg(v: Value, i: number, what = 'list'): Value[] {
  if (!Array.isArray(v)) throw new FunctionArgumentError(i, `a ${what} is required`);
  return v;
}
function sortedKeys(o: ValueObject): string[] {
  return Object.keys(o).sort(compareKeys);
}
function unifiedList(values: Value[], i: number | null, what: string): Value[] {
  const t = unifyTypes(values);
  if (t === undefined) throw new FunctionArgumentError(i, `all ${what} must have the same type`);
  return values.map((v) => convert(v, t));
}

/** Binary set operations share argument handling: all arguments become sets of one type. */
function setOp(combine: (sets: Value[][]) => Value[], flags: { allowUnknownInside?: boolean } = {}): FunctionDef {
  return {
    params: [param('first_set', SET_OF_ANY, flags)],
    variadic: param('other_sets', SET_OF_ANY, flags),
    returnType: SET_OF_ANY,
    impl: (args) => {
      const flat = args.flat();
      const t = unifyTypes(flat);
      if (t === undefined) throw new FunctionArgumentError(null, 'given sets must all have compatible element types');
      const all = flat.map((v) => convert(v, t));
      let k = 0;
      const sets = args.map((a) => all.slice(k, (k += (a as Value[]).length)));
      return makeSet(combine(sets));
    },
  };
}
const has = (list: Value[], v: Value) => list.some((x) => valuesEqual(x, v));

/** Equality that may not be decided yet: undefined when an unknown inside either side could change it. */
function equalsOrUnknown(a: Value, b: Value): boolean | undefined {
  if (a instanceof Unknown || b instanceof Unknown) return undefined;
  // values of different kinds never become equal (terraform: index([{a = unknown}, "x"], "x") is 1)
  if (typeName(a) !== typeName(b) && !(Array.isArray(a) && Array.isArray(b))) return false;
  return containsUnknown(a) || containsUnknown(b) ? undefined : valuesEqual(a, b);
}

const SCALAR_HINTS = new Set(['string', 'number', 'bool']);
/** A set with unknowns inside: its length and order are not known until they are (elements may coincide). */
const undecidedSet = (v: Value) => isSet(v) && v.length > 1 && containsUnknown(v);

function aggregate(name: 'min' | 'max'): FunctionDef {
  return {
    params: [],
    variadic: param('numbers', 'number'),
    returnType: 'number',
    impl: (args) => {
      if (args.length === 0) throw new FunctionArgumentError(null, 'must pass at least one number');
      const ns = args.map((a, i) => bigNum(a, i));
      const sign = name === 'min' ? -1 : 1;
      return ns.reduce((best, n) => (compareNum(n, best) * sign > 0 ? n : best));
    },
  };
}

// As Terraform's: an unknown that may be a list (it decides the result's shape), or a set whose
// elements are not all known, makes the whole result unknown; an unknown scalar is an element.
function flattenInto(v: Value[], out: Value[]): boolean {
  if (isSet(v) && containsUnknown(v)) return false;
  for (const x of v) {
    if (x instanceof Unknown) {
      if (x.type === undefined || !SCALAR_HINTS.has(x.type)) return false;
      out.push(x);
    } else if (Array.isArray(x)) {
      if (!flattenInto(x, out)) return false;
    } else out.push(x);
  }
  return true;
}

function lengthOf(v: Value): Value {
  if (v instanceof Unknown) return new Unknown('number');
  if (typeof v === 'string') return graphemeCount(v);
  // as Terraform's: unknown elements of a set may turn out equal to others
  if (undecidedSet(v)) return new Unknown('number');
  if (Array.isArray(v)) return v.length;
  if (isObject(v)) return Object.keys(v).length;
  throw new FunctionArgumentError(0, 'argument must be a string, a collection type, or a structural type');
}

export const collectionFunctions: Record<string, FunctionDef> = {
  length: {
    // as Terraform's: only a mark on the collection itself marks its length; sensitive elements do not
    params: [param('value', D, { allowUnknown: true, allowMarked: true })],
    returnType: 'number',
    impl: ([v]) => (v instanceof Sensitive ? new Sensitive(lengthOf(v.value)) : lengthOf(v)),
  },
  element: {
    params: [param('list', D, INSIDE), param('index', 'number')],
    impl: ([l, i]) => {
      const list = listArg(l, 0);
      const n = int(i, 1, 'index');
      if (n < 0) throw new FunctionArgumentError(1, 'cannot use element function with a negative index');
      if (list.length === 0) throw new FunctionArgumentError(null, 'cannot use element function with an empty list');
      return list[n % list.length];
    },
  },
  index: {
    params: [param('list', D, INSIDE), param('value', D)],
    returnType: 'number',
    impl: ([l, v]) => {
      // as Terraform's: the first match counts, unless an element before it may match too
      for (const [i, x] of listArg(l, 0).entries()) {
        const eq = equalsOrUnknown(x, v);
        if (eq === undefined) return new Unknown('number');
        if (eq) return i;
      }
      throw new FunctionArgumentError(null, 'item not found');
    },
  },
  lookup: {
    params: [param('inputMap', D, INSIDE), param('key', 'string')],
    // an unknown default only matters when the key is missing (terraform: lookup({b = "x"}, "b", unknown) is "x")
    variadic: param('default', D, { allowNull: true, allowUnknown: true }),
    impl: (args) => {
      if (args.length > 3) throw new FunctionArgumentError(3, 'lookup() takes no more than three arguments');
      const m = obj(args[0], 0);
      const key = str(args[1], 1);
      if (Object.hasOwn(m, key)) return m[key];
      if (args.length === 3) return args[2];
      throw new FunctionArgumentError(0, `the given object has no attribute ${JSON.stringify(key)}`);
    },
  },
  keys: {
    params: [param('inputMap', D, INSIDE)],
    returnType: LIST_OF_STRING,
    impl: ([m]) => {
      if (!isObject(m)) throw new FunctionArgumentError(0, 'must have map or object type');
      return sortedKeys(m);
    },
  },
  values: {
    params: [param('mapping', D, INSIDE)],
    impl: ([m]) => {
      const o = obj(m, 0);
      return sortedKeys(o).map((k) => o[k]);
    },
  },
  merge: {
    params: [],
    variadic: param('maps', D, { allowNull: true, ...INSIDE }),
    impl: (args) => {
      const out: ValueObject = {};
      args.forEach((a) => {
        if (a === null) return;
        if (!isObject(a)) throw new FunctionArgumentError(null, `arguments must be maps or objects, got ${JSON.stringify(typeName(a))}`);
        Object.assign(out, a);
      });
      return out;
    },
  },
  concat: {
    params: [],
    variadic: param('seqs', D, INSIDE),
    impl: (args) =>
      args.flatMap((a, i) => {
        if (!Array.isArray(a)) throw new FunctionArgumentError(i, `all arguments must be lists or tuples; got ${typeName(a)}`);
        return a;
      }),
  },
  flatten: {
    params: [param('list', D, INSIDE)],
    impl: ([l]) => {
      const out: Value[] = [];
      if (!Array.isArray(l)) throw new FunctionArgumentError(null, 'can only flatten lists, sets and tuples');
      if (!flattenInto(l, out)) return new Unknown();
      return out;
    },
  },
  distinct: {
    params: [param('list', LIST_OF_ANY)],
    impl: ([l]) => arr(l, 0).filter((x, i, all) => all.findIndex((y) => valuesEqual(x, y)) === i),
  },
  contains: {
    params: [param('list', D, INSIDE), param('value', D)],
    returnType: 'bool',
    impl: ([l, v]) => {
      // as Terraform's: a match decides; otherwise an element that may still match leaves it unknown
      let undecided = false;
      for (const x of listArg(l, 0, 'list, set or tuple')) {
        const eq = equalsOrUnknown(x, v);
        if (eq) return true;
        if (eq === undefined) undecided = true;
      }
      return undecided ? new Unknown('bool') : false;
    },
  },
  slice: {
    params: [param('list', D, INSIDE), param('start_index', 'number'), param('end_index', 'number')],
    impl: ([l, s, e]) => {
      const list = listArg(l, 0);
      const start = int(s, 1, 'start index');
      const end = int(e, 2, 'end index');
      if (start < 0) throw new FunctionArgumentError(1, 'start index must not be less than zero');
      if (end > list.length) throw new FunctionArgumentError(2, 'end index must not be greater than the length of the list');
      if (start > end) throw new FunctionArgumentError(1, 'start index must not be greater than end index');
      return list.slice(start, end);
    },
  },
  sort: {
    params: [param('list', LIST_OF_STRING, INSIDE)],
    returnType: LIST_OF_STRING,
    impl: ([l]) => {
      const list = arr(l, 0);
      // as Terraform's: the length is known, the order is not
      if (containsUnknown(list)) return list.map(() => new Unknown('string'));
      list.forEach((x, i) => {
        if (x === null) throw new FunctionArgumentError(0, `given list element ${i} is null; a null string cannot be sorted`);
      });
      return (list as string[]).slice().sort(compareKeys);
    },
  },
  reverse: {
    params: [param('list', D, INSIDE)],
    impl: ([l]) => listArg(l, 0).slice().reverse(),
  },
  range: {
    params: [],
    variadic: param('params', 'number'),
    returnType: { list: 'number' },
    impl: (args) => {
      const ns = args.map((a, i) => num(a, i));
      let start = 0;
      let limit: number;
      let step: number;
      if (ns.length === 1) [limit, step] = [ns[0], 1];
      else if (ns.length === 2) [start, limit, step] = [ns[0], ns[1], ns[0] > ns[1] ? -1 : 1];
      else if (ns.length === 3) [start, limit, step] = ns;
      else throw new FunctionArgumentError(null, 'must have one, two, or three arguments');
      if (step === 0) throw new FunctionArgumentError(2, 'step must not be zero');
      if (start < limit && step < 0) throw new FunctionArgumentError(2, 'step must be positive when start is less than limit');
      if (start > limit && step > 0) throw new FunctionArgumentError(2, 'step must be negative when start is greater than limit');
      const out: number[] = [];
      for (let k = 0; ; k++) {
        // Multiplying avoids accumulating rounding error over many float steps.
        const v = start + k * step;
        if (step > 0 ? v >= limit : v <= limit) break;
        if (out.length >= 1024) throw new FunctionArgumentError(null, 'more than 1024 values were generated; either decrease the difference between start and end or use a smaller step');
        out.push(v);
      }
      return out;
    },
  },
  zipmap: {
    params: [param('keys', LIST_OF_STRING), param('values', D, INSIDE)],
    impl: ([k, v]) => {
      const keys = arr(k, 0);
      const values = listArg(v, 1, 'list or tuple');
      if (keys.length !== values.length) throw new FunctionArgumentError(null, `number of keys (${keys.length}) does not match number of values (${values.length})`);
      const out: ValueObject = {};
      keys.forEach((key, i) => {
        if (key === null) throw new FunctionArgumentError(0, `keys list has null value at index ${i}`);
        out[key as string] = values[i];
      });
      return out;
    },
  },
  coalesce: {
    params: [],
    // as Terraform's: the first non-null, non-empty argument wins, unless an unknown comes before it
    variadic: param('vals', D, { allowNull: true, allowUnknown: true }),
    impl: (args) => {
      for (const v of unifiedList(args, null, 'arguments')) {
        if (v instanceof Unknown) return v;
        if (v !== null && v !== '') return v;
      }
      throw new FunctionArgumentError(null, 'no non-null, non-empty-string arguments');
    },
  },
  coalescelist: {
    params: [],
    variadic: param('vals', D, { allowNull: true, ...INSIDE }),
    impl: (args) => {
      for (const [i, v] of args.entries()) {
        if (v === null) continue;
        if (listArg(v, i, 'list or tuple').length > 0) return v;
      }
      throw new FunctionArgumentError(null, 'no non-null arguments');
    },
  },
  compact: {
    params: [param('list', LIST_OF_STRING)],
    returnType: LIST_OF_STRING,
    impl: ([l]) => arr(l, 0).filter((x) => x !== null && x !== ''),
  },
  setunion: setOp((sets) => sets.flat(), INSIDE),
  setintersection: setOp(([first, ...rest]) => first.filter((x) => rest.every((s) => has(s, x)))),
  setsubtract: {
    params: [param('a', SET_OF_ANY), param('b', SET_OF_ANY)],
    returnType: SET_OF_ANY,
    impl: ([a, b]) => {
      const all = unifiedList([...arr(a, 0), ...arr(b, 1)], null, "setsubtract arguments' elements");
      const left = all.slice(0, (a as Value[]).length);
      const right = all.slice((a as Value[]).length);
      return makeSet(left.filter((x) => !has(right, x)));
    },
  },
  setproduct: {
    params: [],
    variadic: param('sets', D, INSIDE),
    impl: (args) => {
      if (args.length < 2) throw new FunctionArgumentError(null, 'at least two arguments are required');
      const lists = args.map((a, i) => listArg(a, i, 'set or list'));
      // a set whose elements are not all known has no known length or order
      if (args.some((a) => isSet(a) && containsUnknown(a))) return new Unknown();
      let out: Value[][] = [[]];
      for (const l of lists) out = out.flatMap((prefix) => l.map((x) => [...prefix, x]));
      return args.every(isSet) ? makeSet(out) : out;
    },
  },
  one: {
    params: [param('list', D, INSIDE)],
    impl: ([l]) => {
      const list = listArg(l, 0, 'list, set, or tuple');
      if (undecidedSet(list)) return new Unknown();
      if (list.length === 0) return null;
      if (list.length === 1) return list[0];
      throw new FunctionArgumentError(0, 'must be a list, set, or tuple value with either zero or one elements');
    },
  },
  sum: {
    params: [param('list', { list: 'number' })],
    returnType: 'number',
    impl: ([l]) => {
      const list = arr(l, 0);
      if (list.length === 0) throw new FunctionArgumentError(0, 'cannot sum an empty list');
      // from the first element, as cty: sum([-0]) is -0
      let acc: Num | undefined;
      for (let i = 0; i < list.length; i++) {
        const x = list[i];
        if (x === null) throw new FunctionArgumentError(0, `element ${i} is null`);
        acc = acc === undefined ? bigNum(x, 0) : add(acc, bigNum(x, 0));
      }
      return acc as Num;
    },
  },
  min: aggregate('min'),
  max: aggregate('max'),
  chunklist: {
    params: [param('list', D, INSIDE), param('size', 'number')],
    impl: ([l, s]) => {
      const list = listArg(l, 0);
      const size = int(s, 1, 'size');
      // as Terraform's (its list parameter takes a set as a list): a set with unknowns has no known order
      if (isSet(list) && containsUnknown(list)) return new Unknown();
      if (size < 0) throw new FunctionArgumentError(1, 'the size argument must be positive');
      if (size === 0) return [list];
      const out: Value[] = [];
      for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
      return out;
    },
  },
  transpose: {
    params: [param('values', { map: { list: 'string' } })],
    returnType: { map: LIST_OF_STRING },
    impl: ([m]) => {
      const input = obj(m, 0);
      const out: Record<string, string[]> = {};
      for (const k of sortedKeys(input)) {
        for (const v of arr(input[k] ?? [], 0)) {
          if (v === null) throw new FunctionArgumentError(0, `the list for key ${JSON.stringify(k)} contains null`);
          (out[v as string] ??= []).push(k);
        }
      }
      return out;
    },
  },
  alltrue: {
    params: [param('list', { list: 'bool' })],
    returnType: 'bool',
    impl: ([l]) => arr(l, 0).every((x, i) => x !== null && bool(x, i)),
  },
  anytrue: {
    params: [param('list', { list: 'bool' }, INSIDE)],
    returnType: 'bool',
    impl: ([l]) => {
      // as Terraform's: one true decides; otherwise an unknown element leaves it unknown
      const list = arr(l, 0);
      if (list.some((x, i) => x !== null && !(x instanceof Unknown) && bool(x, i))) return true;
      return list.some((x) => x instanceof Unknown) ? new Unknown('bool') : false;
    },
  },
  matchkeys: {
    params: [param('values', LIST_OF_ANY), param('keys', LIST_OF_ANY), param('searchset', LIST_OF_ANY)],
    returnType: LIST_OF_ANY,
    impl: ([v, k, s]) => {
      const values = arr(v, 0);
      const keys = arr(k, 1);
      const search = arr(s, 2);
      if (values.length !== keys.length) throw new FunctionArgumentError(null, 'length of keys and values should be equal');
      return values.filter((_, i) => has(search, keys[i]));
    },
  },
};
