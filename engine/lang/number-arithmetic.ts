// Arithmetic the way cty does it on big.Float (big-number.ts): + - and / round to the larger
// precision of the operands; * computes at 512 bits and keeps as many bits as the product needs
// (at least the operands' precision); % follows cty's Modulo (truncated quotient, the
// dividend's precision). Small integers take the plain fast path; everything else runs on the
// operands' binary floats with BigInt and comes back in canonical form (fromBin).
// A zero carries a sign as in big.Float (and IEEE): -0 prints as "-0" in Terraform, so a zero
// result keeps the sign cty gives it. Where big.Float has no answer (opposing infinities, zero
// times infinity) Terraform fails, and so does this: with an ArithmeticError.

import { BigNum, bitLength, fromBin, type Num, PRECISION, quotient, rounded, toBigInt, toBin } from './big-number.ts';

/** An operation Terraform refuses (its big.Float would give NaN); the caller says where. */
export class ArithmeticError extends Error {}

const safe = (n: Num): n is number => typeof n === 'number' && Number.isSafeInteger(n);
const finite = (n: Num): boolean => typeof n !== 'number' || Number.isFinite(n);
/** Whether a number's sign is negative, -0 included (a BigNum zero has no sign: it is +0). */
const negative = (n: Num): boolean => (typeof n === 'number' ? n < 0 || Object.is(n, -0) : n.m < 0n);
/** A zero result with the sign cty gives it. */
const signed = (r: Num, minus: boolean): Num => (r === 0 && minus ? -0 : r);

/** An operation with an infinite operand, on doubles that keep each operand's sign and zero-ness. */
function infinite(a: Num, b: Num, f: (x: number, y: number) => number, refusal: string): number {
  const x = typeof a === 'number' ? a : a.m < 0n ? -1 : a.m === 0n ? 0 : 1;
  const y = typeof b === 'number' ? b : b.m < 0n ? -1 : b.m === 0n ? 0 : 1;
  const r = f(x, y);
  if (Number.isNaN(r)) throw new ArithmeticError(refusal);
  return r;
}

function sum(x: BigNum, y: BigNum): BigNum {
  const e = Math.min(x.e, y.e);
  return rounded((x.m << BigInt(x.e - e)) + (y.m << BigInt(y.e - e)), e, Math.max(x.prec, y.prec));
}

export function add(a: Num, b: Num): Num {
  if (safe(a) && safe(b)) {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  if (!finite(a) || !finite(b)) return infinite(a, b, (x, y) => x + y, "can't compute sum of opposing infinities");
  return fromBin(sum(toBin(a), toBin(b)));
}

export function subtract(a: Num, b: Num): Num {
  if (safe(a) && safe(b)) {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  if (!finite(a) || !finite(b)) return infinite(a, b, (x, y) => x - y, "can't subtract infinity from itself");
  return fromBin(sum(toBin(a), toBin(negate(b))));
}

export function multiply(a: Num, b: Num): Num {
  if (safe(a) && safe(b)) {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r;
  }
  if (!finite(a) || !finite(b)) return infinite(a, b, (x, y) => x * y, "can't multiply zero by infinity");
  const x = toBin(a);
  const y = toBin(b);
  const p = rounded(x.m * y.m, x.e + y.e, PRECISION);
  return signed(fromBin(new BigNum(p.m, p.e, Math.max(x.prec, y.prec, bitLength(p.m)))), negative(a) !== negative(b));
}

function quo(x: BigNum, y: BigNum): BigNum {
  return quotient(x.m, x.e, y.m, y.e, Math.max(x.prec, y.prec));
}

/** As cty: x / 0 is an infinity of the sign of x·0; 0 / 0 and ∞ / ∞ fail. */
export function divide(a: Num, b: Num): Num {
  if (safe(a) && safe(b) && a % b === 0) return a / b;
  if (!finite(a) || !finite(b) || isZero(b)) return infinite(a, b, (x, y) => x / y, "can't divide zero by zero or infinity by infinity");
  return signed(fromBin(quo(toBin(a), toBin(b))), negative(a) !== negative(b));
}

/**
 * cty's Modulo: a - b * trunc(a / b), in the dividend's precision; x % 0 is x (±∞ % 0 too).
 * Any other infinite operand fails in Terraform (x % ∞ multiplies ∞ by zero; ∞ % x panics).
 * An exact zero is +0, except that -0 % b keeps the sign of -0 / b.
 */
export function remainder(a: Num, b: Num): Num {
  if (isZero(b)) return a;
  if (!finite(b)) throw new ArithmeticError("can't use modulo with zero and infinity");
  if (!finite(a)) throw new ArithmeticError("can't use modulo with an infinite dividend");
  if (isZero(a)) return typeof a === 'number' ? signed(0, negative(a) && !negative(b)) : a;
  if (safe(a) && safe(b)) return a % b || 0;
  const x = toBin(a);
  const y = toBin(b);
  const t = toBigInt(quo(x, y));
  const w = rounded(t, 0, x.prec);
  const bw = rounded(y.m * w.m, y.e + w.e, x.prec);
  const e = Math.min(x.e, bw.e);
  return fromBin(rounded((x.m << BigInt(x.e - e)) - (bw.m << BigInt(bw.e - e)), e, x.prec));
}

export function negate(a: Num): Num {
  return typeof a === 'number' ? -a : new BigNum(-a.m, a.e, a.prec);
}

export function absolute(a: Num): Num {
  return typeof a === 'number' ? Math.abs(a) : new BigNum(a.m < 0n ? -a.m : a.m, a.e, a.prec);
}

export const isZero = (a: Num): boolean => (typeof a === 'number' ? a === 0 : a.m === 0n);
