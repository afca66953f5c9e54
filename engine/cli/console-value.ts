// A value as `terraform console` prints it: HCL-like, sequences and mappings over several lines
// (trailing commas in sequences), quoted keys, `toset([...])` for sets, heredocs for multi-line
// strings (`<<-EOT` once indented), `(known after apply)` and `(sensitive value)` for marked
// values at any depth. Ballast's values do not tell a list from a tuple or a map from an object,
// so lists print as `[...]` and maps as `{...}` (Terraform writes `tolist(...)`, `tomap(...)`).

import { formatNum, isNum } from '../lang/big-number.ts';
import { isObject, isSet, Sensitive, Unknown, type Value } from '../lang/value.ts';

/** One value in the console's format; `indent` is the indentation of the line it starts on. */
export function formatConsoleValue(v: Value, indent = 0): string {
  if (v instanceof Unknown) return '(known after apply)';
  // as cty: unknown-ness shows through the sensitive mark
  if (v instanceof Sensitive) return unmarked(v) instanceof Unknown ? '(known after apply)' : '(sensitive value)';
  if (v === null) return 'null';
  if (typeof v === 'string') return heredoc(v, indent) ?? goQuote(v);
  if (isNum(v)) return formatNum(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    const seq = sequence(v, indent);
    return isSet(v) ? `toset(${seq})` : seq;
  }
  if (isObject(v)) {
    const pad = ' '.repeat(indent + 2);
    const keys = Object.keys(v).sort();
    if (!keys.length) return '{}';
    return `{${keys.map((k) => `\n${pad}${formatConsoleValue(k, indent + 2)} = ${formatConsoleValue(v[k]!, indent + 2)}`).join('')}\n${' '.repeat(indent)}}`;
  }
  return String(v);
}

function unmarked(v: Value): Value {
  return v instanceof Sensitive ? unmarked(v.value) : v;
}

function sequence(items: readonly Value[], indent: number): string {
  if (!items.length) return '[]';
  const pad = ' '.repeat(indent + 2);
  return `[${items.map((x) => `\n${pad}${formatConsoleValue(x, indent + 2)},`).join('')}\n${' '.repeat(indent)}]`;
}

/** A string of several lines as a heredoc whose delimiter no line equals; undefined for one line. */
function heredoc(s: string, indent: number): string | undefined {
  const lines = s.split('\n');
  if (lines.length < 2) return undefined;
  let delimiter = 'EOT';
  while (lines.some((l) => l.trim() === delimiter)) delimiter += '_';
  const pad = ' '.repeat(indent);
  return `${indent > 0 ? '<<-' : '<<'}${delimiter}${lines.map((l) => `\n${pad}${l}`).join('')}\n${pad}${delimiter}`;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' };

/** A double-quoted string as Go's strconv.Quote writes it (what Terraform's console uses). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const esc = ESCAPES[ch];
    if (esc) out += esc;
    else if (PRINTABLE.test(ch)) out += ch;
    else {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, '0')}`;
      else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
      else out += `\\U${cp.toString(16).padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}
