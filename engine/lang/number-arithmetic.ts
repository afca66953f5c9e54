// Arithmetic the way cty does it on big.Float (big-number.ts): + - and / round to the larger
// precision of the operands; * computes at 512 bits and keeps as many bits as the product needs
// (at least the operands' precision); % follows cty's Modulo (truncated quotient, the
// dividend's precision). Small integers take the plain fast path; everything else runs on the
// operands' binary floats with BigInt and comes back in canonical form (fromBin).

import { BigNum, bitLength, fromBin, type Num, PRECISION, quotient, rounded, toBigInt, toBin } from './big-number.ts';

const safe = (n: Num): n is number => typeof n === 'number' && Number.isSafeInteger(n);
const finite = (n: Num): boolean => typeof n !== 'number' || Number.isFinite(n);

function infinite(a: Num, b: Num, f: (x: number, y: number) => number): number {
  const x = typeof a === 'number' ? a : a.m < 0n ? -1 : 1;
  const y = typeof b === 'number' ? b : b.m < 0n ? -1 : 1;
  return f(x, y);
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
  if (!finite(a) || !finite(b)) return infinite(a, b, (x, y) => x + y);
  return fromBin(sum(toBin(a), toBin(b)));
}

export function subtract(a: Num, b: Num): Num {
  if (safe(a) && safe(b)) {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  if (!finite(a) || !finite(b)) return infinite(a, b, (x, y) => x - y);
  return fromBin(sum(toBin(a), toBin(negate(b))));
}

export function multiply(a: Num, b: Num): Num {
  if (safe(a) && safe(b)) {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r;
  }
  if (!finite(a) || !finite(b)) return infinite(a, b, (x, y) => x * y);
  const x = toBin(a);
  const y = toBin(b);
  const p = rounded(x.m * y.m, x.e + y.e, PRECISION);
  return fromBin(new BigNum(p.m, p.e, Math.max(x.prec, y.prec, bitLength(p.m))));
}

function quo(x: BigNum, y: BigNum): BigNum {
  return quotient(x.m, x.e, y.m, y.e, Math.max(x.prec, y.prec));
}

/** b must not be 0 (the caller reports x/0 and 0/0 the way Terraform does) */
export function divide(a: Num, b: Num): Num {
  if (safe(a) && safe(b) && a % b === 0) return a / b;
  if (!finite(a) || !finite(b)) return infinite(a, b, (x, y) => x / y);
  return fromBin(quo(toBin(a), toBin(b)));
}

/** cty's Modulo: a - b * trunc(a / b), in the dividend's precision; x % 0 is x. */
export function remainder(a: Num, b: Num): Num {
  if (isZero(b)) return a;
  if (safe(a) && safe(b)) return a % b;
  if (!finite(a) || !finite(b)) return infinite(a, b, (x, y) => x * y);
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
