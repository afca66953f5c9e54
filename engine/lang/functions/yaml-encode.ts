// YAML text the way Terraform's yamlencode (go-cty-yaml, a go-yaml fork) writes it: block
// style, keys sorted and double-quoted, strings double-quoted unless they contain a line
// break (then a literal block scalar), long double-quoted strings folded after column 80.

import { isNum } from '../big-number.ts';
import { formatNumber } from '../convert.ts';
import { isObject, Sensitive, Unknown, type Value } from '../value.ts';
import { compareKeys } from './json.ts';

const WIDTH = 80;

export function toYaml(v: Value): string {
  if (isBlockCollection(v)) return emitCollection(v, 0, '');
  const s = scalar(v, 2, 0);
  // go-yaml ends a document whose root is a plain scalar with the "..." marker.
  return v === null || isNum(v) || typeof v === 'boolean' ? `${s}\n...\n` : `${s}\n`;
}

function isBlockCollection(v: Value): v is Value[] | Record<string, Value> {
  v = unwrap(v);
  return (Array.isArray(v) && v.length > 0) || (isObject(v) && Object.keys(v).length > 0);
}
function unwrap(v: Value): Value {
  if (v instanceof Sensitive) return unwrap(v.value);
  if (v instanceof Unknown) throw new Error('internal error: cannot encode an unknown value as YAML');
  return v;
}

/**
 * Emits a non-empty list or map whose first line continues `prefix` (e.g. "- ") and whose
 * other lines start at column `col`.
 */
function emitCollection(raw: Value, col: number, prefix: string): string {
  const v = unwrap(raw);
  const pad = ' '.repeat(col);
  let out = '';
  let first = true;
  const lead = () => {
    const s = first ? prefix : pad;
    first = false;
    return s;
  };
  if (Array.isArray(v)) {
    for (const item of v) {
      const head = lead() + '- ';
      if (isBlockCollection(item)) out += emitCollection(item, col + 2, head);
      else out += head + scalar(item, col + 2, col + 2) + '\n';
    }
    return out;
  }
  const o = v as Record<string, Value>;
  for (const k of Object.keys(o).sort(compareKeys)) {
    const head = lead() + doubleQuoted(k, col + 2, col) + ':';
    const item = unwrap(o[k]);
    if (isBlockCollection(item)) {
      // go-yaml puts a list under a key at the key's own column, a map one level deeper.
      out += head + '\n' + (Array.isArray(item) ? emitCollection(item, col, pad) : emitCollection(item, col + 2, ' '.repeat(col + 2)));
    } else {
      const headLine = head.slice(head.lastIndexOf('\n') + 1);
      out += head + ' ' + scalar(item, col + 2, headLine.length + 1) + '\n';
    }
  }
  return out;
}

/** A scalar or empty collection; `indent` is where continuation lines start, `column` where it starts. */
function scalar(raw: Value, indent: number, column: number): string {
  const v = unwrap(raw);
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (isNum(v)) return formatNumber(v);
  if (Array.isArray(v)) return '[]';
  if (isObject(v)) return '{}';
  if (typeof v !== 'string') throw new Error('internal error: not a YAML scalar');
  if (v.includes('\n') && literalAllowed(v)) return literal(v, indent);
  return doubleQuoted(v, indent, column);
}

function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || cp === 0x85 || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) || cp >= 0x10000;
}

function literalAllowed(s: string): boolean {
  if (s.endsWith(' ')) return false;
  let prev = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (!isPrintable(cp)) return false;
    if (prev === ' ' && ch === '\n') return false;
    prev = ch;
  }
  return true;
}

function literal(s: string, indent: number): string {
  let header = '|';
  if (s.startsWith(' ') || s.startsWith('\n')) header += '2';
  if (!s.endsWith('\n')) header += '-';
  else if (s.length === 1 || s.endsWith('\n\n')) header += '+';
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const pad = ' '.repeat(indent);
  return (
    header +
    '\n' +
    body
      .split('\n')
      .map((line) => (line === '' ? '' : pad + line))
      .join('\n')
  );
}

const ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\x0b': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\u0085': '\\N',
  '\u00a0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

/** A double-quoted scalar starting at `column`, folded at spaces once past column 80. */
function doubleQuoted(s: string, indent: number, column: number): string {
  const chars = Array.from(s);
  let out = '"';
  let col = column + 1;
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === ' ') {
      if (!spaces && col > WIDTH && i !== 0 && i !== chars.length - 1 && chars[i + 1] !== ' ') {
        out += '\n' + ' '.repeat(indent);
        col = indent;
      } else {
        out += ch;
        col++;
      }
      spaces = true;
      continue;
    }
    spaces = false;
    const cp = ch.codePointAt(0)!;
    let piece: string;
    if (ESCAPES[ch] !== undefined) piece = ESCAPES[ch];
    else if (!isPrintable(cp)) piece = cp <= 0xff ? `\\x${hex(cp, 2)}` : cp <= 0xffff ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
    else piece = ch;
    out += piece;
    col += piece === ch ? 1 : piece.length;
  }
  return out + '"';
}

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, '0');
}
