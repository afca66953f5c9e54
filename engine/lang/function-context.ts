// The FunctionContext handed to built-in functions: where relative files resolve, and how
// templatefile() renders a template (parsed with the same language, evaluated with only its vars).

import { dirname, resolve } from 'node:path';
import type { FunctionContext } from './functions/function.ts';
import { evaluate } from './evaluate.ts';
import { ExpressionError } from './expression-error.ts';
import { parseTemplate } from './parse.ts';
import type { Scope } from './scope.ts';
import type { ValueObject } from './value.ts';

/**
 * `applying`: impure functions (uuid, timestamp) produce values; during plan they are unknown.
 * `planTimestamp`: what plantimestamp() returns (the plan's time, also when applying it).
 */
export function functionContext(baseDir: string, applying = false, planTimestamp?: string): FunctionContext {
  const ctx: FunctionContext = {
    baseDir,
    applying,
    planTimestamp,
    renderTemplate(source, vars, fileName) {
      const expr = parseTemplate(source, { file: fileName });
      return evaluate(expr, templateScope(vars, functionContext(dirname(resolve(baseDir, fileName)), applying, planTimestamp)));
    },
  };
  return ctx;
}

function templateScope(vars: ValueObject, fc: FunctionContext): Scope {
  return {
    functionContext: fc,
    resolve(root, _steps, range) {
      if (Object.hasOwn(vars, root)) return { value: vars[root], consumed: 0 };
      throw new ExpressionError(`Unknown variable "${root}" in template: templatefile() only sees the variables passed to it`, { range });
    },
  };
}

/** A scope with no variables at all, for literal inputs like `--var` values and tfvars files. */
export function literalScope(baseDir: string): Scope {
  return {
    functionContext: functionContext(baseDir),
    resolve(root, _steps, range) {
      throw new ExpressionError(`Variables are not allowed here: "${root}"`, { detail: 'Input variable values must be literal values.', range });
    },
  };
}
