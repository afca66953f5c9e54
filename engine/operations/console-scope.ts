// What `ballast console` evaluates against, as `terraform console` does: the stack's variables,
// locals and module outputs from the configuration, and resource and data instances from the
// recorded state (the current version plus journals of interrupted applies). A resource of the
// configuration with no recorded instance is wholly unknown ("known after apply"); nothing is
// refreshed and no provider is started. One StackScope, one evaluator: the planner's.

import { formatResource, parseInstance, type InstanceKey } from '../addrs.ts';
import type { SourceRange } from '../diagnostics.ts';
import { followSensitive } from '../eval/follow-sensitive.ts';
import { StackScope } from '../eval/stack-scope.ts';
import { evaluate } from '../lang/evaluate.ts';
import { ExpressionError } from '../lang/expression-error.ts';
import { parseSource } from '../lang/parser.ts';
import { markPaths, Unknown, type Value } from '../lang/value.ts';
import type { PreparedStack } from './prepare-stack.ts';
import type { LoadedPrior } from './prior-state.ts';

/** The file name a console expression's diagnostics point at, as Terraform names it. */
export const CONSOLE_INPUT = '<console-input>';

export type ConsoleResult = { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly error: ExpressionError };

export function consoleScope(stack: PreparedStack, prior: Pick<LoadedPrior, 'instances'>, opts: { workspace?: string } = {}): StackScope {
  // impure functions (timestamp, uuid) give values, as in Terraform's console; there is no plan time
  const scope = new StackScope(stack.config, stack.variables, { applying: true, workspace: opts.workspace });
  const recorded = new Map<string, { key: InstanceKey; value: Value }[]>();
  for (const inst of prior.instances.values()) {
    if (inst.deposed) continue;
    const ra = formatResource(parseInstance(inst.address));
    let list = recorded.get(ra);
    if (!list) recorded.set(ra, (list = []));
    // as `show`: versions recorded before marks followed computed values still hide what holds a secret
    list.push({ key: inst.key, value: markPaths(inst.attributes, followSensitive(inst.attributes, inst.sensitivePaths)) });
  }
  for (const [ra, rc] of stack.config.resources) {
    const insts = recorded.get(ra);
    if (!insts?.length) {
      // not created yet: its whole value (also its count or keys) is only known after apply
      scope.setExpansion(ra, { kind: 'single' });
      scope.setInstance(ra, undefined, new Unknown());
      continue;
    }
    if (rc.count) scope.setExpansion(ra, { kind: 'count', count: insts.reduce((n, i) => (typeof i.key === 'number' ? Math.max(n, i.key + 1) : n), 0) });
    else if (rc.forEach) scope.setExpansion(ra, { kind: 'for_each', keys: insts.map((i) => String(i.key)).sort() });
    else scope.setExpansion(ra, { kind: 'single' });
    for (const i of insts) scope.setInstance(ra, rc.count || rc.forEach ? i.key : undefined, i.value);
  }
  return scope;
}

/** Parses and evaluates one console expression; parse and evaluation mistakes come back as the error. */
export function evaluateConsoleInput(scope: StackScope, text: string): ConsoleResult {
  try {
    return { ok: true, value: evaluate(parseSource(text, false), scope.root) };
  } catch (e) {
    if (e instanceof ExpressionError) return { ok: false, error: e };
    throw e;
  }
}

/** Where in the console input an error points (1-based columns of the first line). */
export function consoleRange(e: ExpressionError): SourceRange {
  return { file: CONSOLE_INPUT, line: 1, start: e.range?.start, end: e.range?.end };
}
