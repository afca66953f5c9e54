// An expression error (bad reference, wrong type, failing function) becomes a diagnostic at
// the place the expression came from; anything else is a bug and propagates.

import { type Diagnostic, error } from '../diagnostics.ts';
import { ExpressionError } from '../lang/expression-error.ts';

export function exprDiagnostic(e: unknown, where: Diagnostic['where']): Diagnostic {
  if (e instanceof ExpressionError) {
    return error(e.summary, e.detail, { ...where, range: { ...where?.range, ...(e.range ?? {}) } });
  }
  throw e;
}

/**
 * Runs one evaluation: its result, or undefined after adding the expression error to `diags`
 * as a diagnostic at `where`. Any other error is a bug and propagates.
 */
export function evaluating<T extends NonNullable<unknown> | null>(diags: Diagnostic[], where: Diagnostic['where'], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    diags.push(exprDiagnostic(e, where));
    return undefined;
  }
}
