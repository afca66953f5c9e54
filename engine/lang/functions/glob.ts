// The glob patterns of fileset(), after the doublestar library Terraform uses: `*` and `?` stay
// within one path segment, `**` as a whole segment spans any number of them, `[...]`/`[^...]`
// classes, `{a,b}` alternatives (nesting allowed) and `\` escapes. A pattern is compiled to
// RE2, so matching is linear in the path length whatever the pattern.

import { compileRe2, firstMatch, type Re2 } from './re2.ts';

export class GlobSyntaxError extends Error {}

const RE2_META = /[\\.+*?()|[\]{}^$]/g;

/** Compiles a glob to an anchored RE2 pattern; throws GlobSyntaxError for a malformed one. */
export function compileGlob(glob: string): Re2 {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      if (i + 1 >= glob.length) throw new GlobSyntaxError('syntax error in pattern');
      out += glob[++i].replace(RE2_META, '\\$&');
    } else if (c === '*') {
      const segmentStart = i === 0 || glob[i - 1] === '/';
      if (glob[i + 1] === '*' && segmentStart && (i + 2 === glob.length || glob[i + 2] === '/')) {
        // `**/` matches zero or more whole directories; a final `**` matches everything below
        if (i + 2 === glob.length) out += '.*';
        else out += '(?:[^/]*/)*';
        i += 2;
      } else {
        while (glob[i + 1] === '*') i++;
        out += '[^/]*';
      }
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) throw new GlobSyntaxError('syntax error in pattern');
      let body = glob.slice(i + 1, end);
      let negate = false;
      if (body[0] === '^' || body[0] === '!') {
        negate = true;
        body = body.slice(1);
      }
      if (body === '') throw new GlobSyntaxError('syntax error in pattern');
      out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^[]/g, '\\$&')}]`;
      i = end;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else out += c.replace(RE2_META, '\\$&');
  }
  if (braces !== 0) throw new GlobSyntaxError('syntax error in pattern');
  return compileRe2(`^(?:${out})$`, 1);
}

export function globMatches(re: Re2, path: string): boolean {
  return firstMatch(re, path) !== null;
}
