// Custom conditions (precondition, postcondition, variable validation): each condition must
// evaluate to true; an unknown condition is checked again at apply time.

import { type Diagnostic, error } from '../diagnostics.ts';
import { evaluate } from '../lang/evaluate.ts';
import type { Scope } from '../lang/scope.ts';
import { isUnknown, unmark } from '../lang/value.ts';
import type { Condition } from '../config/model.ts';

export function checkConditions(conditions: readonly Condition[], scope: Scope, summary: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of conditions) {
    const ok = unmark(evaluate(c.condition, scope)).value;
    if (isUnknown(ok)) continue;
    if (typeof ok !== 'boolean') {
      out.push(error('Invalid condition result', `The condition must evaluate to true or false, got ${JSON.stringify(ok)}.`, { range: c.range }));
      continue;
    }
    if (ok) continue;
    let message: string;
    try {
      const m = evaluate(c.errorMessage, scope);
      const plain = unmark(m);
      message = plain.paths.length ? '(error message hidden: it refers to a sensitive value)' : String(plain.value);
    } catch {
      message = 'the condition is false';
    }
    out.push(error(summary, message, { range: c.range }));
  }
  return out;
}
