// Parses Terraform type constraints as they appear in Terraform JSON variable blocks:
// `string`, `list(string)`, `object({a=string, b=optional(number, 5)})`, also wrapped as
// `"${list(string)}"`. A small recursive-descent parser; defaults of optional attributes
// are literal values (strings, numbers, bools, null, [..], {..}).

import type { Type } from './types.ts';
import { MAX_EXPRESSION_NESTING } from './parser.ts';
import type { Value, ValueObject } from './value.ts';

export class TypeExprError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TypeExprError';
  }
}

export function parseTypeExpr(src: string): Type {
  let text = src.trim();
  const wrapped = /^\$\{([\s\S]*)\}$/.exec(text);
  if (wrapped) text = wrapped[1];
  const p = new TypeParser(text, src);
  const t = p.type();
  p.skipSpace();
  if (!p.atEnd()) p.error(`unexpected ${JSON.stringify(p.rest())} after the type`);
  return t;
}

class TypeParser {
  private pos = 0;
  /** nesting of types and default values; the parser recurses per level */
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly original: string,
  ) {}

  error(why: string): never {
    throw new TypeExprError(`Invalid type specification ${JSON.stringify(this.original)}: ${why}`);
  }
  atEnd(): boolean {
    return this.pos >= this.text.length;
  }
  rest(): string {
    return this.text.slice(this.pos, this.pos + 20);
  }
  skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '#' || this.text.startsWith('//', this.pos)) {
        while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.pos++;
      } else break;
    }
  }
  /** Skips spaces but not newlines (newlines separate object attributes). */
  private peek(): string {
    this.skipSpace();
    return this.text[this.pos] ?? '';
  }
  private expect(ch: string): void {
    if (this.peek() !== ch) this.error(`expected "${ch}" but found ${this.atEnd() ? 'the end' : JSON.stringify(this.rest())}`);
    this.pos++;
  }
  private ident(): string {
    this.skipSpace();
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(this.pos));
    if (!m) this.error(`expected a type name but found ${this.atEnd() ? 'the end' : JSON.stringify(this.rest())}`);
    this.pos += m[0].length;
    return m[0];
  }

  private enter(): void {
    if (++this.depth > MAX_EXPRESSION_NESTING) this.error(`nested too deeply: more than ${MAX_EXPRESSION_NESTING} levels`);
  }

  type(): Type {
    this.enter();
    const t = this.typeBody();
    this.depth--;
    return t;
  }

  private typeBody(): Type {
    const name = this.ident();
    switch (name) {
      case 'string':
      case 'number':
      case 'bool':
        return name;
      case 'any':
        return 'dynamic';
      case 'list':
      case 'set':
      case 'map': {
        // The bare keywords `list`/`map` are Terraform 0.11 shorthands for list(any)/map(any).
        if (this.peek() !== '(') return { [name]: 'dynamic' } as Type;
        this.expect('(');
        const elem = this.type();
        this.expect(')');
        return { [name]: elem } as Type;
      }
      case 'tuple': {
        this.expect('(');
        this.expect('[');
        const elems: Type[] = [];
        while (this.peek() !== ']') {
          elems.push(this.type());
          if (this.peek() === ',') this.pos++;
          else if (this.peek() !== ']') this.error(`expected "," or "]" in tuple type but found ${JSON.stringify(this.rest())}`);
        }
        this.expect(']');
        this.expect(')');
        return { tuple: elems };
      }
      case 'object':
        return this.objectType();
      case 'optional':
        return this.error('optional() is only allowed for an attribute of an object type');
      default:
        return this.error(`unknown type keyword ${JSON.stringify(name)}`);
    }
  }

  private objectType(): Type {
    this.expect('(');
    this.expect('{');
    const object: Record<string, Type> = {};
    const optional: string[] = [];
    const defaults: Record<string, Value> = {};
    while (this.peek() !== '}') {
      const name = this.peek() === '"' ? this.stringLiteral() : this.ident();
      if (name in object) this.error(`attribute ${JSON.stringify(name)} is declared twice`);
      const sep = this.peek();
      if (sep !== '=' && sep !== ':') this.error(`expected "=" after attribute ${JSON.stringify(name)}`);
      this.pos++;
      const save = this.pos;
      const word = /^\s*optional\s*\(/.exec(this.text.slice(this.pos));
      if (word) {
        this.pos += word[0].length;
        object[name] = this.type();
        optional.push(name);
        if (this.peek() === ',') {
          this.pos++;
          defaults[name] = this.literal();
        }
        this.expect(')');
      } else {
        this.pos = save;
        object[name] = this.type();
      }
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== '}' && !this.sawNewlineBefore()) this.error(`expected "," or "}" after attribute ${JSON.stringify(name)}`);
    }
    this.expect('}');
    this.expect(')');
    const out: { object: Record<string, Type>; optional?: string[]; defaults?: Record<string, unknown> } = { object };
    if (optional.length) out.optional = optional;
    if (Object.keys(defaults).length) out.defaults = defaults;
    return out;
  }

  private sawNewlineBefore(): boolean {
    let i = this.pos - 1;
    while (i >= 0 && /\s/.test(this.text[i])) {
      if (this.text[i] === '\n') return true;
      i--;
    }
    return false;
  }

  private stringLiteral(): string {
    this.skipSpace();
    let i = this.pos + 1;
    let raw = '"';
    while (i < this.text.length && this.text[i] !== '"') {
      if (this.text[i] === '\\') raw += this.text[i++];
      raw += this.text[i++];
    }
    if (i >= this.text.length) this.error('unterminated string');
    raw += '"';
    this.pos = i + 1;
    try {
      return JSON.parse(raw) as string;
    } catch {
      return this.error(`bad string ${raw}`);
    }
  }

  /** A literal default value for optional(type, default). */
  private literal(): Value {
    this.enter();
    const v = this.literalBody();
    this.depth--;
    return v;
  }

  private literalBody(): Value {
    const c = this.peek();
    if (c === '"') return this.stringLiteral();
    if (c === '[') {
      this.pos++;
      const items: Value[] = [];
      while (this.peek() !== ']') {
        items.push(this.literal());
        if (this.peek() === ',') this.pos++;
        else if (this.peek() !== ']') this.error(`expected "," or "]" in a default value`);
      }
      this.pos++;
      return items;
    }
    if (c === '{') {
      this.pos++;
      const obj: ValueObject = {};
      while (this.peek() !== '}') {
        const key = this.peek() === '"' ? this.stringLiteral() : this.ident();
        const sep = this.peek();
        if (sep !== '=' && sep !== ':') this.error(`expected "=" after key ${JSON.stringify(key)} in a default value`);
        this.pos++;
        obj[key] = this.literal();
        if (this.peek() === ',') this.pos++;
      }
      this.pos++;
      return obj;
    }
    const num = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (num) {
      this.pos += num[0].length;
      return Number(num[0]);
    }
    const word = this.ident();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return this.error(`a default value must be a literal, found ${JSON.stringify(word)}`);
  }
}
