// Which providers' functions evaluating an expression ends up calling: in the expression itself,
// or in what it reads that is evaluated on demand (locals; a module's variables, which are the
// calling module block's arguments; a called module's outputs). A count or for_each waits for
// those providers (module expansion) or runs their calls first (warm-up) only when this is
// not empty, instead of whenever the stack calls a provider function anywhere.

import type { ModuleCallConfig, StackConfig } from '../config/model.ts';
import type { Expr } from '../lang/ast.ts';
import { providerFunctionProviders } from '../lang/provider-function-calls.ts';
import { references } from '../lang/references.ts';

/** Where an expression is written: a stack or module, and (in a module) the call and its caller. */
export interface Declarations {
  readonly decl: StackConfig;
  readonly call?: ModuleCallConfig;
  readonly outer?: Declarations;
}

/** The declarations of module instance `path` ('' or undefined: the stack itself) of an expanded config. */
export function declarationsOf(config: StackConfig, path: string | undefined): Declarations {
  const inst = path ? config.modules?.get(path) : undefined;
  if (!inst) return { decl: config };
  return { decl: inst.call.module, call: inst.call, outer: declarationsOf(config, inst.parent) };
}

/** The provider local names whose functions evaluating `expr` where `at` says calls, sorted. */
export function providerFunctionsReached(expr: Expr, at: Declarations): string[] {
  const out = new Set<string>();
  const seen = new Set<Expr>();
  const visit = (e: Expr, where: Declarations): void => {
    if (seen.has(e)) return;
    seen.add(e);
    for (const n of providerFunctionProviders(e)) out.add(n);
    for (const r of references(e)) {
      const first = r.steps[0];
      const name = first?.kind === 'attr' ? first.name : undefined;
      if (name === undefined) continue;
      if (r.root === 'local') {
        const l = where.decl.locals.get(name);
        if (l) visit(l.expr, where);
      } else if (r.root === 'var') {
        const input = where.call?.inputs.get(name);
        if (input && where.outer) visit(input, where.outer);
      } else if (r.root === 'module') {
        const call = where.decl.moduleCalls?.get(name);
        if (!call) continue;
        const inner: Declarations = { decl: call.module, call, outer: where };
        for (const o of call.module.outputs.values()) visit(o.expr, inner);
      }
    }
  };
  visit(expr, at);
  return [...out].sort();
}

/**
 * Whether the count or for_each of a resource (of an expanded config) calls a provider function,
 * directly or through what it reads: only then is it worth warming up before it is expanded.
 */
export function expansionCallsFunctions(rc: { readonly count?: Expr; readonly forEach?: Expr; readonly module?: string }, config: StackConfig): boolean {
  const e = rc.count ?? rc.forEach;
  return e !== undefined && providerFunctionsReached(e, declarationsOf(config, rc.module)).length > 0;
}
