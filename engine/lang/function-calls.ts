// The function calls an expression makes, so a stack can be checked for misspelled function
// names before anything is evaluated (all such mistakes reported at once, as Terraform does).

import type { Expr, FunctionCall } from './ast.ts';

const cache = new WeakMap<Expr, FunctionCall[]>();

/** Every function call in `expr`, in source order (cached: do not modify the result). */
export function functionCalls(expr: Expr): FunctionCall[] {
  let calls = cache.get(expr);
  if (calls === undefined) {
    calls = [];
    walk(expr, calls);
    cache.set(expr, calls);
  }
  return calls;
}

function walk(e: Expr, out: FunctionCall[]): void {
  switch (e.kind) {
    case 'literal':
    case 'splat-item':
    case 'scope-traversal':
      return;
    case 'function-call':
      out.push(e);
      for (const a of e.args) walk(a, out);
      return;
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
