// Numeric functions: abs, ceil, floor, log, pow, signum, parseint. (min, max and sum live
// with the collection functions.)

import { type Dec, fromDec, newDec, type Num, numberFromText } from '../big-number.ts';
import { bigNum, int, num, param, str } from './define.ts';
import { FunctionArgumentError, type FunctionDef } from './function.ts';

const N = 'number' as const;

function unary(f: (n: number) => number, big: (d: Dec) => Dec): FunctionDef {
  return {
    params: [param('num', N)],
    returnType: N,
    impl: ([n]) => {
      const x = bigNum(n, 0);
      return typeof x === 'number' ? f(x) : fromDec(big(x.d));
    },
  };
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Parses an integer in base 2..62 (digits 0-9, a-z, A-Z; case-insensitive up to base 36). */
function parseInt62(s: string, base: number): Num {
  let text = s;
  let negative = false;
  if (text.startsWith('-') || text.startsWith('+')) {
    negative = text[0] === '-';
    text = text.slice(1);
  }
  if (text === '') throw new FunctionArgumentError(0, `cannot parse ${JSON.stringify(s)} as a base ${base} integer`);
  let acc = 0n;
  for (const ch of text) {
    let d = DIGITS.indexOf(base <= 36 ? ch.toLowerCase() : ch);
    if (d < 0 || d >= base) d = -1;
    if (d < 0) throw new FunctionArgumentError(0, `cannot parse ${JSON.stringify(s)} as a base ${base} integer`);
    acc = acc * BigInt(base) + BigInt(d);
  }
  return numberFromText((negative ? -acc : acc).toString());
}

export const numericFunctions: Record<string, FunctionDef> = {
  abs: unary(Math.abs, (d) => d.abs()),
  ceil: unary(Math.ceil, (d) => d.ceil()),
  floor: unary(Math.floor, (d) => d.floor()),
  signum: unary(
    (n) => (n > 0 ? 1 : n < 0 ? -1 : 0),
    (d) => newDec(d.isZero() ? 0 : d.isNeg() ? -1 : 1),
  ),
  log: {
    params: [param('num', N), param('base', N)],
    returnType: N,
    impl: ([n, b]) => {
      const r = Math.log(num(n, 0)) / Math.log(num(b, 1));
      // log(8, 2) is 2.9999999999999996 in doubles; Terraform prints 3.
      const rounded = Math.round(r);
      return Math.abs(r - rounded) < 1e-12 ? rounded : r;
    },
  },
  pow: {
    params: [param('num', N), param('power', N)],
    returnType: N,
    impl: ([n, p]) => num(n, 0) ** num(p, 1),
  },
  parseint: {
    params: [param('number', 'string'), param('base', N)],
    returnType: N,
    impl: ([s, b]) => {
      const base = num(b, 1);
      if (!Number.isInteger(base) || base < 2 || base > 62) throw new FunctionArgumentError(1, 'base must be a whole number between 2 and 62 inclusive');
      return parseInt62(str(s, 0), int(base, 1));
    },
  },
};
