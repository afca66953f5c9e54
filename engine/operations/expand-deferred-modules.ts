// Module calls whose count or for_each calls a provider-defined function: prepareStack leaves
// them out, since no provider runs yet; here the providers those calls need are started, the
// calls run (ProviderFunctions.warm), and the modules are expanded with the results, as
// Terraform does at plan time. The started providers are handed to the caller, whose plan (or
// apply, or import) takes them over instead of starting each a second time.

import { type Diagnostic, hasErrors } from '../diagnostics.ts';
import { expandModules } from '../eval/expand-modules.ts';
import { ProviderFunctions } from '../eval/provider-functions.ts';
import { ProviderSet } from '../eval/provider-set.ts';
import { buildConfigGraph } from '../plan/config-graph.ts';
import type { ProviderRegistry } from '../../providers/registry.ts';
import type { PreparedStack } from './prepare-stack.ts';

export interface ExpandedStack {
  readonly stack?: PreparedStack;
  readonly diagnostics: Diagnostic[];
  /**
   * The providers started to expand the modules (not configured). The caller owns them: it
   * passes them to ProviderSet.start/open, which take over the ones the run needs, and closes
   * this set afterwards in any case (closing the rest).
   */
  readonly providers?: ProviderSet;
}

export async function expandDeferredModules(stack: PreparedStack, registry: ProviderRegistry, env: NodeJS.ProcessEnv): Promise<ExpandedStack> {
  const deferred = stack.deferredModules;
  if (!deferred) return { stack, diagnostics: [] };
  const raw = deferred.config;
  const started = await ProviderSet.start(raw, deferred.providers, registry, { workingDir: raw.dir, env });
  let handedOver = false;
  try {
    if (hasErrors(started.diagnostics)) return { diagnostics: started.diagnostics };
    const pf = new ProviderFunctions((name) => started.providers.functionProvider(name));
    await pf.warm(() => expandModules(raw, stack.variables, pf));
    const m = expandModules(raw, stack.variables, pf);
    const g = buildConfigGraph(m.config);
    const diagnostics = [...started.diagnostics, ...m.diagnostics, ...g.diagnostics];
    if (hasErrors(diagnostics) || !g.graph) return { diagnostics };
    handedOver = true;
    return { stack: { ...stack, config: m.config, graph: g.graph, deferredModules: undefined }, diagnostics, providers: started.providers };
  } finally {
    if (!handedOver) await started.providers.close();
  }
}
