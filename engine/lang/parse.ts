// The cached entry points of the expression language. The same text is parsed once per
// process: Terraform JSON repeats the same templates across thousands of resources.

import type { SourceRange } from '../diagnostics.ts';
import type { Expr } from './ast.ts';
import { ExpressionError } from './expression-error.ts';
import { parseSource } from './parser.ts';

const templates = new Map<string, Expr>();
const expressions = new Map<string, Expr>();

/** Parses a Terraform JSON string as a template (`${...}`, `%{if}`/`%{for}`, `$${` and `%%{` escapes). */
export function parseTemplate(source: string, where?: SourceRange): Expr {
  let expr = templates.get(source);
  if (expr === undefined) {
    expr = parseCached(source, true, where);
    templates.set(source, expr);
  }
  return expr;
}

/** Parses a bare HCL expression, e.g. a depends_on entry or an import `to` address. */
export function parseExpression(source: string, where?: SourceRange): Expr {
  let expr = expressions.get(source);
  if (expr === undefined) {
    expr = parseCached(source, false, where);
    expressions.set(source, expr);
  }
  return expr;
}

function parseCached(source: string, asTemplate: boolean, where: SourceRange | undefined): Expr {
  try {
    return parseSource(source, asTemplate);
  } catch (e) {
    if (e instanceof ExpressionError && where) {
      throw new ExpressionError(e.summary, { detail: e.detail, range: { ...where, start: e.range?.start, end: e.range?.end }, source });
    }
    throw e;
  }
}
