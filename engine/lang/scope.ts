// What an expression can refer to. The planner implements Scope over its graph (var, local,
// resources, data, each, count, self, path, terraform); the evaluator asks it for a root name
// with the traversal's leading static steps and applies whatever steps the scope left over.

import type { SourceRange } from '../diagnostics.ts';
import type { TraversalStep } from './ast.ts';
import { ExpressionError } from './expression-error.ts';
import type { FunctionContext } from './functions/function.ts';
import type { Value, ValueObject } from './value.ts';

export interface Scope {
  /**
   * The value of `root` (e.g. `var`, `aws_s3_bucket`), optionally with some of the leading
   * steps applied (`consumed` of them): for `aws_x.y[0].arn` a scope may consume `y` and `[0]`.
   * Throws ExpressionError for a name that does not exist.
   */
  resolve(root: string, steps: readonly TraversalStep[], range: SourceRange): { value: Value; consumed: number };
  readonly functionContext: FunctionContext;
}

/**
 * A scope over a fixed set of root values, e.g. `{ var: {...}, local: {...} }` or the variables
 * of templatefile(). Roots not in the set are an error naming the reference.
 */
export function staticScope(roots: ValueObject, functionContext: FunctionContext): Scope {
  return {
    functionContext,
    resolve(root, _steps, range) {
      if (!Object.hasOwn(roots, root)) {
        throw new ExpressionError(`Reference to undeclared name "${root}"`, { range });
      }
      return { value: roots[root], consumed: 0 };
    },
  };
}
