// The configured provider instances one stack needs: every provider referenced by a resource in
// the config or by an instance in the prior state (or whose functions the stack calls). Each is
// started, then configured, once per run; between the two its functions can already be called.

import { type Diagnostic, error, hasErrors, locatedAt } from '../diagnostics.ts';
import { evaluate } from '../lang/evaluate.ts';
import { containsUnknown, isObject, unmark, type ValueObject } from '../lang/value.ts';
import { formatProviderRef, type StackConfig } from '../config/model.ts';
import type { Provider, ProviderContext, ProviderSchema, ResourceSchema } from '../../providers/provider.ts';
import type { ProviderRegistry } from '../../providers/registry.ts';
import { exprDiagnostic } from './expr-diagnostic.ts';
import { ProviderFunctions, providersWithCalledFunctions } from './provider-functions.ts';
import type { StackScope } from './stack-scope.ts';

export interface ConfiguredProvider {
  /** local reference: "aws" or "aws.west" */
  readonly ref: string;
  readonly source: string;
  readonly provider: Provider;
  readonly schema: ProviderSchema;
}

interface StartedProvider {
  readonly ref: string;
  readonly source: string;
  readonly provider: Provider;
}

export class ProviderSet {
  private readonly configured = new Map<string, ConfiguredProvider>();
  /** started, not necessarily configured: provider functions run on these (as in Terraform, unconfigured) */
  private readonly started = new Map<string, StartedProvider>();

  private constructor() {}

  /**
   * Instantiates, validates and configures every provider in `refs`; all problems come back
   * together. `earlier`: providers already started for this run (see start).
   */
  static async open(
    config: StackConfig,
    refs: Iterable<string>,
    registry: ProviderRegistry,
    ctx: ProviderContext,
    scope: StackScope,
    earlier?: ProviderSet,
  ): Promise<{ providers: ProviderSet; diagnostics: Diagnostic[] }> {
    const started = await ProviderSet.start(config, refs, registry, ctx, earlier);
    if (hasErrors(started.diagnostics)) return started;
    started.providers.offerFunctions(config, scope);
    const configured = await started.providers.configure(config, scope);
    return { providers: started.providers, diagnostics: [...started.diagnostics, ...configured] };
  }

  /**
   * Starts every provider in `refs` without configuring it. Provider-defined functions can be
   * called from here on, so expressions evaluated before configuration (variable validations,
   * the provider blocks themselves) may call them, as Terraform allows.
   * A provider in `earlier` (started, not configured, for the same run: the module expansion
   * whose count/for_each called its functions) is taken over instead of started again; it then
   * belongs to the new set, and closing `earlier` closes only what was not taken over.
   */
  static async start(
    config: StackConfig,
    refs: Iterable<string>,
    registry: ProviderRegistry,
    ctx: ProviderContext,
    earlier?: ProviderSet,
  ): Promise<{ providers: ProviderSet; diagnostics: Diagnostic[] }> {
    const set = new ProviderSet();
    const diags: Diagnostic[] = [];
    for (const ref of [...new Set(refs)].sort()) {
      const ready = earlier?.started.get(ref);
      if (ready && !earlier?.configured.has(ref)) {
        earlier?.started.delete(ref);
        set.started.set(ref, ready);
        continue;
      }
      const [name, alias] = ref.split('.');
      // point at the provider block, else at the first resource that needs the provider
      const block = config.providers.get(ref);
      const user = block ? undefined : [...config.resources.values()].find((r) => formatProviderRef(r.provider) === ref);
      const where = { stack: config.name, address: user ? (user.module ? `${user.module}.${user.address}` : user.address) : `provider.${ref}`, range: (block ?? user)?.range };
      const required = config.requiredProviders.get(name);
      const entry = registry.resolve(name, required?.source, required?.version);
      if (!entry) {
        diags.push(error(`Unknown provider "${required?.source ?? name}"`, `Ballast has no built-in provider for "${required?.source ?? name}". Available: ${registry.sources().join(', ')}.`, where));
        continue;
      }
      if (alias && !config.providers.get(ref)) {
        diags.push(error(`Provider configuration "${ref}" is not declared`, `A resource uses provider "${ref}", but no provider block with alias "${alias}" exists.`, where));
        continue;
      }
      const provider = await entry.factory(ctx);
      const sd = provider.start ? (await provider.start()).map((d) => ({ ...d, where: { ...where, ...d.where } })) : [];
      diags.push(...sd);
      if (sd.some((d) => d.severity === 'error')) {
        await provider.close?.();
        continue;
      }
      set.started.set(ref, { ref, source: entry.source, provider });
    }
    return { providers: set, diagnostics: diags };
  }

  /** Lets `scope` call the functions of these providers, when the stack calls any and it cannot yet. */
  offerFunctions(config: StackConfig, scope: StackScope): void {
    if (!scope.providerFunctions && providersWithCalledFunctions(config).length) scope.useProviderFunctions(new ProviderFunctions((name) => this.functionProvider(name)));
  }

  /** The started provider whose functions provider::NAME::FN calls (NAME is the local name). */
  functionProvider(localName: string): Provider | undefined {
    const exact = this.started.get(localName);
    if (exact) return exact.provider;
    for (const p of this.started.values()) if (p.ref.split('.')[0] === localName) return p.provider;
    return undefined;
  }

  /** Evaluates each started provider's block (provider functions included), validates and configures it. */
  async configure(config: StackConfig, scope: StackScope): Promise<Diagnostic[]> {
    const diags: Diagnostic[] = [];
    for (const { ref, source, provider } of this.started.values()) {
      const where = { stack: config.name, address: `provider.${ref}` };
      const pc = config.providers.get(ref);
      let body: ValueObject = {};
      if (pc) {
        try {
          if (scope.providerFunctions) await scope.providerFunctions.warm(() => evaluate(pc.body, scope.root));
          const v = unmark(evaluate(pc.body, scope.root)).value;
          if (!isObject(v)) throw new Error('provider configuration must be an object');
          if (containsUnknown(v)) {
            diags.push(
              error(`Provider "${ref}" configuration depends on values known only after apply`, 'Provider settings must be known at plan time (variables, locals, literals).', {
                ...where,
                range: pc.range,
              }),
            );
            continue;
          }
          body = v;
        } catch (e) {
          diags.push(exprDiagnostic(e, { ...where, range: pc.range }));
          continue;
        }
      }
      const schema = provider.getSchema();
      const vd = locatedAt(where, provider.validateProviderConfig({ config: body }).diagnostics);
      diags.push(...vd);
      if (vd.some((d) => d.severity === 'error')) continue;
      const cd = locatedAt(where, (await provider.configure({ config: body })).diagnostics);
      diags.push(...cd);
      if (cd.some((d) => d.severity === 'error')) continue;
      this.configured.set(ref, { ref, source, provider, schema });
    }
    return diags;
  }

  get(ref: string): ConfiguredProvider | undefined {
    return this.configured.get(ref);
  }

  resourceSchema(ref: string, mode: 'managed' | 'data', type: string): ResourceSchema | undefined {
    const p = this.configured.get(ref);
    if (!p) return undefined;
    return mode === 'data' ? p.schema.dataSources[type] : p.schema.resources[type];
  }

  /** which implementation serves each configured provider: "built-in" or the plugin binary */
  implementations(): { ref: string; source: string; implementation: string }[] {
    return [...this.configured.values()].map((p) => ({ ref: p.ref, source: p.source, implementation: p.provider.implementation ?? 'built-in' }));
  }

  async close(): Promise<void> {
    await Promise.all([...this.started.values()].map((p) => p.provider.close?.()));
  }
}
