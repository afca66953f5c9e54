// Terraform's format() verbs (a subset of Go's fmt, as cty implements it):
// %v %#v %t %b %d %o %x %X %e %E %f %g %G %s %q %%, flags + - # space 0, width, .precision
// and explicit argument indexes (%[2]s).

import { isExactDouble, isNum, isWholeNum, type Num, toDec, toDouble } from '../big-number.ts';
import { convert, ConversionError, formatNumber } from '../convert.ts';
import { isObject, type Value } from '../value.ts';
import { FunctionArgumentError } from './function.ts';
import { graphemeCount, graphemes } from './define.ts';
import { toJson } from './json.ts';

interface Spec {
  flags: string;
  width?: number;
  precision?: number;
}

/** Formats `args` by `fmt`; argument errors name the verb and its offset like Terraform does. */
export function formatString(fmt: string, args: readonly Value[], argBase = 1): string {
  let out = '';
  let next = 0;
  let usedVerb = false;
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    const start = i;
    i++;
    if (fmt[i] === '%') {
      out += '%';
      i++;
      continue;
    }
    const spec: Spec = { flags: '' };
    while (i < fmt.length && '+-# 0'.includes(fmt[i])) spec.flags += fmt[i++];
    let explicit: number | undefined;
    const idx = /^\[(\d+)\]/.exec(fmt.slice(i));
    if (idx) {
      explicit = Number(idx[1]);
      i += idx[0].length;
    }
    const w = /^\d+/.exec(fmt.slice(i));
    if (w) {
      spec.width = Number(w[0]);
      i += w[0].length;
    }
    if (fmt[i] === '.') {
      i++;
      const p = /^\d*/.exec(fmt.slice(i))![0];
      spec.precision = p === '' ? 0 : Number(p);
      i += p.length;
    }
    const verb = fmt[i];
    i++;
    const verbText = fmt.slice(start, i);
    if (verb === undefined) throw new FunctionArgumentError(null, `invalid format string starting at offset ${start}`);
    if (!'vtbdoxXeEfgGsq'.includes(verb)) throw new FunctionArgumentError(null, `unsupported format verb '${verb}' in ${JSON.stringify(verbText)} at offset ${start}`);
    usedVerb = true;
    const argIndex = explicit !== undefined ? explicit - 1 : next;
    if (argIndex < 0 || argIndex >= args.length) {
      throw new FunctionArgumentError(null, `not enough arguments for ${JSON.stringify(verbText)} at ${start}: need index ${argIndex + 1} but have ${args.length} total`);
    }
    next = argIndex + 1;
    const fail = (why: string): never => {
      throw new FunctionArgumentError(argBase + argIndex, `unsupported value for ${JSON.stringify(verbText)} at ${start}: ${why}`);
    };
    out += formatOne(verb, spec, args[argIndex], fail);
  }
  if (!usedVerb && args.length > 0) throw new FunctionArgumentError(argBase, 'too many arguments; no verbs in format string');
  return out;
}

function formatOne(verb: string, spec: Spec, arg: Value, fail: (why: string) => never): string {
  const as = (t: 'string' | 'number' | 'bool'): Value => {
    if (arg === null) return fail('null value cannot be formatted');
    try {
      return convert(arg, t);
    } catch (e) {
      if (e instanceof ConversionError) return fail(`${t} required`);
      throw e;
    }
  };
  switch (verb) {
    case 'v': {
      if (spec.flags.includes('#')) return pad(toJson(arg), spec, false);
      if (arg === null) return pad('null', spec, false);
      if (Array.isArray(arg) || isObject(arg)) return pad(toJson(arg), spec, false);
      return pad(String(isNum(arg) ? formatNumber(arg) : (arg as string | boolean)), spec, false);
    }
    case 's': {
      let s = as('string') as string;
      if (spec.precision !== undefined) s = graphemes(s).slice(0, spec.precision).join('');
      return pad(s, spec, false);
    }
    case 'q':
      return pad(JSON.stringify(as('string')), spec, false);
    case 't':
      return pad(String(as('bool')), spec, false);
    case 'b':
    case 'd':
    case 'o':
    case 'x':
    case 'X': {
      const big = as('number') as Num;
      if (!isWholeNum(big)) return fail('an integer is required');
      const n = toDouble(big);
      const radix = verb === 'b' ? 2 : verb === 'o' ? 8 : verb === 'd' ? 10 : 16;
      // every digit of a big integer; a double is printed as the decimal it stands for
      let digits = BigInt(toDec(big).abs().toFixed()).toString(radix);
      if (verb === 'X') digits = digits.toUpperCase();
      if (spec.flags.includes('#') && verb === 'x') digits = '0x' + digits;
      if (spec.flags.includes('#') && verb === 'X') digits = '0X' + digits;
      if (spec.flags.includes('#') && verb === 'o') digits = '0' + digits;
      return signed(n < 0, digits, spec);
    }
    default: {
      const big = as('number') as Num;
      if (verb === 'f' && !isExactDouble(big)) return signed(big.d.isNeg(), big.d.abs().toFixed(spec.precision ?? 6), spec);
      const n = toDouble(big);
      return signed(n < 0 || Object.is(n, -0), floatDigits(verb, Math.abs(n), spec), spec);
    }
  }
}

/** Digits of a non-negative float for %e %E %f %g %G, Go style (exponent at least two digits). */
function floatDigits(verb: string, n: number, spec: Spec): string {
  const fixExp = (s: string) => s.replace(/e([+-])(\d)$/, 'e$10$2');
  switch (verb) {
    case 'e':
    case 'E': {
      const s = fixExp(n.toExponential(spec.precision ?? 6));
      return verb === 'E' ? s.toUpperCase() : s;
    }
    case 'f': {
      const p = spec.precision ?? 6;
      if (n >= 1e21) return BigInt(Math.round(n)).toString() + (p > 0 ? '.' + '0'.repeat(p) : '');
      return n.toFixed(p);
    }
    default: {
      // %g: exponent form when the exponent is < -4 or >= the precision (6 when shortest).
      const trim = (x: string) => (x.includes('.') ? x.replace(/\.?0+$/, '') : x);
      let s: string;
      if (spec.precision === undefined) {
        const e = n.toExponential();
        const exp = Number(e.split('e')[1]);
        s = exp < -4 || exp >= 6 ? fixExp(e) : String(n);
      } else {
        const p = Math.max(spec.precision, 1);
        const e = n.toExponential(p - 1);
        const [mant, expText] = e.split('e');
        const exp = Number(expText);
        s = exp < -4 || exp >= p ? fixExp(`${trim(mant)}e${expText}`) : trim(n.toFixed(Math.max(p - 1 - exp, 0)));
      }
      return verb === 'G' ? s.toUpperCase() : s;
    }
  }
}

function signed(negative: boolean, digits: string, spec: Spec): string {
  const sign = negative ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
  if (spec.flags.includes('0') && !spec.flags.includes('-') && spec.width !== undefined) {
    const zeros = Math.max(0, spec.width - sign.length - digits.length);
    return sign + '0'.repeat(zeros) + digits;
  }
  return pad(sign + digits, spec, false);
}

function pad(s: string, spec: Spec, zero: boolean): string {
  if (spec.width === undefined) return s;
  const len = graphemeCount(s);
  if (len >= spec.width) return s;
  const fill = (zero ? '0' : ' ').repeat(spec.width - len);
  return spec.flags.includes('-') ? s + fill : fill + s;
}
