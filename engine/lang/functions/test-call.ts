// Test helper: calls a built-in function with a context rooted at a directory.

import type { Value, ValueObject } from '../value.ts';
import type { FunctionContext } from './function.ts';
import { callFunction } from './index.ts';

export function testContext(baseDir = process.cwd(), extra: Partial<FunctionContext> = {}): FunctionContext {
  return {
    baseDir,
    renderTemplate: (source: string, vars: ValueObject) => source.replace(/\$\{(\w+)\}/g, (_, k: string) => String(vars[k])),
    ...extra,
  };
}

export function call(name: string, ...args: Value[]): Value {
  return callFunction(name, args, testContext());
}
