// Module calls whose count or for_each calls a provider-defined function: prepareStack leaves
// them out, since no provider runs yet; here the providers those calls need are started, the
// calls run (ProviderFunctions.warm), and the modules are expanded with the results, as
// Terraform does at plan time. The providers are stopped again: the plan starts its own.

import { type Diagnostic, hasErrors } from '../diagnostics.ts';
import { expandModules } from '../eval/expand-modules.ts';
import { ProviderFunctions } from '../eval/provider-functions.ts';
import { ProviderSet } from '../eval/provider-set.ts';
import { buildConfigGraph } from '../plan/config-graph.ts';
import type { ProviderRegistry } from '../../providers/registry.ts';
import type { PreparedStack } from './prepare-stack.ts';

export async function expandDeferredModules(stack: PreparedStack, registry: ProviderRegistry, env: NodeJS.ProcessEnv): Promise<{ stack?: PreparedStack; diagnostics: Diagnostic[] }> {
  const deferred = stack.deferredModules;
  if (!deferred) return { stack, diagnostics: [] };
  const raw = deferred.config;
  const started = await ProviderSet.start(raw, deferred.providers, registry, { workingDir: raw.dir, env });
  try {
    if (hasErrors(started.diagnostics)) return { diagnostics: started.diagnostics };
    const pf = new ProviderFunctions((name) => started.providers.functionProvider(name));
    await pf.warm(() => expandModules(raw, stack.variables, pf));
    const m = expandModules(raw, stack.variables, pf);
    const g = buildConfigGraph(m.config);
    const diagnostics = [...started.diagnostics, ...m.diagnostics, ...g.diagnostics];
    if (hasErrors(diagnostics) || !g.graph) return { diagnostics };
    return { stack: { ...stack, config: m.config, graph: g.graph, deferredModules: undefined }, diagnostics };
  } finally {
    await started.providers.close();
  }
}
