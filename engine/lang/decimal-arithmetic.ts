// Arithmetic the way Terraform's arbitrary-precision numbers behave: 0.1 + 0.2 is 0.3,
// 123456789012345678 + 1 is 123456789012345679. Whole doubles whose result stays in the safe
// range take the plain fast path; everything else runs on the operands' exact decimal forms
// with decimal.js (about 512 bits of precision, as cty) and comes back in canonical form: a
// double when one holds the result exactly, a BigNum otherwise (big-number.ts).

import { type Dec, fromDec, type Num, toDec } from './big-number.ts';

const safe = (n: Num): n is number => typeof n === 'number' && Number.isSafeInteger(n);
const finite = (n: Num): boolean => typeof n !== 'number' || Number.isFinite(n);
const toD = (n: Num) => toDec(n);

function viaDecimal(a: Num, b: Num, op: 'plus' | 'minus' | 'times' | 'dividedBy' | 'modulo'): Num {
  return fromDec(toD(a)[op](toD(b)));
}

function infinite(a: Num, b: Num, f: (x: number, y: number) => number): number {
  return f(typeof a === 'number' ? a : a.d.toNumber(), typeof b === 'number' ? b : b.d.toNumber());
}

export function add(a: Num, b: Num): Num {
  if (safe(a) && safe(b)) {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return finite(a) && finite(b) ? viaDecimal(a, b, 'plus') : infinite(a, b, (x, y) => x + y);
}

export function subtract(a: Num, b: Num): Num {
  if (safe(a) && safe(b)) {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return finite(a) && finite(b) ? viaDecimal(a, b, 'minus') : infinite(a, b, (x, y) => x - y);
}

export function multiply(a: Num, b: Num): Num {
  if (safe(a) && safe(b)) {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r;
  }
  return finite(a) && finite(b) ? viaDecimal(a, b, 'times') : infinite(a, b, (x, y) => x * y);
}

/** b must not be 0 (the caller reports x/0 and 0/0 the way Terraform does) */
export function divide(a: Num, b: Num): Num {
  if (safe(a) && safe(b) && a % b === 0) return a / b;
  return finite(a) && finite(b) ? viaDecimal(a, b, 'dividedBy') : infinite(a, b, (x, y) => x / y);
}

/** truncated remainder (sign of the dividend), as in Terraform; b must not be 0 */
export function remainder(a: Num, b: Num): Num {
  if (safe(a) && safe(b)) return a % b;
  return finite(a) && finite(b) ? viaDecimal(a, b, 'modulo') : infinite(a, b, (x, y) => x % y);
}

export function negate(a: Num): Num {
  return typeof a === 'number' ? -a : fromDec(a.d.neg());
}

export const isZero = (a: Num): boolean => (typeof a === 'number' ? a === 0 : a.d.isZero());
export type { Dec };
