// The value semantics of the operators and of traversal steps, after HCL/cty:
//   arithmetic and ordering convert operands to number ("5" + 2 = 7), && || ! convert to bool,
//   == and != compare structurally without conversion (1 == "1" is false).
// An unknown operand gives an unknown result; a sensitive operand gives a sensitive result.
// Numbers are doubles or BigNums (big-number.ts); arithmetic beyond safe integers is exact
// decimal arithmetic (number-arithmetic.ts), so 0.1 + 0.2 == 0.3 as in Terraform.
// Error messages never include a value that is sensitive.

import type { BinaryOperator, TraversalStep } from './ast.ts';
import { convert } from './convert.ts';
import { compareNum, isNum, type Num, toDouble } from './big-number.ts';
import { ArithmeticError, add, divide, multiply, negate, remainder, subtract } from './number-arithmetic.ts';
import { errorAt, type Located } from './expression-error.ts';
import { containsSensitive, containsUnknown, isObject, isSet, Sensitive, Unknown, valuesEqual, type Value } from './value.ts';

const UNKNOWN_NUMBER = new Unknown('number');
const UNKNOWN_BOOL = new Unknown('bool');

/** Removes top-level sensitive marks; `marked` tells whether there were any. */
export function strip(v: Value): Value {
  while (v instanceof Sensitive) v = v.value;
  return v;
}
export const mark = (v: Value, sensitive: boolean): Value => (sensitive && !(v instanceof Sensitive) ? new Sensitive(v) : v);

/** A short, safe description of a value for messages: its text when not sensitive and short. */
function show(v: Value, sensitive: boolean): string {
  if (sensitive) return '(sensitive value)';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
  return String(v);
}

function toNumber(v: Value, sensitive: boolean, what: string, node: Located): Num {
  if (isNum(v)) return v;
  if (typeof v === 'string') {
    try {
      return convert(v, 'number') as Num;
    } catch {
      throw errorAt(node, `Invalid operand: unsuitable value for ${what}: a number is required, and ${show(v, sensitive)} is not a number`);
    }
  }
  if (v === null) throw errorAt(node, `Invalid operand: ${what} is null; a number is required`);
  throw errorAt(node, `Invalid operand: unsuitable value for ${what}: a number is required, got ${typeLabel(v)}`);
}

function toBool(v: Value, sensitive: boolean, what: string, node: Located): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (v === null) throw errorAt(node, `Invalid operand: ${what} is null; a bool is required`);
  if (typeof v === 'string') throw errorAt(node, `Invalid operand: unsuitable value for ${what}: a bool is required, and ${show(v, sensitive)} is not a bool`);
  throw errorAt(node, `Invalid operand: unsuitable value for ${what}: a bool is required, got ${typeLabel(v)}`);
}

export function typeLabel(v: Value): string {
  if (v === null) return 'null';
  if (v instanceof Unknown) return 'an unknown value';
  if (typeof v === 'string') return 'a string';
  if (isNum(v)) return 'a number';
  if (typeof v === 'boolean') return 'a bool';
  if (Array.isArray(v)) return isSet(v) ? 'a set' : 'a list';
  return 'an object';
}

export function binaryOp(op: BinaryOperator, lm: Value, rm: Value, node: Located): Value {
  const l = strip(lm);
  const r = strip(rm);
  let sensitive = l !== lm || r !== rm;
  if (op === '==' || op === '!=') {
    if (l instanceof Unknown || r instanceof Unknown) return mark(UNKNOWN_BOOL, sensitive);
    if (typeof l === 'object' && l !== null && typeof r === 'object' && r !== null) {
      if (containsUnknown(l) || containsUnknown(r)) return mark(UNKNOWN_BOOL, sensitive);
      sensitive ||= containsSensitive(l) || containsSensitive(r);
    }
    const eq = valuesEqual(l, r);
    return mark(op === '==' ? eq : !eq, sensitive);
  }
  if (op === '&&' || op === '||') {
    const lb = l instanceof Unknown ? l : toBool(l, l !== lm, 'the left operand of ' + op, node);
    const rb = r instanceof Unknown ? r : toBool(r, r !== rm, 'the right operand of ' + op, node);
    if (lb instanceof Unknown || rb instanceof Unknown) return mark(UNKNOWN_BOOL, sensitive);
    return mark(op === '&&' ? lb && rb : lb || rb, sensitive);
  }
  const ln = l instanceof Unknown ? l : toNumber(l, l !== lm, `the left operand of "${op}"`, node);
  const rn = r instanceof Unknown ? r : toNumber(r, r !== rm, `the right operand of "${op}"`, node);
  const ordering = op === '<' || op === '<=' || op === '>' || op === '>=';
  if (ln instanceof Unknown || rn instanceof Unknown) return mark(ordering ? UNKNOWN_BOOL : UNKNOWN_NUMBER, sensitive);
  let out: Value;
  try {
    out = arithmetic(op, ln, rn);
  } catch (err) {
    if (err instanceof ArithmeticError) throw errorAt(node, `Invalid operation: ${err.message}`);
    throw err;
  }
  return mark(out, sensitive);
}

function arithmetic(op: Exclude<BinaryOperator, '==' | '!=' | '&&' | '||'>, ln: Num, rn: Num): Value {
  switch (op) {
    case '+':
      return add(ln, rn);
    case '-':
      return subtract(ln, rn);
    case '*':
      return multiply(ln, rn);
    case '/':
      // x / 0 is an infinity; 0 / 0 fails
      return divide(ln, rn);
    case '%':
      // as cty: x % 0 is x
      return remainder(ln, rn);
    case '<':
      return compareNum(ln, rn) < 0;
    case '<=':
      return compareNum(ln, rn) <= 0;
    case '>':
      return compareNum(ln, rn) > 0;
    default:
      return compareNum(ln, rn) >= 0;
  }
}

export function unaryOp(op: '-' | '!', vm: Value, node: Located): Value {
  const v = strip(vm);
  const sensitive = v !== vm;
  if (op === '-') {
    if (v instanceof Unknown) return mark(UNKNOWN_NUMBER, sensitive);
    return mark(negate(toNumber(v, sensitive, 'the operand of "-"', node)), sensitive);
  }
  if (v instanceof Unknown) return mark(UNKNOWN_BOOL, sensitive);
  return mark(!toBool(v, sensitive, 'the operand of "!"', node), sensitive);
}

/** Reads `collection[key]` (an index step or an index expression). */
export function index(cm: Value, km: Value, node: Located): Value {
  const c = strip(cm);
  const k = strip(km);
  const sensitive = c !== cm || k !== km;
  if (c === null) throw errorAt(node, 'Attempt to index null value: this value is null, so it does not have any indices');
  if (k === null) throw errorAt(node, 'Invalid index: a null value cannot be used as an index');
  if (Array.isArray(c)) {
    if (isSetValue(c)) {
      throw errorAt(node, 'Invalid index: elements of a set are identified only by their value and have no index; convert it with tolist() or iterate over it with a for expression');
    }
    if (k instanceof Unknown) return mark(new Unknown(), sensitive);
    let i: number;
    if (isNum(k)) i = toDouble(k);
    else if (typeof k === 'string') {
      try {
        i = toDouble(convert(k, 'number') as Num);
      } catch {
        throw errorAt(node, `Invalid index: a list or tuple index must be a number, got ${show(k, k !== km)}`);
      }
    } else throw errorAt(node, `Invalid index: a list or tuple index must be a number, got ${typeLabel(k)}`);
    if (!Number.isInteger(i)) throw errorAt(node, 'Invalid index: indexing a sequence requires a whole number, but the given index has a fractional part');
    if (i < 0) throw errorAt(node, 'Invalid index: a negative number is not a valid index for a sequence');
    if (i >= c.length) throw errorAt(node, `Invalid index: the given index ${k !== km ? '' : `${i} `}is out of range for a sequence of ${c.length} element${c.length === 1 ? '' : 's'}`);
    return mark(c[i], sensitive);
  }
  if (c instanceof Unknown) return mark(c.type === undefined ? c : new Unknown(), sensitive);
  if (isObject(c)) {
    if (k instanceof Unknown) return mark(new Unknown(), sensitive);
    let key: string;
    if (typeof k === 'string') key = k;
    else if (isNum(k) || typeof k === 'boolean') key = convert(k, 'string') as string;
    else throw errorAt(node, `Invalid index: a map or object key must be a string, got ${typeLabel(k)}`);
    if (!Object.hasOwn(c, key)) {
      throw errorAt(node, k !== km ? 'Invalid index: the given key does not exist in the map' : `Invalid index: the given key ${JSON.stringify(key)} does not exist in the map`);
    }
    return mark(c[key], sensitive);
  }
  throw errorAt(node, `Invalid index: ${typeLabel(c)} does not have any indices`);
}

/** Reads `.name`. */
export function getAttr(vm: Value, name: string, node: Located): Value {
  const v = strip(vm);
  if (isObject(v)) {
    if (!Object.hasOwn(v, name)) throw errorAt(node, `Unsupported attribute: object has no attribute ${JSON.stringify(name)}`);
    return v === vm ? v[name] : mark(v[name], true);
  }
  if (v instanceof Unknown) return v === vm ? UNKNOWN_ATTR : mark(UNKNOWN_ATTR, true);
  if (v === null) throw errorAt(node, `Attempt to get attribute from null value: this value is null, so it does not have an attribute ${JSON.stringify(name)}`);
  if (Array.isArray(v)) {
    throw errorAt(node, `Unsupported attribute: ${isSet(v) ? 'a set' : 'a list'} does not have attributes; to get attribute ${JSON.stringify(name)} of every element, use a splat: [*].${name}`);
  }
  throw errorAt(node, `Unsupported attribute: can't access attributes on a primitive-typed value (${typeof v === 'boolean' ? 'bool' : typeof v})`);
}
const UNKNOWN_ATTR = new Unknown();
/** isSet without type narrowing (a set is still an array afterwards) */
export const isSetValue = (v: Value[]): boolean => isSet(v);

export function applyStep(v: Value, step: TraversalStep, node: Located): Value {
  return step.kind === 'attr' ? getAttr(v, step.name, node) : index(v, step.key, node);
}
