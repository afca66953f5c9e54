// The small part of HCL that .terraform.lock.hcl and the Terraform CLI configuration use:
// attributes (`name = "x"`, lists, objects, numbers, bools), labelled blocks, and comments.
// Not a general HCL parser: no expressions, templates or heredocs.

export type HclValue = string | number | boolean | null | HclValue[] | { [k: string]: HclValue };
export interface HclBlock {
  readonly type: string;
  readonly labels: string[];
  readonly body: HclBody;
  readonly line: number;
}
export interface HclBody {
  readonly attributes: Map<string, { value: HclValue; line: number }>;
  readonly blocks: HclBlock[];
}

export class HclSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

type Tok = { kind: 'ident' | 'string' | 'number' | 'punct' | 'nl' | 'eof'; text: string; line: number };

function lex(src: string, file: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') {
      toks.push({ kind: 'nl', text: '\n', line });
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new HclSyntaxError(file, line, 'unterminated comment');
      line += src.slice(i, end).split('\n').length - 1;
      i = end + 2;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let out = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\n') throw new HclSyntaxError(file, line, 'unterminated string');
        if (src[j] === '\\') {
          const e = src[j + 1];
          out += e === 'n' ? '\n' : e === 't' ? '\t' : e === '"' ? '"' : e === '\\' ? '\\' : e;
          j += 2;
          continue;
        }
        out += src[j++];
      }
      if (j >= src.length) throw new HclSyntaxError(file, line, 'unterminated string');
      toks.push({ kind: 'string', text: out, line });
      i = j + 1;
      continue;
    }
    if ('{}[]=,:'.includes(c)) {
      toks.push({ kind: 'punct', text: c, line });
      i++;
      continue;
    }
    const m = /^(-?\d+(\.\d+)?)|^([A-Za-z_][A-Za-z0-9_\-.]*)/.exec(src.slice(i, i + 200));
    if (!m) throw new HclSyntaxError(file, line, `unexpected character ${JSON.stringify(c)}`);
    toks.push({ kind: m[1] ? 'number' : 'ident', text: m[0], line });
    i += m[0].length;
  }
  toks.push({ kind: 'eof', text: '', line });
  return toks;
}

export function parseHcl(src: string, file: string): HclBody {
  const toks = lex(src, file);
  let p = 0;
  const peek = () => toks[p];
  const skipNl = () => {
    while (toks[p].kind === 'nl') p++;
  };
  const expect = (text: string) => {
    skipNl();
    const t = toks[p++];
    if (t.text !== text || t.kind !== 'punct') throw new HclSyntaxError(file, t.line, `expected "${text}", found ${t.kind === 'eof' ? 'end of file' : JSON.stringify(t.text)}`);
  };
  function value(): HclValue {
    skipNl();
    const t = toks[p++];
    if (t.kind === 'string') return t.text;
    if (t.kind === 'number') return Number(t.text);
    if (t.kind === 'ident') {
      if (t.text === 'true' || t.text === 'false') return t.text === 'true';
      if (t.text === 'null') return null;
      throw new HclSyntaxError(file, t.line, `expressions are not supported here (found ${t.text})`);
    }
    if (t.text === '[') {
      const out: HclValue[] = [];
      for (;;) {
        skipNl();
        if (peek().text === ']') {
          p++;
          return out;
        }
        out.push(value());
        skipNl();
        if (peek().text === ',') p++;
      }
    }
    if (t.text === '{') {
      const out: { [k: string]: HclValue } = {};
      for (;;) {
        skipNl();
        if (peek().text === '}') {
          p++;
          return out;
        }
        const k = toks[p++];
        if (k.kind !== 'string' && k.kind !== 'ident') throw new HclSyntaxError(file, k.line, 'expected an object key');
        skipNl();
        const sep = toks[p++];
        if (sep.text !== '=' && sep.text !== ':') throw new HclSyntaxError(file, sep.line, 'expected "=" after an object key');
        out[k.text] = value();
        skipNl();
        if (peek().text === ',') p++;
      }
    }
    throw new HclSyntaxError(file, t.line, `unexpected ${t.kind === 'eof' ? 'end of file' : JSON.stringify(t.text)}`);
  }
  function body(nested: boolean): HclBody {
    const attributes = new Map<string, { value: HclValue; line: number }>();
    const blocks: HclBlock[] = [];
    for (;;) {
      skipNl();
      const t = peek();
      if (t.kind === 'eof') {
        if (nested) throw new HclSyntaxError(file, t.line, 'missing "}"');
        return { attributes, blocks };
      }
      if (t.text === '}' && t.kind === 'punct') {
        if (!nested) throw new HclSyntaxError(file, t.line, 'unexpected "}"');
        p++;
        return { attributes, blocks };
      }
      if (t.kind !== 'ident' && t.kind !== 'string') throw new HclSyntaxError(file, t.line, `unexpected ${JSON.stringify(t.text)}`);
      p++;
      if (peek().text === '=') {
        p++;
        attributes.set(t.text, { value: value(), line: t.line });
        continue;
      }
      const labels: string[] = [];
      while (peek().kind === 'string' || peek().kind === 'ident') labels.push(toks[p++].text);
      expect('{');
      blocks.push({ type: t.text, labels, body: body(true), line: t.line });
    }
  }
  return body(false);
}
