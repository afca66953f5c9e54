// The configured provider instances one stack needs: every provider referenced by a resource in
// the config or by an instance in the prior state. Each is configured once per run.

import { type Diagnostic, error, locatedAt } from '../diagnostics.ts';
import { evaluate } from '../lang/evaluate.ts';
import { containsUnknown, isObject, unmark, type ValueObject } from '../lang/value.ts';
import type { StackConfig } from '../config/model.ts';
import type { Provider, ProviderContext, ProviderSchema, ResourceSchema } from '../../providers/provider.ts';
import type { ProviderRegistry } from '../../providers/registry.ts';
import { exprDiagnostic } from './expr-diagnostic.ts';
import type { StackScope } from './stack-scope.ts';

export interface ConfiguredProvider {
  /** local reference: "aws" or "aws.west" */
  readonly ref: string;
  readonly source: string;
  readonly provider: Provider;
  readonly schema: ProviderSchema;
}

export class ProviderSet {
  private readonly configured = new Map<string, ConfiguredProvider>();

  private constructor() {}

  /** Instantiates, validates and configures every provider in `refs`; all problems come back together. */
  static async open(config: StackConfig, refs: Iterable<string>, registry: ProviderRegistry, ctx: ProviderContext, scope: StackScope): Promise<{ providers: ProviderSet; diagnostics: Diagnostic[] }> {
    const set = new ProviderSet();
    const diags: Diagnostic[] = [];
    for (const ref of [...new Set(refs)].sort()) {
      const [name, alias] = ref.split('.');
      const where = { stack: config.name, address: `provider.${ref}` };
      const required = config.requiredProviders.get(name);
      const entry = registry.resolve(name, required?.source, required?.version);
      if (!entry) {
        diags.push(error(`Unknown provider "${required?.source ?? name}"`, `Ballast has no built-in provider for "${required?.source ?? name}". Available: ${registry.sources().join(', ')}.`, where));
        continue;
      }
      const pc = config.providers.get(ref);
      if (alias && !pc) {
        diags.push(error(`Provider configuration "${ref}" is not declared`, `A resource uses provider "${ref}", but no provider block with alias "${alias}" exists.`, where));
        continue;
      }
      let body: ValueObject = {};
      if (pc) {
        try {
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
      const provider = await entry.factory(ctx);
      const sd = provider.start ? (await provider.start()).map((d) => ({ ...d, where: { ...where, ...d.where } })) : [];
      diags.push(...sd);
      if (sd.some((d) => d.severity === 'error')) {
        await provider.close?.();
        continue;
      }
      const schema = provider.getSchema();
      const vd = locatedAt(where, provider.validateProviderConfig({ config: body }).diagnostics);
      diags.push(...vd);
      if (vd.some((d) => d.severity === 'error')) continue;
      const cd = locatedAt(where, (await provider.configure({ config: body })).diagnostics);
      diags.push(...cd);
      if (cd.some((d) => d.severity === 'error')) continue;
      set.configured.set(ref, { ref, source: entry.source, provider, schema });
    }
    return { providers: set, diagnostics: diags };
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
    await Promise.all([...this.configured.values()].map((p) => p.provider.close?.()));
  }
}
