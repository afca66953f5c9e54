// Which providers an expression calls functions of (provider::NAME::FN(...)): those providers
// must be started before the expression is evaluated.

import type { Expr } from './ast.ts';
import { functionCalls } from './function-calls.ts';

const cache = new WeakMap<Expr, readonly string[]>();

/** The provider local names of every provider-defined function called in `expr` (cached). */
export function providerFunctionProviders(expr: Expr): readonly string[] {
  let names = cache.get(expr);
  if (names === undefined) {
    const out = new Set<string>();
    for (const call of functionCalls(expr)) {
      const parts = call.name.split('::');
      if (parts.length === 3 && parts[0] === 'provider' && parts[1]) out.add(parts[1]);
    }
    names = [...out];
    cache.set(expr, names);
  }
  return names;
}
