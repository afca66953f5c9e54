// Reads and parses a JSON file, turning parse failures into a SynthError that names the file
// and the line/column. V8's own messages are inconsistent about positions and quote the text
// (which may hold secrets), so the position comes from a small grammar scan instead.

import { parseJson } from '../lang/json-numbers.ts';
import { readFile } from 'node:fs/promises';
import { SynthError } from './synth-error.ts';

export interface JsonFile {
  json: unknown;
  bytes: Buffer;
}

export async function readJsonFile(file: string, what = 'JSON file'): Promise<JsonFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SynthError(`cannot read ${what} ${file}: ${code === 'ENOENT' ? 'file does not exist' : (e as Error).message}`, { cause: e });
  }
  return { json: parseJsonText(bytes.toString('utf8'), file, what), bytes };
}

/**
 * How deeply arrays and objects may nest in a JSON file. Loading and evaluating recurse per
 * level, so deeper input would overflow the stack; documented in docs/limits.md.
 */
export const MAX_JSON_NESTING = 256;

export function parseJsonText(text: string, file: string, what = 'JSON file'): unknown {
  // A UTF-8 byte order mark is not JSON but editors write it; tolerate it like most tools do.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tooDeep = findTooDeep(body, MAX_JSON_NESTING);
  if (tooDeep >= 0) {
    const at = lineColumn(body, tooDeep);
    throw new SynthError(`malformed ${what} ${file}: nested too deeply (more than ${MAX_JSON_NESTING} levels of arrays and objects) at line ${at.line}, column ${at.column} (position ${tooDeep})`);
  }
  try {
    return parseJson(body); // numbers keep every digit (Terraform's numbers are arbitrary precision)
  } catch (e) {
    const err = findJsonError(body);
    const at = lineColumn(body, err.offset);
    throw new SynthError(`malformed ${what} ${file}: ${err.reason} at line ${at.line}, column ${at.column} (position ${err.offset})`, { cause: e });
  }
}

/** Offset of the first bracket that opens level `limit + 1`, or -1; strings are skipped. */
export function findTooDeep(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // skip a string, honouring backslash escapes
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset and reason of the first JSON syntax error in `text` (offset = length at end of input). */
export function findJsonError(text: string): { offset: number; reason: string } {
  let i = 0;
  class Stop {
    constructor(
      readonly offset: number,
      readonly reason: string,
    ) {}
  }
  const fail = (reason?: string): never => {
    if (i >= text.length) throw new Stop(text.length, 'unexpected end of input');
    throw new Stop(i, reason ?? `unexpected character ${JSON.stringify(text[i])}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail();
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c < ' ') fail('control character in string');
      if (c === '\\') {
        i++;
        const e = text[i];
        if (e === undefined) fail();
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k;
              fail('invalid unicode escape');
            }
          }
          i += 5;
        } else if ('"\\/bfnrt'.includes(e!)) i++;
        else fail('invalid escape');
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a double-quoted property name');
        string();
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail("expected ',' or '}'");
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail("expected ',' or ']'");
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail('unexpected text after the JSON value');
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, reason: e.reason };
    throw e;
  }
  // JSON.parse rejected it but the scan did not: still say where we are.
  return { offset: 0, reason: 'invalid JSON' };
}
