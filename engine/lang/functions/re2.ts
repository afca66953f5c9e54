// Translates an RE2 pattern (Terraform's regex dialect) to a JS RegExp: (?P<name>..) groups,
// leading (?flags), \A \z, \pL, [[:alpha:]] classes and Go's lenient escapes of punctuation.

import { FunctionArgumentError } from './function.ts';

const POSIX: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: '\\t\\n\\v\\f\\r ',
  xdigit: '0-9A-Fa-f', word: '\\w', punct: '!-\\/:-@\\[-`{-~', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~', graph: '!-~', ascii: '\\x00-\\x7f',
};
const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));

export function re2ToRegExp(pattern: string, argIndex: number, global = false): RegExp {
  let flags = 'u' + (global ? 'g' : '');
  let src = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1]) {
      if (f === 'U') throw new FunctionArgumentError(argIndex, 'the (?U) flag is not supported');
      if (!flags.includes(f)) flags += f;
    }
    src = src.slice(lead[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const n = src[i + 1];
      if (n === undefined) throw new FunctionArgumentError(argIndex, `invalid regular expression ${JSON.stringify(pattern)}: trailing backslash`);
      i++;
      if (n === 'A' && !inClass) out += '(?<![\\s\\S])';
      else if (n === 'z' && !inClass) out += '(?![\\s\\S])';
      else if ((n === 'p' || n === 'P') && src[i + 1] !== '{') out += `\\${n}{${src[++i]}}`;
      else if (/[A-Za-z0-9]/.test(n) || SYNTAX.has(n) || (inClass && n === '-')) out += '\\' + n;
      else out += /[\]\-^]/.test(n) ? '\\' + n : n;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(src.slice(i));
      if (posix && POSIX[posix[2]] && !posix[1]) {
        out += POSIX[posix[2]];
        i += posix[0].length - 1;
        continue;
      }
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') out += src[++i];
      if (src[i + 1] === ']') out += '\\' + src[++i];
      continue;
    }
    if (c === '(' && src.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    if (c === '(' && /^\(\?[imsU-]+[:)]/.test(src.slice(i))) {
      throw new FunctionArgumentError(argIndex, `invalid regular expression ${JSON.stringify(pattern)}: flags are only supported at the start of the pattern`);
    }
    out += c;
  }
  try {
    return new RegExp(out, flags);
  } catch (e) {
    throw new FunctionArgumentError(argIndex, `invalid regular expression ${JSON.stringify(pattern)}: ${(e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}`);
  }
}

/** Expands a Go regexp replacement template: $1, ${1}, $name, ${name}, $$. */
export function expandReplacement(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(\$|\{(\w+)\}|(\w+))/g, (_all, what: string, braced?: string, bare?: string) => {
    if (what === '$') return '$';
    const name = (braced ?? bare) as string;
    const v = /^\d+$/.test(name) ? match[Number(name)] : match.groups?.[name];
    return v ?? '';
  });
}
