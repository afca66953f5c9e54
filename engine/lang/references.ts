// The references an expression makes: every scope traversal with its leading static steps,
// except the local names a for expression, template %{for} or splat binds. The planner
// builds its graph from these, once per expression (cached per node).

import type { Expr, TraversalStep } from './ast.ts';

export interface Reference {
  root: string;
  steps: TraversalStep[];
  range: { start: number; end: number };
}

interface Bound {
  readonly name: string;
  readonly next: Bound | null;
}

const cache = new WeakMap<Expr, Reference[]>();

/** Every reference in `expr`, in source order. The result is cached: do not modify it. */
export function references(expr: Expr): Reference[] {
  let refs = cache.get(expr);
  if (refs === undefined) {
    refs = [];
    walk(expr, null, refs);
    cache.set(expr, refs);
  }
  return refs;
}

function isBound(bound: Bound | null, name: string): boolean {
  for (let b = bound; b !== null; b = b.next) if (b.name === name) return true;
  return false;
}

function bindVars(keyVar: string | undefined, valueVar: string, bound: Bound | null): Bound {
  const withValue: Bound = { name: valueVar, next: bound };
  return keyVar === undefined ? withValue : { name: keyVar, next: withValue };
}

function walk(e: Expr, bound: Bound | null, out: Reference[]): void {
  switch (e.kind) {
    case 'literal':
    case 'splat-item':
      return;
    case 'scope-traversal':
      if (!isBound(bound, e.root)) out.push({ root: e.root, steps: e.steps.slice(), range: { start: e.range.start, end: e.range.end } });
      return;
    case 'template':
      for (const p of e.parts) walk(p, bound, out);
      return;
    case 'template-wrap':
    case 'parens':
      walk(e.inner, bound, out);
      return;
    case 'template-if':
      walk(e.condition, bound, out);
      walk(e.then, bound, out);
      if (e.else) walk(e.else, bound, out);
      return;
    case 'template-for': {
      walk(e.collection, bound, out);
      walk(e.body, bindVars(e.keyVar, e.valueVar, bound), out);
      return;
    }
    case 'relative-traversal':
      walk(e.source, bound, out);
      return;
    case 'index':
      walk(e.collection, bound, out);
      walk(e.key, bound, out);
      return;
    case 'splat':
      walk(e.source, bound, out);
      walk(e.each, bound, out);
      return;
    case 'function-call':
      for (const a of e.args) walk(a, bound, out);
      return;
    case 'conditional':
      walk(e.condition, bound, out);
      walk(e.trueResult, bound, out);
      walk(e.falseResult, bound, out);
      return;
    case 'binary-op':
      walk(e.left, bound, out);
      walk(e.right, bound, out);
      return;
    case 'unary-op':
      walk(e.operand, bound, out);
      return;
    case 'for': {
      walk(e.collection, bound, out);
      const inner = bindVars(e.keyVar, e.valueVar, bound);
      if (e.keyExpr) walk(e.keyExpr, inner, out);
      walk(e.valueExpr, inner, out);
      if (e.condition) walk(e.condition, inner, out);
      return;
    }
    case 'tuple':
      for (const i of e.items) walk(i, bound, out);
      return;
    case 'object':
      for (const i of e.items) {
        walk(i.key, bound, out);
        walk(i.value, bound, out);
      }
      return;
  }
}
