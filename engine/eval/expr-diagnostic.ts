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
