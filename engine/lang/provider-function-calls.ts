// Which providers an expression calls functions of (provider::NAME::FN(...)): those providers
// must be started before the expression is evaluated.

import type { Expr } from './ast.ts';

const cache = new WeakMap<Expr, readonly string[]>();

/** The provider local names of every provider-defined function called in `expr` (cached). */
export function providerFunctionProviders(expr: Expr): readonly string[] {
  let names = cache.get(expr);
  if (names === undefined) {
    const out = new Set<string>();
    walk(expr, out);
    names = [...out];
    cache.set(expr, names);
  }
  return names;
}

function walk(e: Expr, out: Set<string>): void {
  switch (e.kind) {
    case 'literal':
    case 'splat-item':
    case 'scope-traversal':
      return;
    case 'function-call': {
      const parts = e.name.split('::');
      if (parts.length === 3 && parts[0] === 'provider' && parts[1]) out.add(parts[1]);
      for (const a of e.args) walk(a, out);
      return;
    }
    case 'template':
      for (const p of e.parts) walk(p, out);
      return;
    case 'template-wrap':
    case 'parens':
      walk(e.inner, out);
      return;
    case 'template-if':
      walk(e.condition, out);
      walk(e.then, out);
      if (e.else) walk(e.else, out);
      return;
    case 'template-for':
      walk(e.collection, out);
      walk(e.body, out);
      return;
    case 'relative-traversal':
      walk(e.source, out);
      return;
    case 'index':
      walk(e.collection, out);
      walk(e.key, out);
      return;
    case 'splat':
      walk(e.source, out);
      walk(e.each, out);
      return;
    case 'conditional':
      walk(e.condition, out);
      walk(e.trueResult, out);
      walk(e.falseResult, out);
      return;
    case 'binary-op':
      walk(e.left, out);
      walk(e.right, out);
      return;
    case 'unary-op':
      walk(e.operand, out);
      return;
    case 'for':
      walk(e.collection, out);
      if (e.keyExpr) walk(e.keyExpr, out);
      walk(e.valueExpr, out);
      if (e.condition) walk(e.condition, out);
      return;
    case 'tuple':
      for (const i of e.items) walk(i, out);
      return;
    case 'object':
      for (const i of e.items) {
        walk(i.key, out);
        walk(i.value, out);
      }
      return;
  }
}
