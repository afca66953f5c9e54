// Terraform's numbers are arbitrary-precision (cty: big.Float with a 512-bit mantissa). Ballast
// keeps the common case fast: a number is a JS double whenever the double's shortest decimal
// form (String(n)) is exactly the number meant. Only a number no double can carry exactly
// (integers beyond 2^53 that are not short, literals with 17+ significant digits, results
// such as 1/3) is a BigNum, which holds every digit in a decimal.js Decimal.
// Invariant: a BigNum never holds a value a double could represent in the sense above, so
// equal numbers always have the same representation.

import type { Decimal } from 'decimal.js';
import { lazyRequire } from '../lazy-require.ts';

/** About 512 bits' worth of significant decimal digits, as Terraform's big.Float carries. */
export const PRECISION = 155;
export type Dec = Decimal;

// decimal.js loads on the first number no double can carry: most runs never need it.
const decimalJs = lazyRequire<typeof import('decimal.js')>('decimal.js');
let DecimalClass: typeof Decimal | undefined;

/** A decimal at Terraform's precision. */
export function newDec(v: Decimal.Value): Decimal {
  DecimalClass ??= decimalJs().Decimal.clone({ precision: PRECISION, rounding: 6 /* ROUND_HALF_EVEN */, modulo: 1 /* ROUND_DOWN */, toExpPos: 9e15, toExpNeg: -9e15 });
  return new DecimalClass(v);
}

export class BigNum {
  constructor(readonly d: Decimal) {}
  toString(): string {
    return this.d.toFixed();
  }
  /** Only for places that knowingly leave the engine (logs, error text): full digits as a string. */
  toJSON(): string {
    return this.d.toFixed();
  }
}

export type Num = number | BigNum;

export const isBigNum = (v: unknown): v is BigNum => v instanceof BigNum;
export const isNum = (v: unknown): v is Num => typeof v === 'number' || v instanceof BigNum;

/** The exact decimal a number stands for. */
export function toDec(n: Num): Decimal {
  return typeof n === 'number' ? newDec(n) : n.d;
}

/** The canonical representation of a decimal: a double when String(double) is that decimal. */
export function fromDec(d: Decimal): Num {
  if (!d.isFinite()) return d.toNumber();
  const n = d.toNumber();
  if (Number.isFinite(n) && (d.isZero() || newDec(n).eq(d))) return n;
  return new BigNum(d);
}

/** Parses decimal number text (a literal, JSON, a string converted to number) without losing digits. */
export function numberFromText(text: string): Num {
  const n = Number(text);
  // most literals are short: fewer than 16 significant digits always round-trip through a double
  if (Number.isFinite(n) && significantDigits(text) < 16) return n;
  return fromDec(newDec(text));
}

function significantDigits(text: string): number {
  let count = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101 || c === 69) break; // e E
    if (c < 48 || c > 57) continue;
    if (leading && c === 48) continue;
    leading = false;
    count++;
  }
  return count;
}

/** Plain decimal text as Terraform prints a number: never an exponent, every digit. */
export function formatNum(n: Num): string {
  if (typeof n !== 'number') return n.d.toFixed();
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : n < 0 ? '-Infinity' : 'NaN';
  if (n === 0) return '0';
  return expandExponent(shortestLikeGo(n));
}

/**
 * The shortest decimal that reads back as the double, as Go's big.Float prints a 53-bit
 * number. It equals JS's String(n) except at powers of two, where Go takes the rounding
 * interval as symmetric (pow(2, 64) prints as 18446744073709550000, JS gives ...552000).
 */
function shortestLikeGo(n: number): string {
  const s = String(n);
  const a = Math.abs(n);
  if (!Number.isInteger(a) || a < 2 ** 54 || !Number.isInteger(Math.log2(a))) return s;
  const half = newDec(2).pow(Math.log2(a) - 53);
  const exact = newDec(a);
  for (let digits = 1; digits < 17; digits++) {
    const candidate = newDec(a.toPrecision(digits));
    if (candidate.minus(exact).abs().lte(half)) return (n < 0 ? '-' : '') + candidate.toFixed();
  }
  return s;
}

/** "1.5e-7" -> "0.00000015"; "1e+21" -> "1000000000000000000000". */
function expandExponent(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', expText] = m;
  const exp = Number(expText);
  const digits = int + frac;
  const point = int.length + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Numeric order; works across both representations. */
export function compareNum(a: Num, b: Num): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return toDec(a).cmp(toDec(b));
}

export function numEquals(a: Num, b: Num): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (typeof a === 'number' || typeof b === 'number') return false; // canonical forms differ
  return a.d.eq(b.d);
}

/**
 * A double for a place that can only take one (Math functions, SDK calls that type a field as
 * a JS number). Callers that must not lose digits check isExactDouble first.
 */
export function toDouble(n: Num): number {
  return typeof n === 'number' ? n : n.d.toNumber();
}
export const isExactDouble = (n: Num): n is number => typeof n === 'number';

export function isWholeNum(n: Num): boolean {
  return typeof n === 'number' ? Number.isInteger(n) : n.d.isInteger();
}
