// Arithmetic the way Terraform's decimal literals behave: 0.1 + 0.2 is 0.3, 1.1 * 1.1 is 1.21.
// Numbers stay JavaScript doubles; when an operand has a fraction (or an integer result leaves
// the exact range), the operation runs on the operands' shortest decimal forms with
// decimal.js and the exact result is rounded to the nearest double once. Whole numbers in the
// safe range take the plain fast path.

import { Decimal } from 'decimal.js';

// more digits than a double holds, so the one rounding at the end is the only one
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, modulo: Decimal.ROUND_DOWN });

const safe = (n: number): boolean => Number.isSafeInteger(n);

function viaDecimal(a: number, b: number, op: 'plus' | 'minus' | 'times' | 'dividedBy' | 'modulo'): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return NaN;
  return new D(a)[op](new D(b)).toNumber();
}

export function add(a: number, b: number): number {
  if (safe(a) && safe(b)) {
    const r = a + b;
    if (safe(r)) return r;
  }
  return Number.isFinite(a) && Number.isFinite(b) ? viaDecimal(a, b, 'plus') : a + b;
}

export function subtract(a: number, b: number): number {
  if (safe(a) && safe(b)) {
    const r = a - b;
    if (safe(r)) return r;
  }
  return Number.isFinite(a) && Number.isFinite(b) ? viaDecimal(a, b, 'minus') : a - b;
}

export function multiply(a: number, b: number): number {
  if (safe(a) && safe(b)) {
    const r = a * b;
    if (safe(r)) return r;
  }
  return Number.isFinite(a) && Number.isFinite(b) ? viaDecimal(a, b, 'times') : a * b;
}

/** b must not be 0 (the caller reports x/0 and 0/0 the way Terraform does) */
export function divide(a: number, b: number): number {
  if (safe(a) && safe(b) && a % b === 0) return a / b;
  return Number.isFinite(a) && Number.isFinite(b) ? viaDecimal(a, b, 'dividedBy') : a / b;
}

/** truncated remainder (sign of the dividend), as in Terraform; b must not be 0 */
export function remainder(a: number, b: number): number {
  if (safe(a) && safe(b)) return a % b;
  return Number.isFinite(a) && Number.isFinite(b) ? viaDecimal(a, b, 'modulo') : a % b;
}
