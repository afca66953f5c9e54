// Module calls -> module instances. count/for_each of each call is evaluated where the call is
// (variables, locals, the calling instance's each/count); every resource of each instance is
// added to the stack's resources under its full address (`module.a["k"].aws_s3_bucket.b`),
// with its provider resolved to a root provider configuration. The rest of the engine then
// sees one flat set of resources, each knowing the module instance its expressions belong to.

import { formatKey } from '../addrs.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { formatProviderRef, type ModuleCallConfig, type ModuleInstance, type ProviderRef, type ResourceConfig, type StackConfig } from '../config/model.ts';
import type { Value } from '../lang/value.ts';
import { expandResource } from './expand.ts';
import { exprDiagnostic } from './expr-diagnostic.ts';
import { StackScope } from './stack-scope.ts';
import type { ProviderFunctions } from './provider-functions.ts';
import { type Declarations, providerFunctionsReached } from './provider-functions-reached.ts';

/**
 * Without `functions`, a module call whose count or for_each calls a provider-defined function
 * is left out (with what is inside it), and the providers it calls are listed in `deferred`:
 * the caller expands again once those providers run (expand-deferred-modules.ts).
 */
export function expandModules(config: StackConfig, variables: ReadonlyMap<string, Value>, functions?: ProviderFunctions): { config: StackConfig; diagnostics: Diagnostic[]; deferred: string[] } {
  if (!config.moduleCalls?.size) return { config, diagnostics: [], deferred: [] };
  const diags: Diagnostic[] = [];
  const deferred = new Set<string>();
  const modules = new Map<string, ModuleInstance>();
  const resources = new Map<string, ResourceConfig>(config.resources);
  const expanded: StackConfig = { ...config, resources, modules };
  const scope = new StackScope(expanded, variables, {
    resourcesUnavailable: 'Module count and for_each cannot depend on resource attributes in Ballast',
  });
  if (functions) scope.useProviderFunctions(functions);

  const walk = (parent: string, at: Declarations, parentProviders: (r: ProviderRef) => ProviderRef, parentDeps: readonly string[]) => {
    for (const call of at.decl.moduleCalls?.values() ?? []) {
      const where = { stack: config.name, address: `${parent ? `${parent}.` : ''}module.${call.name}`, range: call.range };
      if (!functions) {
        // directly or through what count/for_each reads (a local, a variable of the module around)
        const called = [...(call.count ? providerFunctionsReached(call.count, at) : []), ...(call.forEach ? providerFunctionsReached(call.forEach, at) : [])];
        if (called.length) {
          for (const n of called) deferred.add(n);
          continue;
        }
      }
      let instances;
      try {
        instances = expandResource(call, scope.moduleRoot(parent)).instances;
      } catch (e) {
        diags.push(exprDiagnostic(e, where));
        continue;
      }
      // depends_on of the call (and of the calls around it) applies to everything inside
      const deps = [...parentDeps, ...call.dependsOn.map((d) => (parent ? `${parent}.${d}` : d))];
      const providers = (r: ProviderRef): ProviderRef => {
        const explicit = call.providers.get(formatProviderRef(r));
        if (explicit) return parentProviders(explicit);
        return parentProviders(r);
      };
      for (const i of instances) {
        const path = `${parent ? `${parent}.` : ''}module.${call.name}${formatKey(i.key)}`;
        const inst: ModuleInstance = { path, parent, call, countIndex: i.countIndex, eachKey: i.eachKey, eachValue: i.eachValue, providers: providerMap(call, providers) };
        modules.set(path, inst);
        for (const rc of call.module.resources.values()) {
          const address = `${path}.${rc.address}`;
          resources.set(address, { ...rc, module: path, address, provider: providers(rc.provider), dependsOn: [...rc.dependsOn.map((d) => `${path}.${d}`), ...deps] });
        }
        walk(path, { decl: call.module, call, outer: at }, providers, deps);
      }
    }
  };
  walk('', { decl: config }, (r) => r, []);
  return { config: expanded, diagnostics: diags, deferred: [...deferred].sort() };
}

function providerMap(call: ModuleCallConfig, resolve: (r: ProviderRef) => ProviderRef): ReadonlyMap<string, ProviderRef> {
  const out = new Map<string, ProviderRef>();
  for (const rc of call.module.resources.values()) out.set(formatProviderRef(rc.provider), resolve(rc.provider));
  return out;
}
