// String functions: join, split, format, formatlist, case, replace, substr, trimming,
// indent, prefix/suffix tests, regex, regexall, strrev.

import { formatType } from '../types.ts';
import { containsUnknown, isSet, Unknown, type Value, type ValueObject } from '../value.ts';
import { toLowerSimple, toTitleSimple, toUpperSimple } from './case-mapping.ts';
import { arr, graphemes, int, LIST_OF_STRING, param, str } from './define.ts';
import { formatString } from './format.ts';
import { FunctionArgumentError, type FunctionDef } from './function.ts';
import { allMatches, compileRe2, firstMatch, replaceAll, type Re2, type Re2Match } from './re2.ts';

const S = 'string' as const;

function strFn(names: string[], f: (...a: string[]) => Value): FunctionDef {
  return { params: names.map((n) => param(n, S)), returnType: S, impl: (args) => f(...args.map((a, i) => str(a, i))) };
}

/** Go's strings.Title: upper-cases the first letter after any non-letter/digit/underscore. */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    const sep = !/[\p{L}\p{N}_]/u.test(prev) && (prev.codePointAt(0)! < 0x80 || /\s/u.test(prev));
    out += sep ? toTitleSimple(ch) : ch;
    prev = ch;
  }
  return out;
}

/** Checks a pattern for regex()/regexall(): Terraform refuses named and unnamed groups together. */
function regexPattern(pattern: string): Re2 {
  const re = compileRe2(pattern, 0);
  const named = re.names.filter((n) => n !== undefined).length;
  if (named > 0 && named < re.groupCount) throw new FunctionArgumentError(0, 'invalid regexp pattern: cannot mix both named and unnamed capture groups');
  return re;
}

/** No groups: the match; named groups: a map by name; otherwise a list (null for a group that did not take part). */
function regexResult(re: Re2, m: Re2Match): Value {
  if (re.groupCount === 0) return m.groups[0];
  if (re.names.some((n) => n !== undefined)) {
    const o: ValueObject = {};
    for (let i = 1; i <= re.groupCount; i++) o[re.names[i]!] = m.groups[i];
    return o;
  }
  return m.groups.slice(1);
}

const ASCII_SPACE = /^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/gu;

export const stringFunctions: Record<string, FunctionDef> = {
  join: {
    params: [param('separator', S)],
    variadic: param('lists', LIST_OF_STRING),
    returnType: S,
    impl: (args) => {
      if (args.length < 2) throw new FunctionArgumentError(null, 'at least one list is required');
      const sep = str(args[0], 0);
      const items: string[] = [];
      args.slice(1).forEach((l, i) =>
        arr(l, i + 1).forEach((x, j) => {
          if (x === null) throw new FunctionArgumentError(i + 1, `element ${j} is null; cannot concatenate null values`);
          items.push(str(x, i + 1));
        }),
      );
      return items.join(sep);
    },
  },
  split: strFn(['separator', 'str'], (sep, s) => (sep === '' ? Array.from(s) : s.split(sep))),
  format: {
    params: [param('format', S)],
    variadic: param('args', 'dynamic', { allowNull: true }),
    returnType: S,
    impl: (args) => formatString(str(args[0], 0), args.slice(1)),
  },
  formatlist: {
    params: [param('format', S)],
    // as Terraform's: a list argument with unknowns inside gives unknowns only in the rows they are in
    variadic: param('args', 'dynamic', { allowNull: true, allowUnknownInside: true }),
    returnType: LIST_OF_STRING,
    impl: (args) => {
      const fmt = str(args[0], 0);
      const rest = args.slice(1);
      // a set with unknowns has no known length or order (terraform: formatlist("%s", toset([u, "x"])) is unknown)
      if (rest.some((a) => isSet(a) && containsUnknown(a))) return new Unknown(formatType(LIST_OF_STRING));
      let n: number | undefined;
      let first = 0;
      rest.forEach((a, i) => {
        if (!Array.isArray(a)) return;
        if (n === undefined) {
          n = a.length;
          first = i;
        } else if (a.length !== n) {
          throw new FunctionArgumentError(i + 1, `argument ${i + 1} has length ${a.length}, which is inconsistent with argument ${first + 1} of length ${n}`);
        }
      });
      const count = n ?? 1;
      const out: Value[] = [];
      for (let k = 0; k < count; k++) {
        const row = rest.map((a) => (Array.isArray(a) ? a[k] : a));
        out.push(row.some(containsUnknown) ? new Unknown('string') : formatString(fmt, row));
      }
      return out;
    },
  },
  lower: strFn(['str'], toLowerSimple),
  upper: strFn(['str'], toUpperSimple),
  title: strFn(['str'], title),
  replace: strFn(['str', 'substr', 'replace'], (s, sub, rep) => {
    if (sub.length > 1 && sub.startsWith('/') && sub.endsWith('/')) return replaceAll(compileRe2(sub.slice(1, -1), 1), s, rep);
    return sub === '' ? s : s.split(sub).join(rep);
  }),
  substr: {
    params: [param('str', S), param('offset', 'number'), param('length', 'number')],
    returnType: S,
    impl: (args) => {
      const chars = graphemes(str(args[0], 0));
      let offset = int(args[1], 1, 'offset');
      const length = int(args[2], 2, 'length');
      if (offset < 0) offset = Math.max(0, chars.length + offset);
      if (offset >= chars.length) return '';
      const end = length < 0 ? chars.length : Math.min(chars.length, offset + length);
      return chars.slice(offset, end).join('');
    },
  },
  trim: strFn(['str', 'cutset'], (s, cut) => {
    const set = new Set(Array.from(cut));
    const cps = Array.from(s);
    let a = 0;
    let b = cps.length;
    while (a < b && set.has(cps[a])) a++;
    while (b > a && set.has(cps[b - 1])) b--;
    return cps.slice(a, b).join('');
  }),
  trimspace: strFn(['str'], (s) => s.replace(ASCII_SPACE, '')),
  trimprefix: strFn(['str', 'prefix'], (s, p) => (p !== '' && s.startsWith(p) ? s.slice(p.length) : s)),
  trimsuffix: strFn(['str', 'suffix'], (s, p) => (p !== '' && s.endsWith(p) ? s.slice(0, -p.length) : s)),
  chomp: strFn(['str'], (s) => s.replace(/(\r\n|\n|\r)+$/, '')),
  indent: {
    params: [param('spaces', 'number'), param('str', S)],
    returnType: S,
    impl: (args) => {
      const pad = ' '.repeat(Math.max(0, int(args[0], 0, 'spaces')));
      return str(args[1], 1).replace(/\n/g, '\n' + pad);
    },
  },
  startswith: strFn(['str', 'prefix'], (s, p) => s.startsWith(p)),
  endswith: strFn(['str', 'suffix'], (s, p) => s.endsWith(p)),
  strcontains: strFn(['str', 'substr'], (s, p) => s.includes(p)),
  regex: strFn(['pattern', 'str'], (pattern, s) => {
    const re = regexPattern(pattern);
    const m = firstMatch(re, s);
    if (!m) throw new FunctionArgumentError(null, 'pattern did not match any part of the given string');
    return regexResult(re, m);
  }),
  regexall: {
    params: [param('pattern', S), param('str', S)],
    returnType: { list: 'dynamic' },
    impl: (args) => {
      const re = regexPattern(str(args[0], 0));
      return allMatches(re, str(args[1], 1)).map((m) => regexResult(re, m));
    },
  },
  strrev: strFn(['str'], (s) => graphemes(s).reverse().join('')),
};
