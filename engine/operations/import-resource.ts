// `ballast import ADDR ID`: adopts one existing remote object into the state of a stack, as
// `terraform import` does. The address must be declared in the configuration and must not be
// in the state yet; the object the provider imports and reads is recorded in a new state
// version with reason `import`. Nothing in the real world changes.

import { formatInstance, formatResource, parseInstance, type InstanceAddr } from '../addrs.ts';
import { type Diagnostic, error, hasErrors } from '../diagnostics.ts';
import { formatProviderRef } from '../config/model.ts';
import { ProviderSet } from '../eval/provider-set.ts';
import { StackScope } from '../eval/stack-scope.ts';
import { importObject } from '../plan/import-object.ts';
import { expandResource } from '../eval/expand.ts';
import { evaluating } from '../eval/expr-diagnostic.ts';
import { expansionCallsFunctions } from '../eval/provider-functions-reached.ts';
import { markPaths } from '../lang/value.ts';
import type { ResourceConfig } from '../config/model.ts';
import type { ProviderRegistry } from '../../providers/registry.ts';
import type { InstanceState, StateVersion } from '../../state/model.ts';
import type { StateStore } from '../../state/store.ts';
import type { PreparedStack } from './prepare-stack.ts';
import { type ExpandedStack, expandDeferredModules } from './expand-deferred-modules.ts';
import { readPrior } from './prior-state.ts';
import { staleLockWarning } from './stale-lock-warning.ts';
import { nextStateVersion } from './state-version.ts';

export interface ImportResourceRequest {
  readonly addr: InstanceAddr;
  readonly id: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
  readonly author?: string;
  /** how long to wait for another holder's lock (ms) */
  readonly lockWaitMs?: number;
}

export interface ImportResourceOutcome {
  /** the version written (null when the import failed) */
  readonly version: StateVersion | null;
  readonly diagnostics: Diagnostic[];
}

export async function importResource(prepared: PreparedStack, store: StateStore, registry: ProviderRegistry, req: ImportResourceRequest): Promise<ImportResourceOutcome> {
  // an address inside a module whose count or for_each calls a provider function exists only once those run
  const expanded = await expandDeferredModules(prepared, registry, req.env ?? process.env);
  try {
    return await importIntoExpanded(expanded, store, registry, req);
  } finally {
    // whatever the module expansion started and the import did not take over
    await expanded.providers?.close();
  }
}

async function importIntoExpanded(expanded: ExpandedStack, store: StateStore, registry: ProviderRegistry, req: ImportResourceRequest): Promise<ImportResourceOutcome> {
  if (!expanded.stack) return { version: null, diagnostics: expanded.diagnostics };
  const stack = expanded.stack;
  const { config } = stack;
  const { addr } = req;
  const address = formatInstance(addr);
  const where = { stack: config.name, address };
  const rc = addr.mode === 'managed' ? config.resources.get(formatResource(addr)) : undefined;
  if (!rc) {
    const detail =
      addr.mode === 'data'
        ? 'Only managed resources can be imported; data sources are read, not adopted.'
        : `Before importing this resource, declare it in the stack, for example:\n\nresource "${addr.type}" "${addr.name}" {\n  # (resource arguments)\n}`;
    return { version: null, diagnostics: [error(`Resource address "${address}" does not exist in the configuration`, detail, where)] };
  }
  const keyProblem = rc.count
    ? typeof addr.key !== 'number' && `${rc.address} uses count: name one instance with a numeric index, e.g. ${rc.address}[0].`
    : rc.forEach
      ? typeof addr.key !== 'string' && `${rc.address} uses for_each: name one instance with its key, e.g. ${rc.address}["key"].`
      : addr.key !== undefined && `${rc.address} has neither count nor for_each, so the address takes no index: use ${rc.address}.`;
  if (keyProblem) return { version: null, diagnostics: [error('Invalid import address', keyProblem, where)] };
  if (req.id === '') return { version: null, diagnostics: [error('Invalid import id', 'The import ID must be a non-empty string.', where)] };

  const diags: Diagnostic[] = [];
  const lock = await store.lock({ operation: 'import', waitMs: req.lockWaitMs ?? 0, signal: req.signal });
  if (lock.tookOver) {
    const t = lock.tookOver;
    diags.push(staleLockWarning(t, config.name));
  }
  let providers: ProviderSet | undefined;
  try {
    const prior = await readPrior(store);
    if (prior.instances.has(address)) {
      diags.push(
        error(
          'Resource already managed by Ballast',
          `Ballast is already managing a remote object for ${address}. To import to this address you must first remove the existing object from the state.`,
          where,
        ),
      );
      return { version: null, diagnostics: diags };
    }
    const ref = formatProviderRef(rc.provider);
    const scope = new StackScope(config, stack.variables);
    const opened = await ProviderSet.open(config, [ref], registry, { workingDir: config.dir, env: req.env ?? process.env }, scope, expanded.providers);
    providers = opened.providers;
    diags.push(...opened.diagnostics);
    const p = providers.get(ref);
    if (hasErrors(diags) || !p) return { version: null, diagnostics: diags };
    // the instance must be one the configuration has: an index past count or a key for_each lacks
    // would be recorded only for the next plan to destroy it
    const keys = await configuredKeys(rc, scope, prior.instances, diags, where);
    if (!keys) return { version: null, diagnostics: diags };
    if (!keys.has(addr.key)) {
      diags.push(
        error(
          'Configuration for import target does not exist',
          `The configuration for the given import ${address} does not exist. All target instances must have an associated configuration to be imported.`,
          where,
        ),
      );
      return { version: null, diagnostics: diags };
    }
    const schema = p.schema.resources[addr.type];
    if (!schema) {
      diags.push(error(`Unknown resource type "${addr.type}"`, `The provider ${p.source} does not support resource type "${addr.type}".`, where));
      return { version: null, diagnostics: diags };
    }
    const deps = stack.graph.resourceDeps.get(rc.address) ?? [];
    const r = await importObject({ stack: config.name, provider: p, addr, id: req.id, schema, dependencies: [...new Set([...deps, ...rc.dependsOn])].sort(), signal: req.signal });
    diags.push(...r.diagnostics);
    if (!r.instance || hasErrors(r.diagnostics)) return { version: null, diagnostics: diags };

    const instances = new Map(prior.instances);
    instances.set(address, r.instance);
    const prev = prior.version;
    const next = nextStateVersion({
      stack: config.name,
      previous: prev,
      previousDigest: prior.digest,
      instances,
      outputs: prev?.outputs ?? {},
      reason: 'import',
      changes: { add: 0, change: 0, destroy: 0 },
      // the configuration was not applied: the version keeps describing the last applied one
      sourceRevision: prev?.sourceRevision ?? null,
      configDigest: prev?.configDigest ?? null,
      author: req.author,
    });
    await store.put(next, { expectedSerial: prev?.serial ?? null });
    for (const id of prior.journals) await store.discardJournal(id);
    return { version: next, diagnostics: diags };
  } finally {
    await providers?.close();
    await lock.release().catch(() => undefined);
  }
}

/**
 * The instance keys count or for_each gives the resource now, evaluated as a plan would: against
 * the recorded objects of the resources it reads. Undefined after an error added to `diags`.
 */
async function configuredKeys(
  rc: ResourceConfig,
  scope: StackScope,
  instances: ReadonlyMap<string, InstanceState>,
  diags: Diagnostic[],
  where: Diagnostic['where'],
): Promise<Set<string | number | undefined> | undefined> {
  if (!rc.count && !rc.forEach) return new Set([undefined]);
  const byResource = new Map<string, InstanceState[]>();
  for (const inst of instances.values()) {
    if (inst.deposed) continue;
    const ra = formatResource(parseInstance(inst.address));
    const list = byResource.get(ra);
    if (list) list.push(inst);
    else byResource.set(ra, [inst]);
  }
  for (const [ra, insts] of byResource) {
    const other = scope.config.resources.get(ra);
    if (other?.count) scope.setExpansion(ra, { kind: 'count', count: insts.reduce((n, i) => Math.max(n, typeof i.key === 'number' ? i.key + 1 : n), 0) });
    else if (other?.forEach) scope.setExpansion(ra, { kind: 'for_each', keys: insts.map((i) => String(i.key)).sort() });
    for (const inst of insts) scope.setInstance(ra, inst.key, markPaths(inst.attributes, inst.sensitivePaths));
  }
  const at = scope.moduleRoot(rc.module);
  if (scope.providerFunctions && expansionCallsFunctions(rc, scope.config)) await scope.providerFunctions.warm(() => expandResource(rc, at));
  const expanded = evaluating(diags, { ...where, range: rc.range }, () => expandResource(rc, at));
  return expanded && new Set(expanded.instances.map((i) => i.key));
}
