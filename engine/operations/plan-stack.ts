// Plans one prepared stack against its state store: opens providers, builds the scope,
// and runs the planner. The session it returns is what apply continues with.

import type { Diagnostic } from '../diagnostics.ts';
import { error, hasErrors } from '../diagnostics.ts';
import type { InstanceAddr } from '../addrs.ts';
import type { Plan } from '../plan/plan.ts';
import { planStack, type RemoteStateReader } from '../plan/planner.ts';
import { ProviderSet } from '../plan/provider-set.ts';
import { StackScope } from '../plan/stack-scope.ts';
import { checkConditions } from '../plan/conditions.ts';
import { exprDiagnostic } from '../plan/provider-set.ts';
import { formatProviderRef } from '../config/model.ts';
import type { ProviderRegistry } from '../../providers/registry.ts';
import type { PreparedStack } from './prepare-stack.ts';
import type { LoadedPrior } from './prior-state.ts';

export interface PlanRequest {
  readonly mode: 'normal' | 'destroy' | 'refresh-only';
  readonly refresh?: boolean;
  readonly targets?: readonly InstanceAddr[];
  readonly replace?: readonly InstanceAddr[];
  readonly parallelism?: number;
  readonly sourceRevision?: string | null;
  readonly rollbackOf?: number;
  readonly remoteState?: RemoteStateReader;
  readonly signal?: AbortSignal;
}

export interface PlanSession {
  readonly stack: PreparedStack;
  readonly prior: LoadedPrior;
  readonly providers: ProviderSet;
  readonly registry: ProviderRegistry;
  readonly env: NodeJS.ProcessEnv;
  readonly plan: Plan;
  close(): Promise<void>;
}

/** Opens providers for applying a saved plan, without planning again. */
export async function sessionForPlan(
  stack: PreparedStack,
  prior: LoadedPrior,
  registry: ProviderRegistry,
  plan: Plan,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ session?: PlanSession; diagnostics: Diagnostic[] }> {
  const scope = new StackScope(stack.config, stack.variables);
  const refs = new Set<string>([...plan.changes.map((c) => c.provider), ...Object.values(plan.prior).map((i) => i.provider)]);
  const opened = await ProviderSet.open(stack.config, refs, registry, { workingDir: stack.config.dir, env }, scope);
  if (hasErrors(opened.diagnostics)) {
    await opened.providers.close();
    return { diagnostics: opened.diagnostics };
  }
  const providers = opened.providers;
  return { diagnostics: opened.diagnostics, session: { stack, prior, providers, registry, env, plan, close: () => providers.close() } };
}

export async function planPreparedStack(
  stack: PreparedStack,
  prior: LoadedPrior,
  registry: ProviderRegistry,
  req: PlanRequest,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ session?: PlanSession; diagnostics: Diagnostic[] }> {
  const { config } = stack;
  const scope = new StackScope(config, stack.variables);
  const diags: Diagnostic[] = [];

  for (const v of config.variables.values()) {
    try {
      diags.push(...checkConditions(v.validations, scope.root, `Invalid value for variable "${v.name}"`).map((d) => ({ ...d, where: { stack: config.name, address: `var.${v.name}`, ...d.where } })));
    } catch (e) {
      diags.push(exprDiagnostic(e, { stack: config.name, address: `var.${v.name}`, range: v.range }));
    }
  }
  if (hasErrors(diags)) return { diagnostics: diags };

  const refs = new Set<string>();
  for (const r of config.resources.values()) refs.add(formatProviderRef(r.provider));
  for (const i of prior.instances.values()) refs.add(i.provider);
  const opened = await ProviderSet.open(config, refs, registry, { workingDir: config.dir, env }, scope);
  diags.push(...opened.diagnostics);
  if (hasErrors(diags)) {
    await opened.providers.close();
    return { diagnostics: diags };
  }
  try {
    const planned = await planStack(
      { config, graph: stack.graph, scope, providers: opened.providers, prior },
      {
        mode: req.mode,
        refresh: req.refresh ?? true,
        targets: req.targets ?? [],
        replace: req.replace ?? [],
        parallelism: req.parallelism ?? 10,
        sourceRevision: req.sourceRevision ?? null,
        configDigest: stack.configDigest,
        rollbackOf: req.rollbackOf,
        remoteState: req.remoteState,
        signal: req.signal,
      },
    );
    const plan = { ...planned, priorJournals: prior.journals };
    diags.push(...plan.diagnostics);
    if (hasErrors(diags)) {
      await opened.providers.close();
      return { diagnostics: diags };
    }
    const providers = opened.providers;
    return {
      diagnostics: diags,
      session: { stack, prior, providers, registry, env, plan, close: () => providers.close() },
    };
  } catch (e) {
    await opened.providers.close();
    if (e instanceof Error && e.name === 'CycleError') return { diagnostics: [error(e.message, undefined, { stack: config.name })] };
    throw e;
  }
}
