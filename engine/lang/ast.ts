// The syntax tree of Terraform's native expression syntax (HCL) and of templates.
// Every node carries `range` (1-based column of its first character, `end` = column of its
// last character, like SourceRange; 0/0 for nodes synthesized from JSON) and `src`, the
// whole source string it was parsed from (shared by all nodes of one parse; '' when none),
// so evaluation errors can quote the expression.

import type { BigNum } from './big-number.ts';

export interface Range {
  readonly start: number;
  readonly end: number;
}

export type TraversalStep = { kind: 'attr'; name: string } | { kind: 'index'; key: string | number };

interface NodeBase {
  readonly range: Range;
  readonly src: string;
}

/** A constant: string, number (a double or a BigNum), bool or null. */
export interface Literal extends NodeBase {
  readonly kind: 'literal';
  readonly value: null | string | number | BigNum | boolean;
}

/** A string template with more than one part; parts are literals, interpolated expressions and directives. */
export interface TemplateExpr extends NodeBase {
  readonly kind: 'template';
  readonly parts: readonly Expr[];
}

/** A template that is exactly one `${...}`: evaluates to the inner value unconverted. */
export interface TemplateWrap extends NodeBase {
  readonly kind: 'template-wrap';
  readonly inner: Expr;
}

/** `%{if c}...%{else}...%{endif}`; the branches are templates (Literal or TemplateExpr). */
export interface TemplateIf extends NodeBase {
  readonly kind: 'template-if';
  readonly condition: Expr;
  readonly then: Expr;
  readonly else?: Expr;
}

/** `%{for k, v in coll}...%{endfor}` */
export interface TemplateFor extends NodeBase {
  readonly kind: 'template-for';
  readonly keyVar?: string;
  readonly valueVar: string;
  readonly collection: Expr;
  readonly body: Expr;
}

/** A root name with static steps: `var.x`, `aws_s3_bucket.b[0].arn`, `local.m["k"]`. */
export interface ScopeTraversal extends NodeBase {
  readonly kind: 'scope-traversal';
  readonly root: string;
  readonly steps: readonly TraversalStep[];
}

/** Static steps applied to the result of another expression: `(expr).a[0]`, `x[var.i].name`. */
export interface RelativeTraversal extends NodeBase {
  readonly kind: 'relative-traversal';
  readonly source: Expr;
  readonly steps: readonly TraversalStep[];
}

/** A dynamic index: `collection[key]` where key is not a constant. */
export interface IndexExpr extends NodeBase {
  readonly kind: 'index';
  readonly collection: Expr;
  readonly key: Expr;
}

/** `source[*].each` (or legacy `source.*.attr`); `each` is evaluated per element with SplatItem bound to it. */
export interface Splat extends NodeBase {
  readonly kind: 'splat';
  readonly source: Expr;
  readonly each: Expr;
  readonly legacy: boolean;
}

/** The current element inside a Splat's `each`. */
export interface SplatItem extends NodeBase {
  readonly kind: 'splat-item';
}

export interface FunctionCall extends NodeBase {
  readonly kind: 'function-call';
  /** may contain `::` for provider functions, e.g. provider::aws::arn_parse */
  readonly name: string;
  readonly args: readonly Expr[];
  /** the final argument was followed by `...` and is expanded into separate arguments */
  readonly expandFinal: boolean;
}

export interface Conditional extends NodeBase {
  readonly kind: 'conditional';
  readonly condition: Expr;
  readonly trueResult: Expr;
  readonly falseResult: Expr;
}

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';

export interface BinaryOp extends NodeBase {
  readonly kind: 'binary-op';
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}

export interface UnaryOp extends NodeBase {
  readonly kind: 'unary-op';
  readonly op: '-' | '!';
  readonly operand: Expr;
}

/** `[for k, v in c : v if cond]` (keyExpr absent) or `{for k, v in c : k => v... if cond}`. */
export interface ForExpr extends NodeBase {
  readonly kind: 'for';
  readonly keyVar?: string;
  readonly valueVar: string;
  readonly collection: Expr;
  /** present for the object form */
  readonly keyExpr?: Expr;
  readonly valueExpr: Expr;
  readonly condition?: Expr;
  /** `...` after the value: group values with the same key into lists */
  readonly grouping: boolean;
}

export interface TupleCons extends NodeBase {
  readonly kind: 'tuple';
  readonly items: readonly Expr[];
}

export interface ObjectItem {
  /** a Literal for `name = ...` and `"name" = ...`; any expression for `(expr) = ...` or templated JSON keys */
  readonly key: Expr;
  readonly value: Expr;
}

export interface ObjectCons extends NodeBase {
  readonly kind: 'object';
  readonly items: readonly ObjectItem[];
}

export interface Parens extends NodeBase {
  readonly kind: 'parens';
  readonly inner: Expr;
}

export type Expr =
  | Literal
  | TemplateExpr
  | TemplateWrap
  | TemplateIf
  | TemplateFor
  | ScopeTraversal
  | RelativeTraversal
  | IndexExpr
  | Splat
  | SplatItem
  | FunctionCall
  | Conditional
  | BinaryOp
  | UnaryOp
  | ForExpr
  | TupleCons
  | ObjectCons
  | Parens;

/** A literal node that has no place in any source text (used for JSON numbers, bools, null). */
export const literal = (value: Literal['value']): Literal => ({ kind: 'literal', value, range: NO_RANGE, src: '' });
export const NO_RANGE: Range = { start: 0, end: 0 };

/** The source text of a node, or '' when it has none. */
export const nodeText = (e: Expr): string => (e.range.start > 0 ? e.src.slice(e.range.start - 1, e.range.end) : '');
