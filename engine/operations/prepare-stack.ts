// Turns one synthesized stack into what the planner needs: the typed config, the variable
// values and the dependency graph. All input mistakes come back together as diagnostics.

import type { Diagnostic } from '../diagnostics.ts';
import { hasErrors } from '../diagnostics.ts';
import { loadStackConfig, type StackSource } from '../config/load.ts';
import type { StackConfig } from '../config/model.ts';
import { resolveVariables, type VariableInputs } from '../config/variables.ts';
import type { Value } from '../lang/value.ts';
import { buildConfigGraph, type ConfigGraph } from '../plan/config-graph.ts';
import { expandModules } from '../eval/expand-modules.ts';
import { configDigest } from '../../state/config-digest.ts';

export interface StackInput {
  readonly name: string;
  readonly file: string;
  readonly dir: string;
  readonly json: unknown;
  readonly bytes: Buffer;
  /** automatic variable files (terraform.tfvars, *.auto.tfvars), loaded before --var-file ones */
  readonly varFiles?: readonly string[];
  readonly locate?: StackSource['locate'];
}

export interface PreparedStack {
  readonly config: StackConfig;
  readonly graph: ConfigGraph;
  readonly variables: Map<string, Value>;
  readonly bytes: Buffer;
  readonly configDigest: string;
  /**
   * Module calls whose count or for_each calls a provider-defined function are expanded only
   * once those providers run (expand-deferred-modules.ts): the configuration before expansion
   * and the providers called. Until then `config` and `graph` lack those modules' instances.
   */
  readonly deferredModules?: { readonly config: StackConfig; readonly providers: readonly string[] };
}

/** `vars` are raw inputs, or values already resolved (a saved plan's). */
export function prepareStack(input: StackInput, vars: VariableInputs | Map<string, Value>): { stack?: PreparedStack; diagnostics: Diagnostic[] } {
  const { config, diagnostics } = loadStackConfig(input);
  if (hasErrors(diagnostics)) return { diagnostics };
  const v = vars instanceof Map ? { values: vars, diagnostics: [] } : resolveVariables(config, input.varFiles?.length ? { ...vars, files: [...input.varFiles, ...(vars.files ?? [])] } : vars);
  if (hasErrors(v.diagnostics) && config.moduleCalls?.size) return { diagnostics: [...diagnostics, ...v.diagnostics] };
  // module instances need the variables: count/for_each of a module call is known before planning
  const m = expandModules(config, v.values);
  if (hasErrors(m.diagnostics)) return { diagnostics: [...diagnostics, ...v.diagnostics, ...m.diagnostics] };
  const g = buildConfigGraph(m.config);
  const all = [...diagnostics, ...v.diagnostics, ...m.diagnostics, ...g.diagnostics];
  if (hasErrors(all) || !g.graph) return { diagnostics: all };
  const deferredModules = m.deferred.length ? { config, providers: m.deferred } : undefined;
  return { stack: { config: m.config, graph: g.graph, variables: v.values, bytes: input.bytes, configDigest: configDigest(input.bytes), deferredModules }, diagnostics: all };
}
