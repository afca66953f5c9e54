// Provider-defined functions, provider::NAME::FN(args), for the synchronous evaluator.
// Providers answer asynchronously (CallFunction over gRPC), so a call made during evaluation
// whose result is not known yet gives an unknown value and is recorded; settle() then runs the
// recorded calls and evaluates again until nothing is pending. Provider functions are pure
// (Terraform requires it), so results are cached per (provider, function, arguments) for the run.

import type { StackConfig } from '../config/model.ts';
import type { Expr } from '../lang/ast.ts';
import { stringifyJson } from '../lang/json-numbers.ts';
import { providerFunctionProviders } from '../lang/provider-function-calls.ts';
import { FunctionArgumentError, ProviderFunctionError, type ProviderFunctionCaller } from '../lang/functions/function.ts';
import { UnknownFunctionError } from '../lang/functions/index.ts';
import { prepareArguments } from '../lang/functions/function-arguments.ts';
import { formatType } from '../lang/types.ts';
import { Sensitive, Unknown, type Value } from '../lang/value.ts';
import type { FunctionSignature, Provider } from '../../providers/provider.ts';

type Outcome = { value: Value } | { error: string; argument?: number };
interface PendingCall {
  provider: Provider;
  name: string;
  args: Value[];
}

/** Evaluation passes before giving up: each pass can only add calls whose arguments became known. */
const MAX_PASSES = 50;

export class ProviderFunctions implements ProviderFunctionCaller {
  private readonly results = new Map<string, Outcome>();
  private readonly pending = new Map<string, PendingCall>();

  /** `lookup` finds the started provider by its local name (the NAME in provider::NAME::FN). */
  constructor(private readonly lookup: (localName: string) => Provider | undefined) {}

  call(providerName: string, name: string, args: Value[]): Value {
    const fn = `provider::${providerName}::${name}`;
    const provider = this.lookup(providerName);
    if (!provider) {
      throw new UnknownFunctionError(fn, `There is no provider with local name "${providerName}" in this stack's required_providers, so it has no function "${name}".`);
    }
    const signatures = provider.functionSignatures?.() ?? new Map<string, FunctionSignature>();
    const sig = signatures.get(name);
    if (!sig) {
      const names = [...signatures.keys()].sort();
      throw new UnknownFunctionError(fn, `Provider "${providerName}" has no function named "${name}".${names.length ? ` Its functions: ${names.join(', ')}.` : ' It defines no functions.'}`);
    }
    const params = sig.parameters;
    if (args.length < params.length) {
      throw new FunctionArgumentError(
        null,
        `Not enough function arguments: function "${fn}" expects ${params.length}${sig.variadic ? ' or more' : ''} argument(s). Missing value for "${params[args.length].name}".`,
      );
    }
    if (args.length > params.length && !sig.variadic) {
      throw new FunctionArgumentError(params.length, `Too many function arguments: function "${fn}" expects only ${params.length} argument(s).`);
    }

    const { converted, sensitive, unknown } = prepareArguments(args, (i) => (i < params.length ? params[i] : sig.variadic!));
    const mark = (v: Value): Value => (sensitive ? new Sensitive(v) : v);
    if (unknown) return mark(new Unknown(formatType(sig.returns)));

    const key = `${providerName}\u0000${name}\u0000${stringifyJson(converted)}`;
    const done = this.results.get(key);
    if (!done) {
      this.pending.set(key, { provider, name, args: converted });
      return mark(new Unknown(formatType(sig.returns)));
    }
    if ('value' in done) return mark(done.value);
    if (done.argument !== undefined && done.argument !== null) throw new FunctionArgumentError(done.argument, done.error);
    throw new ProviderFunctionError(done.error);
  }

  /** True while some call still waits for its provider. */
  hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** Runs every recorded call (in parallel) and keeps the results. */
  async flush(): Promise<void> {
    const calls = [...this.pending];
    this.pending.clear();
    await Promise.all(
      calls.map(async ([key, c]) => {
        const r = c.provider.callFunction ? await c.provider.callFunction(c.name, c.args) : { error: 'this provider cannot run functions' };
        this.results.set(key, r);
      }),
    );
  }

  /**
   * Evaluates with `run` until it makes no call that waits for a provider, so that the real
   * (synchronous) evaluation afterwards reads every result from the cache. `run` must have no
   * side effects: its result and its errors (which an unknown placeholder may have caused) are
   * thrown away.
   */
  async warm(run: () => unknown): Promise<void> {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      try {
        run();
      } catch {
        // the real evaluation reports it
      }
      if (!this.hasPending()) return;
      await this.flush();
    }
  }
}

/**
 * The provider local names whose functions the stack calls anywhere (resources and their
 * count/for_each, locals, outputs, variable validations, provider settings, module inputs;
 * modules included). Empty for most stacks, which
 * then pay nothing for provider functions.
 */
export function providersWithCalledFunctions(config: StackConfig): string[] {
  const out = new Set<string>();
  const seen = new Set<StackConfig>();
  const visit = (c: StackConfig): void => {
    if (seen.has(c)) return;
    seen.add(c);
    const add = (e: Expr | undefined) => {
      if (e) for (const n of providerFunctionProviders(e)) out.add(n);
    };
    for (const r of c.resources.values()) {
      add(r.body);
      add(r.count);
      add(r.forEach);
    }
    for (const l of c.locals.values()) add(l.expr);
    for (const v of c.variables.values()) {
      for (const cond of v.validations) {
        add(cond.condition);
        add(cond.errorMessage);
      }
    }
    for (const o of c.outputs.values()) add(o.expr);
    for (const p of c.providers.values()) add(p.body);
    for (const m of c.moduleCalls?.values() ?? []) {
      for (const e of m.inputs.values()) add(e);
      add(m.count);
      add(m.forEach);
      visit(m.module);
    }
    for (const m of c.modules?.values() ?? []) visit(m.call.module);
  };
  visit(config);
  return [...out].sort();
}
