// Plans one prepared stack against its state store: opens providers, builds the scope,
// and runs the planner. The session it returns is what apply continues with.

import { providersWithCalledFunctions } from '../eval/provider-functions.ts';
import { providerFunctionProviders } from '../lang/provider-function-calls.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { error, hasErrors, locatedAt } from '../diagnostics.ts';
import type { InstanceAddr, ObjectEndpoint } from '../addrs.ts';
import type { Plan } from '../plan/plan.ts';
import { planStack } from '../plan/planner.ts';
import type { RemoteStateReader } from '../plan/remote-state-reader.ts';
import { ProviderSet } from '../eval/provider-set.ts';
import { StackScope } from '../eval/stack-scope.ts';
import { checkConditions } from '../eval/conditions.ts';
import { evaluating } from '../eval/expr-diagnostic.ts';
import { formatProviderRef, type VariableConfig } from '../config/model.ts';
import type { ProviderRegistry } from '../../providers/registry.ts';
import type { PreparedStack } from './prepare-stack.ts';
import { type ExpandedStack, expandDeferredModules } from './expand-deferred-modules.ts';
import type { DriftPolicyRule } from '../plan/drift-policy.ts';
import type { LoadedPrior } from './prior-state.ts';
import type { RefreshEvent } from '../plan/refresh.ts';

export interface PlanRequest {
  readonly mode: 'normal' | 'destroy' | 'refresh-only';
  readonly refresh?: boolean;
  readonly targets?: readonly ObjectEndpoint[];
  readonly replace?: readonly InstanceAddr[];
  readonly parallelism?: number;
  readonly sourceRevision?: string | null;
  readonly rollbackOf?: number;
  readonly remoteState?: RemoteStateReader;
  readonly signal?: AbortSignal;
  /** drift policy by address (agent configuration, `plan --drift-policy`) */
  readonly driftPolicies?: readonly DriftPolicyRule[];
  /** each object's refresh as it starts and finishes */
  readonly onRefresh?: (e: RefreshEvent) => void;
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

/** Opens and configures the providers in `refs` (taking over those in `earlier`); on any error they are closed again. */
async function openProviders(
  stack: PreparedStack,
  refs: Iterable<string>,
  registry: ProviderRegistry,
  env: NodeJS.ProcessEnv,
  scope: StackScope,
  earlier?: ProviderSet,
): Promise<{ providers?: ProviderSet; diagnostics: Diagnostic[] }> {
  const opened = await ProviderSet.open(stack.config, refs, registry, { workingDir: stack.config.dir, env }, scope, earlier);
  if (!hasErrors(opened.diagnostics)) return opened;
  await opened.providers.close();
  return { diagnostics: opened.diagnostics };
}

/** Opens providers for applying a saved plan, without planning again. */
export async function sessionForPlan(
  prepared: PreparedStack,
  prior: LoadedPrior,
  registry: ProviderRegistry,
  plan: Plan,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ session?: PlanSession; diagnostics: Diagnostic[] }> {
  const expanded = await expandDeferredModules(prepared, registry, env);
  try {
    if (!expanded.stack) return { diagnostics: expanded.diagnostics };
    const stack = expanded.stack;
    const refs = [...plan.changes.map((c) => c.provider), ...Object.values(plan.prior).map((i) => i.provider), ...providersWithCalledFunctions(stack.config)];
    const opened = await openProviders(stack, refs, registry, env, new StackScope(stack.config, stack.variables), expanded.providers);
    const { providers } = opened;
    const diagnostics = [...expanded.diagnostics, ...opened.diagnostics];
    if (!providers) return { diagnostics };
    return { diagnostics, session: { stack, prior, providers, registry, env, plan, close: () => providers.close() } };
  } finally {
    // whatever the module expansion started and the session did not take over
    await expanded.providers?.close();
  }
}

export async function planPreparedStack(
  prepared: PreparedStack,
  prior: LoadedPrior,
  registry: ProviderRegistry,
  req: PlanRequest,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ session?: PlanSession; diagnostics: Diagnostic[] }> {
  // modules whose count or for_each calls a provider function are expanded now that providers can run
  const expanded = await expandDeferredModules(prepared, registry, env);
  try {
    return await planExpandedStack(expanded, prior, registry, req, env);
  } finally {
    // whatever the module expansion started and the plan did not take over
    await expanded.providers?.close();
  }
}

async function planExpandedStack(
  expanded: ExpandedStack,
  prior: LoadedPrior,
  registry: ProviderRegistry,
  req: PlanRequest,
  env: NodeJS.ProcessEnv,
): Promise<{ session?: PlanSession; diagnostics: Diagnostic[] }> {
  if (!expanded.stack) return { diagnostics: expanded.diagnostics };
  const stack = expanded.stack;
  const { config } = stack;
  // Terraform's plantimestamp(): the time of planning, to the second, kept for the apply
  const timestamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const scope = new StackScope(config, stack.variables, { planTimestamp: timestamp });
  const diags: Diagnostic[] = [...expanded.diagnostics];

  // validations that call provider functions wait until the providers are started
  const callsFunctions = (v: VariableConfig) => v.validations.some((c) => providerFunctionProviders(c.condition).length || providerFunctionProviders(c.errorMessage).length);
  const validate = (v: VariableConfig) => {
    const failures = evaluating(diags, { stack: config.name, address: `var.${v.name}`, range: v.range }, () => checkConditions(v.validations, scope.root, `Invalid value for variable "${v.name}"`));
    if (failures) diags.push(...locatedAt({ stack: config.name, address: `var.${v.name}` }, failures));
  };
  for (const v of config.variables.values()) if (!callsFunctions(v)) validate(v);
  if (hasErrors(diags)) return { diagnostics: diags };

  const fnProviders = providersWithCalledFunctions(config);
  const refs = [...[...config.resources.values()].map((r) => formatProviderRef(r.provider)), ...[...prior.instances.values()].map((i) => i.provider), ...fnProviders];
  const started = await ProviderSet.start(config, refs, registry, { workingDir: config.dir, env }, expanded.providers);
  const providers = started.providers;
  diags.push(...started.diagnostics);
  if (!hasErrors(diags)) {
    providers.offerFunctions(config, scope);
    const pf = scope.providerFunctions;
    for (const v of config.variables.values()) {
      if (!callsFunctions(v)) continue;
      if (pf) await pf.warm(() => checkConditions(v.validations, scope.root, ''));
      validate(v);
    }
  }
  if (!hasErrors(diags)) diags.push(...(await providers.configure(config, scope)));
  if (hasErrors(diags)) {
    await providers.close();
    return { diagnostics: diags };
  }
  try {
    const planned = await planStack(
      { config, graph: stack.graph, scope, providers, prior },
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
        driftPolicies: req.driftPolicies,
        onRefresh: req.onRefresh,
      },
    );
    const plan = { ...planned, priorJournals: prior.journals, timestamp };
    diags.push(...plan.diagnostics);
    if (hasErrors(diags)) {
      await providers.close();
      return { diagnostics: diags };
    }
    return {
      diagnostics: diags,
      session: { stack, prior, providers, registry, env, plan, close: () => providers.close() },
    };
  } catch (e) {
    await providers.close();
    if (e instanceof Error && e.name === 'CycleError') return { diagnostics: [error(e.message, undefined, { stack: config.name })] };
    throw e;
  }
}
