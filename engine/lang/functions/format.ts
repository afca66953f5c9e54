// Terraform's format() verbs (a subset of Go's fmt, as cty implements it):
// %v %#v %t %b %d %o %x %X %e %E %f %g %G %s %q %%, flags + - # space 0, width, .precision
// and explicit argument indexes (%[2]s).

import { decimalOf, type Decimal, exponentText, fixedText, isNum, isWholeNum, type Num, roundDecimal, shortestOf, toBigInt } from '../big-number.ts';
import { convert, ConversionError } from '../convert.ts';
import { isObject, type Value } from '../value.ts';
import { FunctionArgumentError } from './function.ts';
import { graphemes } from './define.ts';
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
      // a number under %v prints as Go prints a big.Float with %v: %g, shortest digits
      if (isNum(arg)) return numberVerb('g', { ...spec, precision: undefined }, arg);
      return pad(String(arg as string | boolean), spec, false);
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
      const radix = verb === 'b' ? 2 : verb === 'o' ? 8 : verb === 'd' ? 10 : 16;
      const whole = toBigInt(big);
      let digits = (whole < 0n ? -whole : whole).toString(radix);
      if (verb === 'X') digits = digits.toUpperCase();
      if (spec.flags.includes('#') && verb === 'x') digits = '0x' + digits;
      if (spec.flags.includes('#') && verb === 'X') digits = '0X' + digits;
      if (spec.flags.includes('#') && verb === 'o') digits = '0' + digits;
      return signed(whole < 0n, digits, spec);
    }
    default:
      return numberVerb(verb, spec, as('number') as Num);
  }
}

/**
 * %e %E %f %g %G of a number, as Go formats a big.Float: from the exact binary value (so %.30f
 * of 0.1 shows the 512-bit float's digits), %g without a precision from the shortest digits.
 */
function numberVerb(verb: string, spec: Spec, n: Num): string {
  if (typeof n === 'number' && !Number.isFinite(n)) return signed(n < 0, Number.isNaN(n) ? 'NaN' : 'Inf', spec);
  const lower = verb.toLowerCase();
  const upper = verb !== lower;
  const shortest = lower === 'g' && spec.precision === undefined;
  const { negative, d: exact } = shortest ? shortestOf(n) : decimalOf(n);
  let d: Decimal = exact;
  let prec = spec.precision ?? 6;
  let text: string;
  if (lower === 'e') text = exponentText(roundDecimal(d, 1 + prec), prec, upper ? 'E' : 'e');
  else if (lower === 'f') text = fixedText(roundDecimal(d, d.exp + prec), prec);
  else {
    if (shortest) prec = d.digits.length;
    else {
      if (prec === 0) prec = 1;
      d = roundDecimal(d, prec);
    }
    let eprec = prec;
    if (eprec > d.digits.length && d.digits.length >= d.exp) eprec = d.digits.length;
    if (shortest) eprec = 6;
    const exp = d.exp - 1;
    if (exp < -4 || exp >= eprec) text = exponentText(d, Math.min(prec, d.digits.length) - 1, upper ? 'E' : 'e');
    else text = fixedText(d, Math.max((prec > d.exp ? d.digits.length : prec) - d.exp, 0));
  }
  return signed(negative, text, spec);
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
  const len = graphemes(s).length;
  if (spec.width === undefined || len >= spec.width) return s;
  const fill = (zero ? '0' : ' ').repeat(spec.width - len);
  return spec.flags.includes('-') ? s + fill : fill + s;
}
