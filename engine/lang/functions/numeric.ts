// Numeric functions: abs, ceil, floor, log, pow, signum, parseint. (min, max and sum live
// with the collection functions.) As in cty: abs, ceil and floor work on the exact number and
// keep its precision; log and pow compute in float64 and give a 53-bit number; signum needs a
// whole number that fits an int64; parseint gives an integer with every digit.

import { fitsInt64, fromBigInt, fromBin, fromFloat64, isWholeNum, type Num, rounded, toBigInt } from '../big-number.ts';
import { absolute } from '../number-arithmetic.ts';
import { float64Pow } from './float64-pow.ts';
import { bigNum, int, num, param, str } from './define.ts';
import { FunctionArgumentError, type FunctionDef } from './function.ts';

const N = 'number' as const;

function unary(f: (n: Num) => Num): FunctionDef {
  return {
    params: [param('num', N)],
    returnType: N,
    impl: ([n]) => f(bigNum(n, 0)),
  };
}

/** floor (down) or ceil (up): the integer, at the argument's precision. */
function toWhole(n: Num, up: boolean): Num {
  // + 0: cty goes through a big.Int, so ceil(-0.5) and floor(-0) are 0, never -0
  if (typeof n === 'number') return (up ? Math.ceil(n) : Math.floor(n)) + 0;
  if (isWholeNum(n)) return n;
  let i = toBigInt(n); // toward zero
  if (up && n.m > 0n) i += 1n;
  if (!up && n.m < 0n) i -= 1n;
  return fromBin(rounded(i, 0, n.prec));
}

/** A number as Go's int (gocty): whole and within int64. */
function goInt(n: Num, i: number): bigint {
  if (!fitsInt64(n)) {
    throw new FunctionArgumentError(i, 'value must be a whole number, between -9223372036854775808 and 9223372036854775807');
  }
  return toBigInt(n);
}

function float64Result(x: number): Num {
  if (Number.isNaN(x)) throw new FunctionArgumentError(0, 'result is not a number');
  return fromFloat64(x);
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
  return fromBigInt(negative ? -acc : acc);
}

export const numericFunctions: Record<string, FunctionDef> = {
  abs: unary(absolute),
  ceil: unary((n) => toWhole(n, true)),
  floor: unary((n) => toWhole(n, false)),
  signum: unary((n) => {
    const i = goInt(n, 0);
    return i > 0n ? 1 : i < 0n ? -1 : 0;
  }),
  log: {
    params: [param('num', N), param('base', N)],
    returnType: N,
    impl: ([n, b]) => float64Result(Math.log(num(n, 0)) / Math.log(num(b, 1))),
  },
  pow: {
    params: [param('num', N), param('power', N)],
    returnType: N,
    impl: ([n, p]) => float64Result(float64Pow(num(n, 0), num(p, 1))),
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
