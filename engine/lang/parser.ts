// Recursive-descent parser (precedence climbing for binary operators) over the scanner's
// tokens, after HCL's native syntax. Produces the nodes in ast.ts; ranges are 1-based columns.

import { numberFromText } from './big-number.ts';
import { nfc } from './nfc.ts';
import type { BinaryOperator, Expr, ForExpr, ObjectItem, Range, ScopeTraversal, SplatItem, TraversalStep } from './ast.ts';
import { ExpressionError } from './expression-error.ts';
import { scan, type Token } from './lexer.ts';

/** Binding power of each binary operator (higher binds tighter), as in HCL. */
const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

/**
 * How deeply expressions may nest (brackets, calls, operators chained into one another,
 * templates inside strings, conditionals, for expressions, unary chains). Parsing and
 * evaluation recurse per level, so a limit turns a stack overflow into a clear diagnostic.
 * Documented in docs/limits.md.
 */
export const MAX_EXPRESSION_NESTING = 256;

/** Parses `src` as a template (asTemplate) or as one bare expression. Throws ExpressionError. */
export function parseSource(src: string, asTemplate: boolean): Expr {
  const p = new Parser(src, scan(src, asTemplate));
  const expr = asTemplate ? p.parseTemplateBody('eof') : p.parseExpression();
  p.expectEnd();
  return expr;
}

class Parser {
  private pos = 0;
  /** current nesting level, see MAX_EXPRESSION_NESTING */
  private depth = 0;
  constructor(
    private readonly src: string,
    private readonly tokens: Token[],
  ) {}

  // ---- helpers -------------------------------------------------------------------------

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }
  private next(): Token {
    const t = this.tokens[this.pos];
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }
  private isPunct(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === 'punct' && t.text === text;
  }
  private isKeyword(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === 'ident' && t.text === word;
  }
  private range(start: number, end: number): Range {
    return { start: start + 1, end };
  }
  private fail(summary: string, tok: Token, detail?: string): never {
    throw new ExpressionError(summary, { detail, range: { start: tok.start + 1, end: Math.max(tok.end, tok.start + 1) }, source: this.src });
  }
  /** Enters `levels` more levels of nesting at `tok`; fails beyond the limit. Pair with leave(). */
  private enter(tok: Token, levels = 1): void {
    this.depth += levels;
    if (this.depth > MAX_EXPRESSION_NESTING) {
      this.fail(
        `Expression nested too deeply: more than ${MAX_EXPRESSION_NESTING} levels of nesting`,
        tok,
        'Brackets, function calls, operators, conditionals, templates and for expressions count as levels. Split the expression into locals.',
      );
    }
  }
  private leave(levels = 1): void {
    this.depth -= levels;
  }
  private describe(t: Token): string {
    switch (t.type) {
      case 'eof':
        return 'the end of the expression';
      case 'literal':
        return 'template text';
      case 'close':
        return '"}"';
      case 'interp':
        return '"${"';
      case 'directive':
        return '"%{"';
      case 'oquote':
      case 'cquote':
        return 'a quote';
      default:
        return `"${t.text}"`;
    }
  }
  private expectPunct(text: string, what: string): Token {
    if (!this.isPunct(text)) this.unexpected(what);
    return this.next();
  }
  private unexpected(what: string): never {
    const t = this.peek();
    if (t.type === 'invalid') this.invalidToken(t);
    if (t.type === 'punct' && t.text === '=' && !what.startsWith('"="')) this.fail('Unsupported operator "="', t, 'Use "==" to compare values.');
    this.fail(`Invalid expression: expected ${what}, but found ${this.describe(t)}`, t);
  }
  private invalidToken(t: Token): never {
    if (t.text === '===' || t.text === '!==' || t.text === '&' || t.text === '|')
      this.fail(`Unsupported operator "${t.text}"`, t, `Did you mean "${t.text.length === 3 ? t.text.slice(0, 2) : t.text + t.text}"?`);
    this.fail(`Invalid character "${t.text}"`, t);
  }
  private expectIdent(what: string): Token {
    if (this.peek().type !== 'ident') this.unexpected(what);
    return this.next();
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.type === 'eof') return;
    if (t.type === 'invalid') this.invalidToken(t);
    if (t.type === 'directive') this.fail(`Invalid template directive: %{${this.peek(1).text}} without a matching opening directive`, t);
    if (t.type === 'punct' && t.text === '=') this.fail('Unsupported operator "="', t, 'Use "==" to compare values.');
    this.fail(`Extra characters after expression: unexpected ${this.describe(t)}`, t);
  }

  // ---- templates ---------------------------------------------------------------------

  /**
   * Parses template parts until `end` ('eof' for a top-level template, 'cquote' for a quoted
   * string) or until an `else`/`endif`/`endfor` directive, which the caller consumes.
   */
  parseTemplateBody(end: 'eof' | 'cquote', startOffset = this.peek().start): Expr {
    const parts: Expr[] = [];
    let onlyInterp = false;
    let lastEnd = startOffset;
    /** template text not yet pushed: the scanner gives one token per line, and adjacent lines are one literal (normalized once, when complete) */
    let text: { chunks: string[]; start: number; end: number } | null = null;
    const flushText = () => {
      if (text) parts.push({ kind: 'literal', value: nfc(text.chunks.join('')), range: this.range(text.start, text.end), src: this.src });
      text = null;
    };
    while (true) {
      const t = this.peek();
      if (t.type === end) break;
      if (t.type === 'directive' && (this.isKeyword('else', 1) || this.isKeyword('endif', 1) || this.isKeyword('endfor', 1))) break;
      if (t.type === 'literal') {
        this.next();
        if (text) {
          text.chunks.push(t.text);
          text.end = t.end;
        } else text = { chunks: [t.text], start: t.start, end: t.end };
        lastEnd = t.end;
        onlyInterp = false;
        continue;
      }
      flushText();
      if (t.type === 'interp') {
        this.next();
        const inner = this.parseExpression();
        const close = this.expectClose('"}" to end the interpolation');
        parts.push(inner);
        lastEnd = close.end;
        onlyInterp = parts.length === 1;
        continue;
      }
      if (t.type === 'directive') {
        const d = this.parseDirective(end);
        parts.push(d);
        lastEnd = d.range.end;
        onlyInterp = false;
        continue;
      }
      if (t.type === 'eof') this.fail(end === 'cquote' ? 'Unterminated string: missing closing quote' : 'Unexpected end of template', t);
      this.fail(`Invalid template: unexpected ${this.describe(t)}`, t);
    }
    flushText();
    const range = this.range(startOffset, lastEnd);
    if (parts.length === 0) return { kind: 'literal', value: '', range, src: this.src };
    if (parts.length === 1) {
      if (onlyInterp) return { kind: 'template-wrap', inner: parts[0], range, src: this.src };
      if (parts[0].kind === 'literal') return parts[0];
    }
    return { kind: 'template', parts, range, src: this.src };
  }

  private expectClose(what: string): Token {
    const t = this.peek();
    if (t.type !== 'close') this.unexpected(what);
    return this.next();
  }

  private parseDirective(end: 'eof' | 'cquote'): Expr {
    const open = this.next(); // %{
    this.enter(open);
    const word = this.peek();
    if (this.isKeyword('if')) {
      this.next();
      const condition = this.parseExpression();
      this.expectClose('"}" to end the if directive');
      const then = this.parseTemplateBody(end);
      let otherwise: Expr | undefined;
      if (this.peek().type === 'directive' && this.isKeyword('else', 1)) {
        this.next();
        this.next();
        this.expectClose('"}" after else');
        otherwise = this.parseTemplateBody(end);
      }
      this.expectEndDirective('endif', open);
      const close = this.expectClose('"}" after endif');
      this.leave();
      return { kind: 'template-if', condition, then, else: otherwise, range: this.range(open.start, close.end), src: this.src };
    }
    if (this.isKeyword('for')) {
      this.next();
      const { first, second, collection } = this.parseForHeader();
      this.expectClose('"}" to end the for directive');
      const body = this.parseTemplateBody(end);
      this.expectEndDirective('endfor', open);
      const close = this.expectClose('"}" after endfor');
      this.leave();
      return {
        kind: 'template-for',
        keyVar: second === undefined ? undefined : first,
        valueVar: second ?? first,
        collection,
        body,
        range: this.range(open.start, close.end),
        src: this.src,
      };
    }
    this.fail(`Invalid template directive: expected "if" or "for", but found ${this.describe(word)}`, word);
  }

  private expectEndDirective(word: 'endif' | 'endfor', open: Token): void {
    const t = this.peek();
    if (t.type === 'directive' && this.isKeyword(word, 1)) {
      this.next();
      this.next();
      return;
    }
    if (t.type === 'directive') this.fail(`Invalid template directive: expected %{${word}}, but found ${this.describe(this.peek(1))}`, this.peek(1));
    this.fail(`Unterminated template directive: the directive at column ${open.start + 1} has no %{${word}}`, open);
  }

  // ---- expressions -------------------------------------------------------------------

  parseExpression(): Expr {
    this.enter(this.peek());
    const condition = this.parseBinary(1);
    if (!this.isPunct('?')) {
      this.leave();
      return condition;
    }
    this.next();
    const trueResult = this.parseExpression();
    this.expectPunct(':', '":" in the conditional expression');
    const falseResult = this.parseExpression();
    this.leave();
    return { kind: 'conditional', condition, trueResult, falseResult, range: { start: condition.range.start, end: falseResult.range.end }, src: this.src };
  }

  private parseBinary(minPrec: number): Expr {
    let left = this.parseUnary();
    // each operator of a chain nests the tree one level deeper (a + b + c is (a + b) + c)
    let chained = 0;
    while (true) {
      const t = this.peek();
      if (t.type === 'invalid') this.invalidToken(t);
      const prec = t.type === 'punct' ? PRECEDENCE[t.text] : undefined;
      if (prec === undefined || prec < minPrec) break;
      this.enter(t);
      chained++;
      this.next();
      const right = this.parseBinary(prec + 1);
      left = { kind: 'binary-op', op: t.text as BinaryOperator, left, right, range: { start: left.range.start, end: right.range.end }, src: this.src };
    }
    this.leave(chained);
    return left;
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (t.type === 'punct' && (t.text === '-' || t.text === '!')) {
      this.enter(t);
      this.next();
      const operand = this.parseUnary();
      this.leave();
      return { kind: 'unary-op', op: t.text, operand, range: { start: t.start + 1, end: operand.range.end }, src: this.src };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.type) {
      case 'number': {
        this.next();
        return { kind: 'literal', value: numberFromText(t.text), range: this.range(t.start, t.end), src: this.src };
      }
      case 'ident': {
        this.next();
        if (t.text === 'true' || t.text === 'false') return { kind: 'literal', value: t.text === 'true', range: this.range(t.start, t.end), src: this.src };
        if (t.text === 'null') return { kind: 'literal', value: null, range: this.range(t.start, t.end), src: this.src };
        let name = t.text;
        // provider functions: provider::aws::arn_parse(...)
        while (this.isPunct(':') && this.isPunct(':', 1) && this.peek(1).start === this.peek().end && this.peek(2).type === 'ident') {
          this.next();
          this.next();
          name += '::' + this.next().text;
        }
        if (this.isPunct('(')) return this.parseCall(name, t);
        if (name !== t.text) this.unexpected('"(" after a function name');
        const root: ScopeTraversal = { kind: 'scope-traversal', root: name, steps: [], range: this.range(t.start, t.end), src: this.src };
        return root;
      }
      case 'oquote': {
        this.next();
        const body = this.parseTemplateBody('cquote', t.start);
        const close = this.next(); // cquote
        return { ...body, range: this.range(t.start, close.end) };
      }
      case 'punct':
        if (t.text === '(') {
          this.next();
          const inner = this.parseExpression();
          const close = this.expectPunct(')', '")" to close the parenthesis');
          return { kind: 'parens', inner, range: this.range(t.start, close.end), src: this.src };
        }
        if (t.text === '[') return this.isKeyword('for', 1) ? this.parseFor(false) : this.parseTuple();
        if (t.text === '{') return this.isKeyword('for', 1) ? this.parseFor(true) : this.parseObject();
        break;
      case 'invalid':
        this.invalidToken(t);
    }
    this.unexpected('the start of an expression');
  }

  private parseCall(name: string, nameTok: Token): Expr {
    this.next(); // (
    const args: Expr[] = [];
    let expandFinal = false;
    while (!this.isPunct(')')) {
      args.push(this.parseExpression());
      if (this.isPunct('...')) {
        this.next();
        expandFinal = true;
        if (!this.isPunct(')')) this.unexpected('")" after the expanded final argument (...)');
        break;
      }
      if (this.isPunct(',')) {
        this.next();
        continue;
      }
      if (!this.isPunct(')')) this.unexpected(`"," or ")" in the arguments of ${name}()`);
    }
    const close = this.next();
    return { kind: 'function-call', name, args, expandFinal, range: this.range(nameTok.start, close.end), src: this.src };
  }

  private parseTuple(): Expr {
    const open = this.next();
    const items: Expr[] = [];
    while (!this.isPunct(']')) {
      items.push(this.parseExpression());
      if (this.isPunct(',')) {
        this.next();
        continue;
      }
      if (!this.isPunct(']')) this.unexpected('"," or "]" in the tuple');
    }
    const close = this.next();
    return { kind: 'tuple', items, range: this.range(open.start, close.end), src: this.src };
  }

  private parseObject(): Expr {
    const open = this.next();
    const items: ObjectItem[] = [];
    while (!this.isPunct('}')) {
      let key = this.parseExpression();
      // a bare name is the key itself, not a reference
      if (key.kind === 'scope-traversal' && key.steps.length === 0) key = { kind: 'literal', value: key.root, range: key.range, src: this.src };
      if (!this.isPunct('=') && !this.isPunct(':')) this.unexpected('"=" or ":" after the object key');
      this.next();
      const value = this.parseExpression();
      items.push({ key, value });
      if (this.isPunct(',')) {
        this.next();
        continue;
      }
      if (this.isPunct('}')) break;
      if (!this.peek().newlineBefore) this.unexpected('"," or a newline between object items, or "}"');
    }
    const close = this.next();
    return { kind: 'object', items, range: this.range(open.start, close.end), src: this.src };
  }

  /** `x in coll` or `k, v in coll`, shared by for expressions and %{for} directives (after "for"). */
  private parseForHeader(): { first: string; second: string | undefined; collection: Expr } {
    const first = this.expectIdent('a variable name after "for"').text;
    let second: string | undefined;
    if (this.isPunct(',')) {
      this.next();
      second = this.expectIdent('a second variable name after ","').text;
    }
    if (!this.isKeyword('in')) this.unexpected('"in"');
    this.next();
    return { first, second, collection: this.parseExpression() };
  }

  private parseFor(objectForm: boolean): Expr {
    const open = this.next();
    this.next(); // for
    const { first, second, collection } = this.parseForHeader();
    this.expectPunct(':', '":" after the for collection');
    let keyExpr: Expr | undefined;
    let valueExpr = this.parseExpression();
    let grouping = false;
    if (objectForm) {
      keyExpr = valueExpr;
      this.expectPunct('=>', '"=>" in the object for expression (key => value)');
      valueExpr = this.parseExpression();
      if (this.isPunct('...')) {
        this.next();
        grouping = true;
      }
    } else if (this.isPunct('=>')) {
      this.fail('Invalid "for" expression: key => value is only valid in an object for expression {for ...}', this.peek());
    }
    let condition: Expr | undefined;
    if (this.isKeyword('if')) {
      this.next();
      condition = this.parseExpression();
    }
    const close = this.expectPunct(objectForm ? '}' : ']', objectForm ? '"}" to close the for expression' : '"]" to close the for expression');
    const node: ForExpr = {
      kind: 'for',
      keyVar: second === undefined ? undefined : first,
      valueVar: second ?? first,
      collection,
      keyExpr,
      valueExpr,
      condition,
      grouping,
      range: this.range(open.start, close.end),
      src: this.src,
    };
    return node;
  }

  /**
   * Attribute access, indexing and splats after a primary expression. Constant steps are
   * gathered into a ScopeTraversal/RelativeTraversal; a dynamic index becomes an IndexExpr.
   * Inside a full splat (`[*]`) the rest of the chain applies to each element.
   */
  private parsePostfix(base: Expr): Expr {
    let expr = base;
    let steps: TraversalStep[] = [];
    const start = base.range.start;
    let end = base.range.end;
    // dynamic indexes and splats nest the tree one level each
    let nested = 0;
    const flush = (): Expr => {
      if (steps.length === 0) return expr;
      const range = { start, end };
      const out: Expr =
        expr.kind === 'scope-traversal' && expr.steps.length === 0
          ? { kind: 'scope-traversal', root: expr.root, steps, range, src: this.src }
          : { kind: 'relative-traversal', source: expr, steps, range, src: this.src };
      steps = [];
      return out;
    };
    while (true) {
      if (this.isPunct('.')) {
        const dot = this.next();
        const t = this.peek();
        if (t.type === 'ident') {
          this.next();
          steps.push({ kind: 'attr', name: t.text });
          end = t.end;
          continue;
        }
        if (t.type === 'number') {
          // legacy index syntax: a.0 (and a.0.1, which the scanner sees as the number 0.1)
          this.next();
          if (!/^\d+(\.\d+)?$/.test(t.text)) this.fail('Invalid attribute access: expected a name or an index after "."', t);
          for (const part of t.text.split('.')) steps.push({ kind: 'index', key: Number(part) });
          end = t.end;
          continue;
        }
        if (this.isPunct('*')) {
          // legacy splat: only the following attribute names apply to each element
          const star = this.next();
          expr = flush();
          const item: SplatItem = { kind: 'splat-item', range: this.range(star.start, star.end), src: this.src };
          const eachSteps: TraversalStep[] = [];
          let eachEnd = star.end;
          while (this.isPunct('.') && this.peek(1).type === 'ident') {
            this.next();
            const name = this.next();
            eachSteps.push({ kind: 'attr', name: name.text });
            eachEnd = name.end;
          }
          const each: Expr = eachSteps.length ? { kind: 'relative-traversal', source: item, steps: eachSteps, range: this.range(star.start, eachEnd), src: this.src } : item;
          end = eachEnd;
          this.enter(star);
          nested++;
          expr = { kind: 'splat', source: expr, each, legacy: true, range: { start, end }, src: this.src };
          continue;
        }
        this.fail('Invalid attribute access: expected a name after "."', t.type === 'eof' ? dot : t);
      }
      if (this.isPunct('[')) {
        const open = this.next();
        if (this.isPunct('*') && this.isPunct(']', 1)) {
          this.next();
          const close = this.next();
          expr = flush();
          const item: SplatItem = { kind: 'splat-item', range: this.range(open.start, close.end), src: this.src };
          this.enter(open);
          const each = this.parsePostfix(item);
          this.leave(nested + 1);
          end = Math.max(close.end, each.range.end);
          return { kind: 'splat', source: expr, each, legacy: false, range: { start, end }, src: this.src };
        }
        const key = this.parseExpression();
        const close = this.expectPunct(']', '"]" to close the index');
        end = close.end;
        if (key.kind === 'literal' && (typeof key.value === 'string' || typeof key.value === 'number')) {
          steps.push({ kind: 'index', key: key.value });
          continue;
        }
        expr = flush();
        this.enter(open);
        nested++;
        expr = { kind: 'index', collection: expr, key, range: { start, end }, src: this.src };
        continue;
      }
      this.leave(nested);
      return flush();
    }
  }
}
