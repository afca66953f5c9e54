// Small helpers shared by the function families: declaring parameters and reading
// already-converted arguments with the right JS type.

import { isNum, type Num, toDouble } from '../big-number.ts';
import type { Type } from '../types.ts';
import { isObject, type Value, type ValueObject } from '../value.ts';
import { FunctionArgumentError, type Param } from './function.ts';

type Flags = Pick<Param, 'allowNull' | 'allowUnknown' | 'allowUnknownInside' | 'allowMarked'>;

export function param(name: string, type: Type, flags: Flags = {}): Param {
  return { name, type, ...flags };
}

export const LIST_OF_STRING: Type = { list: 'string' };
export const LIST_OF_ANY: Type = { list: 'dynamic' };
export const SET_OF_ANY: Type = { set: 'dynamic' };
export const MAP_OF_ANY: Type = { map: 'dynamic' };

// The registry converts every argument to its Param type before the call, so these casts
// only narrow the static type; they still check, to fail loudly on a registry bug.
export function str(v: Value, i: number): string {
  if (typeof v !== 'string') throw new FunctionArgumentError(i, 'a string is required');
  return v;
}
/** A number argument as a double: for functions that compute in doubles, as Terraform's do (pow, log). */
export function num(v: Value, i: number): number {
  return toDouble(bigNum(v, i));
}
/** A number argument with every digit (a double or a BigNum). */
export function bigNum(v: Value, i: number): Num {
  if (!isNum(v)) throw new FunctionArgumentError(i, 'a number is required');
  return v;
}
export function bool(v: Value, i: number): boolean {
  if (typeof v !== 'boolean') throw new FunctionArgumentError(i, 'a bool is required');
  return v;
}
export function arr(v: Value, i: number): Value[] {
  if (!Array.isArray(v)) throw new FunctionArgumentError(i, 'a list, set or tuple is required');
  return v;
}
export function obj(v: Value, i: number): ValueObject {
  if (!isObject(v)) throw new FunctionArgumentError(i, 'a map or object is required');
  return v;
}
/** A whole number argument (indexes, counts, bases). */
export function int(v: Value, i: number, what = 'value'): number {
  const n = num(v, i);
  if (!Number.isInteger(n)) throw new FunctionArgumentError(i, `invalid ${what}: value must be a whole number`);
  return n;
}

/** Splits a string into user-perceived characters (grapheme clusters), as Terraform counts them. */
// made on first use: the first Intl.Segmenter of a process loads ICU data (~10 ms of start-up)
let segmenter: Intl.Segmenter | undefined;
export function graphemes(s: string): string[] {
  if (PLAIN_ASCII.test(s)) return s.split('');
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(s), (x) => x.segment);
}
/** The number of grapheme clusters of a string (its length as Terraform counts it). */
export function graphemeCount(s: string): number {
  return PLAIN_ASCII.test(s) ? s.length : graphemes(s).length;
}
// printable ASCII, tab and newline: each character its own cluster (CR is not: CR LF is one), and
// the segmenter (slow, and called per string by format, length, substr) has nothing to join
const PLAIN_ASCII = /^[\t\n\x20-\x7e]*$/;
