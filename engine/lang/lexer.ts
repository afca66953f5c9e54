// The scanner for templates and HCL native expressions. Templates and expressions nest
// (`"${join(",", [for s in x : "${s}-a"])}"`), so the scanner keeps a stack of modes:
//   template  - a top-level template (a Terraform JSON string): no backslash escapes, ends at the end
//   quoted    - a "..." string inside an expression: backslash escapes, ends at the closing quote
//   expr      - inside ${ } / %{ } or a bare expression: tokens, braces counted to find the closing }
// Strip markers (`${~`, `~}`) are applied here by trimming the neighbouring literal tokens.

import { ExpressionError } from './expression-error.ts';

export type TokenType =
  | 'literal' // template text; `value` holds the decoded text
  | 'interp' // ${
  | 'directive' // %{
  | 'close' // the } that ends an interpolation or directive
  | 'oquote'
  | 'cquote'
  | 'ident'
  | 'number'
  | 'punct' // operators and brackets; `text` holds it
  | 'invalid' // something that is not part of the language, e.g. `===`
  | 'eof';

export interface Token {
  readonly type: TokenType;
  /** the source text (decoded text for literals) */
  text: string;
  /** 0-based offsets into the source, end exclusive */
  readonly start: number;
  readonly end: number;
  /** a newline came between the previous token and this one (object items may be separated by newlines) */
  readonly newlineBefore: boolean;
  /** for interp/directive/close: a `~` strip marker is present */
  readonly strip: boolean;
}

enum Mode {
  Template,
  Quoted,
  Expr,
}

interface Frame {
  mode: Mode;
  /** open `{` braces inside an expr frame */
  depth: number;
}

const PUNCT3 = ['...'];
const PUNCT2 = ['==', '!=', '<=', '>=', '&&', '||', '=>'];
const PUNCT1 = '+-*/%<>!?:=.,()[]{}';

export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c > 127 && /\p{L}/u.test(String.fromCodePoint(c)));
}
export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57) || c === 45 || (c > 127 && /[\p{N}\p{Mn}\p{Mc}]/u.test(String.fromCodePoint(c)));
}
// Go's unicode.IsSpace, which HCL's strip markers use
const LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const TRAILING_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Scans the whole source; `asTemplate` chooses a top-level template or a bare expression. */
export function scan(src: string, asTemplate: boolean): Token[] {
  const tokens: Token[] = [];
  const stack: Frame[] = [{ mode: asTemplate ? Mode.Template : Mode.Expr, depth: 0 }];
  let i = 0;
  let newline = false;
  let stripNextLiteral = false;
  const n = src.length;

  const fail = (summary: string, at: number): never => {
    throw new ExpressionError(summary, { range: { start: at + 1, end: at + 1 }, source: src });
  };
  const push = (type: TokenType, text: string, start: number, end: number, strip = false): void => {
    tokens.push({ type, text, start, end, newlineBefore: newline, strip });
    newline = false;
  };
  /** `${~` / `%{~`: trim the whitespace at the end of the literal just before */
  const stripPrevious = (): void => {
    const last = tokens[tokens.length - 1];
    if (last?.type !== 'literal') return;
    last.text = last.text.replace(TRAILING_SPACE, '');
    if (last.text === '') tokens.pop();
  };

  while (true) {
    const frame = stack[stack.length - 1];
    if (frame.mode === Mode.Expr) {
      if (i >= n) break;
      const c = src.charCodeAt(i);
      if (isWs(c)) {
        if (c === 10) newline = true;
        i++;
        continue;
      }
      // comments: # and // to end of line, /* */
      if (c === 35 || (c === 47 && src.charCodeAt(i + 1) === 47)) {
        while (i < n && src.charCodeAt(i) !== 10) i++;
        continue;
      }
      if (c === 47 && src.charCodeAt(i + 1) === 42) {
        const close = src.indexOf('*/', i + 2);
        if (close < 0) fail('Unterminated comment', i);
        for (let j = i; j < close; j++) if (src.charCodeAt(j) === 10) newline = true;
        i = close + 2;
        continue;
      }
      if (isIdentStart(c)) {
        const start = i;
        i += c > 0xffff ? 2 : 1;
        while (i < n) {
          const d = src.codePointAt(i)!;
          if (!isIdentPart(d)) break;
          i += d > 0xffff ? 2 : 1;
        }
        push('ident', src.slice(start, i), start, i);
        continue;
      }
      if (isDigit(c)) {
        const start = i;
        while (isDigit(src.charCodeAt(i))) i++;
        if (src.charCodeAt(i) === 46 && isDigit(src.charCodeAt(i + 1))) {
          i++;
          while (isDigit(src.charCodeAt(i))) i++;
        }
        const e = src.charCodeAt(i);
        if (e === 101 || e === 69) {
          let j = i + 1;
          const s = src.charCodeAt(j);
          if (s === 43 || s === 45) j++;
          if (isDigit(src.charCodeAt(j))) {
            i = j;
            while (isDigit(src.charCodeAt(i))) i++;
          }
        }
        push('number', src.slice(start, i), start, i);
        continue;
      }
      if (c === 34) {
        push('oquote', '"', i, i + 1);
        i++;
        stack.push({ mode: Mode.Quoted, depth: 0 });
        continue;
      }
      if (c === 126 /* ~ */ && src.charCodeAt(i + 1) === 125 && frame.depth === 0 && stack.length > 1) {
        push('close', '~}', i, i + 2, true);
        i += 2;
        stack.pop();
        stripNextLiteral = true;
        continue;
      }
      if (c === 123) frame.depth++;
      if (c === 125) {
        if (frame.depth === 0 && stack.length > 1) {
          push('close', '}', i, i + 1);
          i++;
          stack.pop();
          continue;
        }
        if (frame.depth > 0) frame.depth--;
      }
      // operators that look plausible but do not exist get a token of their own for a clear message
      const three = src.slice(i, i + 3);
      if (three === '===' || three === '!==') {
        push('invalid', three, i, i + 3);
        i += 3;
        continue;
      }
      if (PUNCT3.includes(three)) {
        push('punct', three, i, i + 3);
        i += 3;
        continue;
      }
      const two = src.slice(i, i + 2);
      if (PUNCT2.includes(two)) {
        push('punct', two, i, i + 2);
        i += 2;
        continue;
      }
      const ch = src[i];
      if (PUNCT1.includes(ch)) {
        push('punct', ch, i, i + 1);
        i++;
        continue;
      }
      const cp = String.fromCodePoint(src.codePointAt(i)!);
      push('invalid', cp, i, i + cp.length);
      i += cp.length;
      continue;
    }

    // template text (top-level or quoted)
    const quoted = frame.mode === Mode.Quoted;
    const start = i;
    let text = '';
    let runStart = i;
    let ended = false;
    let lineEnd = false;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (quoted && c === 34) break;
      if (!quoted && c === 10) {
        // HCL scans a template's text one line at a time, and a strip marker trims only the
        // neighbouring line: "~}\n  x" keeps the "  x"
        i++;
        lineEnd = true;
        break;
      }
      if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === 123) break; // ${ or %{
      if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === 123) {
        // $${ and %%{ are the escapes for a literal ${ and %{
        text += src.slice(runStart, i + 1) + '{';
        i += 3;
        runStart = i;
        continue;
      }
      if (quoted && c === 10) fail('Invalid multi-line string: a quoted string cannot contain a newline; use \\n', i);
      if (quoted && c === 92) {
        text += src.slice(runStart, i);
        const [decoded, len] = decodeEscape(src, i, fail);
        text += decoded;
        i += len;
        runStart = i;
        continue;
      }
      i++;
    }
    text += src.slice(runStart, i);
    if (stripNextLiteral) {
      text = text.replace(LEADING_SPACE, '');
      stripNextLiteral = false;
    }
    if (text !== '') push('literal', text, start, i);
    if (lineEnd) continue;
    if (i >= n) {
      if (quoted) fail('Unterminated string: a quoted string has no closing quote', start - 1);
      ended = true;
    } else if (quoted && src.charCodeAt(i) === 34) {
      stack.pop();
      push('cquote', '"', i, i + 1);
      i++;
    } else {
      // ${ or %{, with an optional ~
      const type = src.charCodeAt(i) === 36 ? 'interp' : 'directive';
      const strip = src.charCodeAt(i + 2) === 126;
      if (strip) stripPrevious();
      push(type, src.slice(i, i + (strip ? 3 : 2)), i, i + (strip ? 3 : 2), strip);
      i += strip ? 3 : 2;
      stack.push({ mode: Mode.Expr, depth: 0 });
    }
    if (ended) break;
  }
  tokens.push({ type: 'eof', text: '', start: n, end: n, newlineBefore: newline, strip: false });
  return tokens;
}

/** Decodes one backslash escape at src[i]; returns the text and the length consumed. */
function decodeEscape(src: string, i: number, fail: (summary: string, at: number) => never): [string, number] {
  const e = src[i + 1];
  switch (e) {
    case 'n':
      return ['\n', 2];
    case 'r':
      return ['\r', 2];
    case 't':
      return ['\t', 2];
    case '"':
      return ['"', 2];
    case '\\':
      return ['\\', 2];
    case 'u':
    case 'U': {
      const len = e === 'u' ? 4 : 8;
      const hex = src.slice(i + 2, i + 2 + len);
      if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) fail(`Invalid escape sequence: \\${e} must be followed by ${len} hexadecimal digits`, i);
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) fail('Invalid escape sequence: code point out of range', i);
      return [String.fromCodePoint(cp), 2 + len];
    }
    default:
      return fail(`Invalid escape sequence: "\\${e ?? ''}" is not a valid escape; use \\\\ for a backslash`, i);
  }
}
