// Terraform's regular expressions are Go's RE2: linear time in the input, RE2 syntax
// (`\Q..\E`, `[[:^alpha:]]`, `(?P<name>..)`, `\pL`, `(?i)` anywhere). re2js is a port of that
// engine, so patterns are compiled as written, never translated to a backtracking RegExp.
// The iteration over all matches follows Go's ReplaceAll/FindAll: an empty match right after
// the previous match is skipped, and the search then moves on by one character.

import type * as re2jsModule from 're2js';
import type { RE2JS } from 're2js';
import { lazyRequire } from '../../lazy-require.ts';
import { FunctionArgumentError } from './function.ts';

export interface Re2Match {
  /** start and end (UTF-16 offsets) of the whole match */
  readonly start: number;
  readonly end: number;
  /** the whole match, then each capture group; null for a group that did not take part */
  readonly groups: readonly (string | null)[];
}

export interface Re2 {
  readonly re: RE2JS;
  /** capture group names by index (1-based); undefined for an unnamed group */
  readonly names: readonly (string | undefined)[];
  readonly groupCount: number;
}

// loaded on the first regular expression: most plans never compile one
const re2js = lazyRequire<typeof re2jsModule>('re2js');
const cache = new Map<string, Re2>();

/** Compiles an RE2 pattern; a syntax error is a FunctionArgumentError against `argIndex`. */
export function compileRe2(pattern: string, argIndex: number): Re2 {
  let compiled = cache.get(pattern);
  if (compiled !== undefined) return compiled;
  let re: RE2JS;
  try {
    re = re2js().RE2JS.compile(pattern);
  } catch (e) {
    if (e instanceof re2js().RE2JSException) throw new FunctionArgumentError(argIndex, `invalid regexp pattern: ${e.message}`);
    throw e;
  }
  const groupCount = re.groupCount();
  const names: (string | undefined)[] = new Array(groupCount + 1).fill(undefined);
  for (const [name, i] of Object.entries(re.namedGroups())) names[i] = name;
  compiled = { re, names, groupCount };
  if (cache.size > 500) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/** The first match at or after UTF-16 offset `from`, or null. */
function findAt(re: Re2, input: string, from: number): Re2Match | null {
  const m = re.re.matcher(input);
  if (!m.find(from)) return null;
  const groups: (string | null)[] = new Array(re.groupCount + 1);
  for (let i = 0; i <= re.groupCount; i++) groups[i] = m.group(i);
  return { start: m.start(), end: m.end(), groups };
}

export function firstMatch(re: Re2, input: string): Re2Match | null {
  return findAt(re, input, 0);
}

/** Every match, with Go's rules for empty matches. */
export function allMatches(re: Re2, input: string): Re2Match[] {
  const out: Re2Match[] = [];
  let pos = 0;
  let prevEnd = -1;
  while (pos <= input.length) {
    const m = findAt(re, input, pos);
    if (m === null) break;
    let accept = true;
    if (m.end === pos) {
      // an empty match: not allowed right after the previous match; step over one character
      if (m.start === prevEnd) accept = false;
      const c = input.codePointAt(pos);
      pos += c === undefined ? 1 : c > 0xffff ? 2 : 1;
    } else pos = m.end;
    prevEnd = m.end;
    if (accept) out.push(m);
  }
  return out;
}

/** Go's Regexp.ReplaceAllString: `replacement` may use $1, ${1}, $name, ${name} and $$. */
export function replaceAll(re: Re2, input: string, replacement: string): string {
  let out = '';
  let last = 0;
  for (const m of allMatches(re, input)) {
    out += input.slice(last, m.start) + expandReplacement(replacement, re, m);
    last = m.end;
  }
  return out + input.slice(last);
}

/**
 * Go's Regexp.Expand: `$name` takes the longest run of letters, digits and underscores; a
 * name that is neither a group number nor a group name expands to nothing; a `$` not followed
 * by a name, `{name}` or `$` stays as it is.
 */
export function expandReplacement(template: string, re: Re2, m: Re2Match): string {
  return template.replace(/\$(\$|\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/gu, (_all, what: string, braced?: string, bare?: string) => {
    if (what === '$') return '$';
    const name = (braced ?? bare) as string;
    if (/^\d+$/.test(name)) {
      const i = Number(name);
      return i < m.groups.length ? (m.groups[i] ?? '') : '';
    }
    // Go takes the leftmost group of that name
    const i = re.names.indexOf(name);
    return i > 0 ? (m.groups[i] ?? '') : '';
  });
}
