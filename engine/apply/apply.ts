// Apply: walk the plan's changes in dependency order with bounded parallelism. Each provider
// call is journalled before it starts and after it ends, durably, so a killed process leaves a
// record of everything that may exist (a state-only change, which has nothing outside the state
// to lose, does not wait for its entries to reach the disk: see record()). A failure stops its
// dependents; independent branches finish; everything that succeeded is returned for the new
// state version.

import { formatInstance, formatResource, parseInstance } from '../addrs.ts';
import { type Diagnostic, error, hasErrors, locatedAt } from '../diagnostics.ts';
import { Dag } from '../graph/dag.ts';
import { walk } from '../graph/walk.ts';
import { evaluate } from '../lang/evaluate.ts';
import { containsUnknown, isObject, markPaths, unmark, Unknown, type Path, type Value, type ValueObject } from '../lang/value.ts';
import type { ResourceConfig, StackConfig } from '../config/model.ts';
import { DEPOSED_SUFFIX, plainId, type InstanceState, type OutputState } from '../../state/model.ts';
import type { Journal } from '../../state/store.ts';
import type { JournalEntry } from '../../state/journal.ts';
import { normalizeToSchema } from '../../providers/schema-plan.ts';
import type { Plan, ResourceChange } from '../plan/plan.ts';
import type { BlockSchema, PrivateData } from '../../providers/provider.ts';
import type { ProviderSet } from '../eval/provider-set.ts';
import { exprDiagnostic } from '../eval/expr-diagnostic.ts';
import type { StackScope } from '../eval/stack-scope.ts';
import { expandResource, type ExpandedInstance } from '../eval/expand.ts';
import { expansionCallsFunctions } from '../eval/provider-functions-reached.ts';
import { normalizeBlocks, proposedNewState } from '../eval/proposed-new.ts';
import { mergePaths, schemaSensitivePaths } from '../eval/schema-sensitive.ts';
import { checkConditions } from '../eval/conditions.ts';
import { sensitiveState } from '../eval/follow-sensitive.ts';
import { evaluateChecks, checkDataWarnings } from '../eval/check-blocks.ts';
import { evaluateOutputs } from './outputs.ts';
import { inconsistentPaths } from './consistency.ts';

export type ApplyEvent =
  | { kind: 'start'; address: string; action: string }
  | { kind: 'done'; address: string; action: string; ms: number /** the object's id, for progress lines (never a sensitive one) */; id?: string }
  | { kind: 'failed'; address: string; action: string; message: string };

export interface ApplyInputs {
  readonly config: StackConfig;
  readonly scope: StackScope;
  readonly providers: ProviderSet;
  readonly journal: Journal;
  readonly parallelism: number;
  readonly signal?: AbortSignal;
  readonly onEvent?: (e: ApplyEvent) => void;
}

export interface ApplyResult {
  readonly instances: Map<string, InstanceState>;
  readonly outputs: Record<string, OutputState>;
  readonly diagnostics: Diagnostic[];
  readonly summary: { add: number; change: number; destroy: number };
  /** false when some operation failed or was cancelled */
  readonly complete: boolean;
}

type Part = 'create' | 'destroy';
const changeKey = (c: ResourceChange) => (c.deposed ? `${c.address}${DEPOSED_SUFFIX}` : c.address);
const nodeId = (c: ResourceChange, part: Part) => `${part}:${changeKey(c)}`;
/**
 * Journal address of a destroy. The old object of a create-before-destroy replacement is
 * journalled as deposed: by then the new object holds the address, and recovering "deleted"
 * for the address would forget the new object.
 */
const destroyJournalKey = (c: ResourceChange) => (c.action === 'create-then-delete' ? `${c.address}${DEPOSED_SUFFIX}` : changeKey(c));
const resourceOfChange = (c: ResourceChange) => formatResource(c.addr);

export async function applyPlan(plan: Plan, inp: ApplyInputs): Promise<ApplyResult> {
  return new Applier(plan, inp).run();
}

class Applier {
  private readonly working: Map<string, InstanceState>;
  private readonly diags: Diagnostic[] = [];
  private readonly byNode = new Map<string, ResourceChange>();
  private readonly expansions = new Map<string, Map<string | number | undefined, ExpandedInstance>>();
  private readonly summary = { add: 0, change: 0, destroy: 0 };
  private readonly ids = new Map<string, string>();
  private readonly failedCheckData = new Set<string>();
  /** journal appends of state-only changes, awaited together at the end (record()) */
  private readonly unawaitedAppends: Promise<void>[] = [];
  private journalFailure: Error | null = null;

  constructor(
    private readonly plan: Plan,
    private readonly inp: ApplyInputs,
  ) {
    this.working = new Map(Object.entries(plan.prior));
    // data sources read while planning: the state records what was read, not the previous read
    for (const c of plan.changes) {
      if (c.addr.mode === 'data' && c.action === 'no-op' && c.after) this.working.set(c.address, this.instanceState(c, c.after, c.afterSensitive, undefined));
    }
  }

  async run(): Promise<ApplyResult> {
    this.seedScope();
    await this.warmExpansions();
    const dag = this.buildGraph();
    const result = await walk(dag, {
      parallelism: this.inp.parallelism,
      signal: this.inp.signal,
      visit: (id, signal) => this.visit(id, signal),
    });
    for (const [id, cause] of result.skipped) {
      const c = this.byNode.get(id);
      if (c && !id.startsWith('barrier'))
        this.diags.push(error(`Skipped ${c.address}`, `Not applied because ${cause.replace(/^(create|destroy|barrier[^:]*):/, '')} failed.`, { stack: this.plan.stack, address: c.address }));
    }
    await Promise.all(this.unawaitedAppends);
    if (this.journalFailure) this.diags.push(error('Error writing the apply journal', this.journalFailure.message, { stack: this.plan.stack }));
    const complete = result.failed.size === 0 && result.skipped.size === 0 && result.cancelled.length === 0 && !this.journalFailure;
    if (result.cancelled.length) {
      this.diags.push(
        error(
          'Apply interrupted',
          `${result.cancelled.filter((id) => !id.startsWith('barrier')).length} operations were not started because the apply was cancelled; everything that finished is recorded.`,
          { stack: this.plan.stack },
        ),
      );
    }
    const pf = this.inp.scope.providerFunctions;
    if (pf && this.plan.mode !== 'destroy') for (const o of this.inp.config.outputs.values()) await pf.warm(() => evaluate(o.expr, this.inp.scope.root));
    const planned = this.plan.targeted ? new Set(this.plan.outputs.map((o) => o.name)) : undefined;
    const outputs = evaluateOutputs(this.inp.config, this.inp.scope, this.diags, this.plan.mode === 'destroy', planned);
    // check blocks again, now that what was unknown while planning is known (warnings, as in Terraform)
    if (this.plan.mode === 'normal' && complete) {
      // a scoped data source that the plan could not read has no object: its assertions fail
      const scoped = [...this.inp.config.resources.values()].filter((rc) => rc.check);
      if (scoped.length) {
        const recorded = new Set([...this.working.values()].map((inst) => formatResource(parseInstance(inst.address))));
        for (const rc of scoped) if (!recorded.has(rc.address)) this.failedCheckData.add(rc.address);
      }
      this.diags.push(...evaluateChecks(this.inp.config, this.inp.scope.root, this.failedCheckData).diagnostics);
    }
    return { instances: this.working, outputs, diagnostics: this.diags, summary: this.summary, complete };
  }

  /** The scope starts from the plan: prior objects, then planned objects (unknowns included). */
  private seedScope(): void {
    const { scope, config } = this.inp;
    const keys = new Map<string, Set<string | number | undefined>>();
    const note = (ra: string, k: string | number | undefined) => {
      let s = keys.get(ra);
      if (!s) keys.set(ra, (s = new Set()));
      s.add(k);
    };
    for (const inst of this.working.values()) if (!inst.deposed) note(formatResource(parseInstance(inst.address)), inst.key);
    for (const c of this.plan.changes) if (c.action !== 'delete') note(resourceOfChange(c), c.addr.key);
    for (const c of this.plan.changes) if (c.action === 'delete' && !c.deposed) keys.get(resourceOfChange(c))?.delete(c.addr.key);
    // a counted resource with no instance in the plan or the state (count = 0, or left out by --target) has none
    for (const rc of config.resources.values()) if ((rc.count || rc.forEach) && !keys.has(rc.address)) keys.set(rc.address, new Set());
    for (const [ra, ks] of keys) {
      const rc = config.resources.get(ra);
      if (rc?.count) scope.setExpansion(ra, { kind: 'count', count: Math.max(0, ...[...ks].map((k) => (typeof k === 'number' ? k + 1 : 0))) });
      else if (rc?.forEach) scope.setExpansion(ra, { kind: 'for_each', keys: [...ks].map(String).sort() });
    }
    for (const inst of this.working.values()) {
      if (inst.deposed) continue;
      scope.setInstance(formatResource(parseInstance(inst.address)), inst.key, markPaths(inst.attributes, inst.sensitivePaths));
    }
    for (const c of this.plan.changes) {
      if (c.action === 'delete' || !c.after) continue;
      scope.setInstance(resourceOfChange(c), c.addr.key, markPaths(c.after, c.afterSensitive));
    }
  }

  private buildGraph(): Dag {
    const dag = new Dag();
    const createNodes = new Map<string, string[]>();
    const destroyNodes = new Map<string, string[]>();
    const add = (m: Map<string, string[]>, k: string, v: string) => {
      const l = m.get(k);
      if (l) l.push(v);
      else m.set(k, [v]);
    };
    for (const c of this.plan.changes) {
      if (c.action === 'no-op') continue;
      const ra = resourceOfChange(c);
      if (c.action !== 'delete') {
        const id = nodeId(c, 'create');
        dag.addNode(id);
        this.byNode.set(id, c);
        add(createNodes, ra, id);
      }
      if (c.action === 'delete' || c.action === 'delete-then-create' || c.action === 'create-then-delete') {
        const id = nodeId(c, 'destroy');
        dag.addNode(id);
        this.byNode.set(id, c);
        add(destroyNodes, ra, id);
      }
    }
    // one barrier per resource keeps the edge count linear: b[*] waits for "all of a", not each a[i]
    const createdBarrier = (ra: string) => {
      const id = `barrier-created:${ra}`;
      if (!dag.hasNode(id)) {
        dag.addNode(id);
        for (const n of createNodes.get(ra) ?? []) dag.addEdge(id, n);
      }
      return id;
    };
    const destroyedBarrier = (ra: string) => {
      const id = `barrier-destroyed:${ra}`;
      if (!dag.hasNode(id)) {
        dag.addNode(id);
        for (const n of destroyNodes.get(ra) ?? []) dag.addEdge(id, n);
      }
      return id;
    };
    // who depended on a resource when it was recorded (for destroy order)
    const priorDependents = new Map<string, Set<string>>();
    for (const c of this.plan.changes) {
      if (!dag.hasNode(nodeId(c, 'destroy'))) continue;
      const deps = this.plan.prior[c.address]?.dependencies ?? c.dependencies;
      for (const d of deps) {
        let s = priorDependents.get(d);
        if (!s) priorDependents.set(d, (s = new Set()));
        s.add(resourceOfChange(c));
      }
    }
    // who depends on a resource now (for create-before-destroy: dependents move to the new object first)
    const configDependents = new Map<string, Set<string>>();
    for (const c of this.plan.changes) {
      if (!dag.hasNode(nodeId(c, 'create'))) continue;
      for (const d of c.dependencies) {
        let s = configDependents.get(d);
        if (!s) configDependents.set(d, (s = new Set()));
        s.add(resourceOfChange(c));
      }
    }
    for (const c of this.plan.changes) {
      const create = nodeId(c, 'create');
      const destroy = nodeId(c, 'destroy');
      const ra = resourceOfChange(c);
      if (c.action === 'create-then-delete') {
        for (const dependent of configDependents.get(ra) ?? []) if (dependent !== ra) dag.addEdge(destroy, createdBarrier(dependent));
      }
      if (dag.hasNode(create)) {
        for (const d of c.dependencies) if (createNodes.has(d) && d !== ra) dag.addEdge(create, createdBarrier(d));
      }
      if (c.action === 'delete-then-create') dag.addEdge(create, destroy);
      if (c.action === 'create-then-delete') dag.addEdge(destroy, create);
      if (dag.hasNode(destroy)) {
        for (const dependent of priorDependents.get(ra) ?? []) if (dependent !== ra && destroyNodes.has(dependent)) dag.addEdge(destroy, destroyedBarrier(dependent));
      }
    }
    return dag;
  }

  private async visit(id: string, signal: AbortSignal): Promise<void> {
    if (id.startsWith('barrier')) return;
    const c = this.byNode.get(id)!;
    const part: Part = id.startsWith('destroy:') ? 'destroy' : 'create';
    const started = Date.now();
    this.inp.onEvent?.({ kind: 'start', address: c.address, action: part === 'destroy' ? 'destroy' : c.action });
    try {
      if (part === 'destroy') await this.destroy(c, signal);
      else if (c.action === 'read') await this.read(c, signal);
      else await this.createOrUpdate(c, signal);
      const objectId = part === 'destroy' ? undefined : this.ids.get(c.address);
      this.inp.onEvent?.({ kind: 'done', address: c.address, action: part === 'destroy' ? 'destroy' : c.action, ms: Date.now() - started, ...(objectId !== undefined ? { id: objectId } : {}) });
    } catch (e) {
      const message = e instanceof ApplyFailure ? e.message : (e as Error).message;
      if (!(e instanceof ApplyFailure)) this.diags.push(error(`Error applying ${c.address}`, message, { stack: this.plan.stack, address: c.address }));
      this.inp.onEvent?.({ kind: 'failed', address: c.address, action: c.action, message });
      throw e;
    }
  }

  private async destroy(c: ResourceChange, signal: AbortSignal): Promise<void> {
    const p = this.provider(c);
    const prior = c.deposed ? deposedInstance(c) : (this.plan.prior[c.address] ?? null);
    if (!prior) return; // already gone (e.g. deleted out of band)
    // an old object destroyed after its replacement took the address lives in the deposed slot
    const oldSlot = c.deposed || c.action === 'create-then-delete' ? `${c.address}${DEPOSED_SUFFIX}` : null;
    await this.record(c, {
      kind: 'intent',
      address: destroyJournalKey(c),
      operation: 'delete',
      prior,
      planned: null,
      provider: c.provider,
      dependencies: prior.dependencies,
      schemaVersion: prior.schemaVersion,
      time: new Date().toISOString(),
    });
    const resp = await p.provider.applyResourceChange({ typeName: c.addr.type, priorState: prior.attributes, plannedState: null, config: null, plannedPrivate: prior.private, signal });
    if (hasErrors(resp.diagnostics)) {
      await this.record(c, { kind: 'failed', address: destroyJournalKey(c), operation: 'delete', state: prior, error: firstError(resp.diagnostics), time: new Date().toISOString() });
      // never lose the old object: it stays recorded (deposed) and the next plan destroys it
      if (oldSlot && this.working.get(c.address) !== prior) this.working.set(oldSlot, { ...prior, deposed: true });
      this.fail(c, resp.diagnostics);
    }
    await this.record(c, { kind: 'done', address: destroyJournalKey(c), operation: 'delete', state: null, time: new Date().toISOString() });
    if (oldSlot) this.working.delete(oldSlot);
    // with create-before-destroy the new object already took this address
    if (this.working.get(c.address) === prior) {
      this.working.delete(c.address);
      if (c.action === 'delete') this.inp.scope.deleteInstance(resourceOfChange(c), c.addr.key);
    }
    this.summary.destroy++;
  }

  private async read(c: ResourceChange, signal: AbortSignal): Promise<void> {
    const p = this.provider(c);
    const schema = this.inp.providers.resourceSchema(c.provider, 'data', c.addr.type);
    if (c.config && containsUnknown(c.config) && schema) await this.warmProviderFunctions(c);
    const config = c.config && containsUnknown(c.config) && schema ? this.evaluateAgain(c, schema.block).config : (c.config ?? {});
    if (c.addr.type === 'terraform_remote_state') {
      throw new ApplyFailure(`${c.address}: remote state configuration was unknown at plan time`);
    }
    const resp = await p.provider.readDataSource({ typeName: c.addr.type, config, signal });
    const check = this.inp.config.resources.get(resourceOfChange(c))?.check;
    if (check && (hasErrors(resp.diagnostics) || !resp.state)) {
      // scoped to a check block: a warning, and the check's assertions that read it fail
      this.diags.push(...checkDataWarnings(locatedAt({ stack: this.plan.stack, address: c.address }, resp.diagnostics), check));
      this.failedCheckData.add(resourceOfChange(c));
      return;
    }
    if (hasErrors(resp.diagnostics) || !resp.state) this.fail(c, resp.diagnostics);
    const sensitive = mergePaths(unmark(config).paths, schema ? schemaSensitivePaths(schema.block, resp.state) : []);
    const inst = this.instanceState(c, resp.state!, sensitive, undefined);
    this.working.set(c.address, inst);
    this.inp.scope.setInstance(resourceOfChange(c), c.addr.key, markPaths(inst.attributes, inst.sensitivePaths));
  }

  private async createOrUpdate(c: ResourceChange, signal: AbortSignal): Promise<void> {
    const p = this.provider(c);
    const schema = this.inp.providers.resourceSchema(c.provider, 'managed', c.addr.type)!;
    const replacing = c.action === 'delete-then-create' || c.action === 'create-then-delete';
    const prior = replacing || c.action === 'create' ? null : (this.plan.prior[c.address] ?? null);
    let planned = c.after!;
    let config = c.config ?? null;
    let plannedPrivate = c.plannedPrivate;
    let configSensitive = c.afterSensitive;

    // values that were unknown at plan time are known now: evaluate again and re-plan
    if (config && containsUnknown(config)) {
      await this.warmProviderFunctions(c);
      const fresh = this.evaluateAgain(c, schema.block);
      config = fresh.config;
      configSensitive = fresh.sensitive;
      const resp = await p.provider.planResourceChange({
        typeName: c.addr.type,
        priorState: prior?.attributes ?? null,
        proposedNewState: proposedNewState(schema.block, config, prior?.attributes ?? null),
        config,
        priorPrivate: prior?.private,
      });
      if (hasErrors(resp.diagnostics) || !resp.plannedState) this.fail(c, resp.diagnostics);
      const bad = inconsistentPaths(c.after!, resp.plannedState!);
      if (bad.length) {
        throw this.failure(
          c,
          'Provider produced inconsistent final plan',
          `When expanding the plan for ${c.address} to include new values learned so far during apply, the planned value of ${bad.map((x) => `.${x.join('.')}`).join(', ')} changed. This is a bug in the provider; the object was not changed.`,
        );
      }
      planned = resp.plannedState!;
      plannedPrivate = resp.plannedPrivate;
    }

    const op = prior ? 'update' : 'create';
    await this.record(c, {
      kind: 'intent',
      address: c.address,
      operation: op,
      prior: this.plan.prior[c.address] ?? null,
      planned: stripUnknown(planned),
      provider: c.provider,
      dependencies: c.dependencies,
      schemaVersion: c.schemaVersion,
      time: new Date().toISOString(),
    });
    const resp = await p.provider.applyResourceChange({ typeName: c.addr.type, priorState: prior?.attributes ?? null, plannedState: planned, config, plannedPrivate, signal });
    const sensitive = mergePaths(configSensitive, schemaSensitivePaths(schema.block, resp.newState ?? planned));
    if (hasErrors(resp.diagnostics)) {
      // a partly created object is kept, tainted, so the next apply replaces it instead of forgetting
      // it; after a failed update the object is what the provider says it is now, not tainted
      const partial = resp.newState ? { ...this.instanceState(c, resp.newState, sensitive, resp.private), ...(op === 'create' ? { tainted: true } : {}) } : null;
      await this.record(c, { kind: 'failed', address: c.address, operation: op, state: partial, error: firstError(resp.diagnostics), time: new Date().toISOString() });
      if (partial) this.takeAddress(c, partial);
      this.fail(c, resp.diagnostics);
    }
    const inst = this.instanceState(c, resp.newState!, sensitive, resp.private);
    await this.record(c, { kind: 'done', address: c.address, operation: op, state: inst, time: new Date().toISOString() });
    this.takeAddress(c, inst);
    const id = plainId(inst.attributes, inst.sensitivePaths);
    if (id !== undefined) this.ids.set(c.address, id);
    this.inp.scope.setInstance(resourceOfChange(c), c.addr.key, markPaths(inst.attributes, inst.sensitivePaths));
    if (prior) this.summary.change++;
    else this.summary.add++;

    const rc = this.inp.config.resources.get(resourceOfChange(c));
    if (rc?.lifecycle.postconditions.length) {
      const self = markPaths(inst.attributes, inst.sensitivePaths);
      const inst0 = this.expandedInstance(rc, c.addr.key);
      const failures = checkConditions(rc.lifecycle.postconditions, this.inp.scope.scope({ ...inst0, self, module: rc.module }), 'Resource postcondition failed');
      if (failures.length) {
        this.diags.push(...locatedAt({ stack: this.plan.stack, address: c.address }, failures));
        throw new ApplyFailure(`${c.address}: postcondition failed`);
      }
    }
  }

  /**
   * Journals an entry for change `c`. A change with real-world effects waits until the entry is
   * durable. A state-only change (Provider.stateOnly) does not: the journal writes entries in
   * order, so its entry is durable once any later entry is, which is before the next real-world
   * change, and run() waits for all of them. A crash can lose only records of objects that
   * exist nowhere else; the next plan creates them again.
   */
  private async record(c: ResourceChange, entry: JournalEntry): Promise<void> {
    const appended = this.inp.journal.append(entry);
    if (this.provider(c).provider.stateOnly?.(c.addr.type)) {
      this.unawaitedAppends.push(appended.catch((e: unknown) => void (this.journalFailure ??= e as Error)));
      return;
    }
    await appended;
    // an earlier state-only entry that could not be written: make no real-world change after it
    if (this.journalFailure) throw this.journalFailure;
  }

  /**
   * Records `inst` at its address. With create-before-destroy the old object still exists until
   * its destroy runs: it moves to the deposed slot, so an interruption never loses it.
   */
  private takeAddress(c: ResourceChange, inst: InstanceState): void {
    const old = this.working.get(c.address);
    if (c.action === 'create-then-delete' && old && old === this.plan.prior[c.address]) this.working.set(`${c.address}${DEPOSED_SUFFIX}`, { ...old, deposed: true });
    this.working.set(c.address, inst);
  }

  /** count and for_each were known at plan time; the provider functions they call run again before any instance needs its key. */
  private async warmExpansions(): Promise<void> {
    const pf = this.inp.scope.providerFunctions;
    if (!pf) return;
    for (const rc of this.inp.config.resources.values()) {
      if (expansionCallsFunctions(rc, this.inp.config)) await pf.warm(() => expandResource(rc, this.inp.scope.moduleRoot(rc.module)));
    }
  }

  /** Runs the provider-defined function calls the body makes now, so that evaluateAgain finds their results. */
  private async warmProviderFunctions(c: ResourceChange): Promise<void> {
    const pf = this.inp.scope.providerFunctions;
    const rc = this.inp.config.resources.get(resourceOfChange(c));
    if (!pf || !rc) return;
    const scope = this.inp.scope.scope({ ...this.expandedInstance(rc, c.addr.key), module: rc.module });
    await pf.warm(() => evaluate(rc.body, scope));
  }

  private evaluateAgain(c: ResourceChange, block: BlockSchema): { config: ValueObject; sensitive: Path[] } {
    const rc = this.inp.config.resources.get(resourceOfChange(c));
    if (!rc) throw this.failure(c, 'Configuration changed during apply', `${c.address} is no longer in the configuration.`);
    try {
      const inst = this.expandedInstance(rc, c.addr.key);
      const v = evaluate(rc.body, this.inp.scope.scope({ ...inst, module: rc.module }));
      const { value, paths } = unmark(v);
      if (!isObject(value)) throw new Error('resource body did not evaluate to an object');
      return { config: normalizeToSchema(block, normalizeBlocks(block, value)), sensitive: paths };
    } catch (e) {
      const d = exprDiagnostic(e, { stack: this.plan.stack, address: c.address, range: rc.range });
      this.diags.push(d);
      throw new ApplyFailure(`${c.address}: ${d.summary}`);
    }
  }

  private expandedInstance(rc: ResourceConfig, key: string | number | undefined): ExpandedInstance {
    let m = this.expansions.get(rc.address);
    if (!m) {
      m = new Map(expandResource(rc, this.inp.scope.moduleRoot(rc.module)).instances.map((i) => [i.key, i]));
      this.expansions.set(rc.address, m);
    }
    return m.get(key) ?? { key };
  }

  /** Every object recorded goes through here: plain attributes, marks as paths (also those that followed a secret). */
  private instanceState(c: ResourceChange, marked: ValueObject, paths: Path[], priv: PrivateData): InstanceState {
    const { attributes, sensitivePaths } = sensitiveState(marked, paths);
    return {
      address: formatInstance(c.addr),
      mode: c.addr.mode,
      type: c.addr.type,
      name: c.addr.name,
      key: c.addr.key,
      provider: c.provider,
      attributes,
      sensitivePaths,
      dependencies: c.dependencies,
      schemaVersion: c.schemaVersion,
      private: priv,
      createBeforeDestroy: c.createBeforeDestroy,
    };
  }

  private provider(c: ResourceChange) {
    const p = this.inp.providers.get(c.provider);
    if (!p) throw this.failure(c, `Provider "${c.provider}" is not available`, 'The provider that manages this object is not configured.');
    return p;
  }

  private fail(c: ResourceChange, diagnostics: Diagnostic[]): never {
    const errs = diagnostics.filter((d) => d.severity === 'error');
    this.diags.push(...locatedAt({ stack: this.plan.stack, address: c.address }, diagnostics));
    throw new ApplyFailure(`${c.address}: ${errs.map((d) => d.summary).join('; ') || 'provider returned no object'}`);
  }

  private failure(c: ResourceChange, summary: string, detail: string): ApplyFailure {
    this.diags.push(error(summary, detail, { stack: this.plan.stack, address: c.address }));
    return new ApplyFailure(`${c.address}: ${summary}`);
  }
}

function deposedInstance(c: ResourceChange): InstanceState {
  return {
    address: c.address,
    mode: c.addr.mode,
    type: c.addr.type,
    name: c.addr.name,
    key: c.addr.key,
    provider: c.provider,
    attributes: c.before!,
    sensitivePaths: c.beforeSensitive,
    dependencies: c.dependencies,
    schemaVersion: c.schemaVersion,
  };
}

/** A failure already reported as diagnostics. */
class ApplyFailure extends Error {}

function firstError(ds: Diagnostic[]): string {
  const d = ds.find((x) => x.severity === 'error');
  return d ? `${d.summary}${d.detail ? `: ${d.detail}` : ''}` : 'failed';
}

/** Journal records hold only known values; an unknown planned attribute is recorded as null. */
function stripUnknown(v: ValueObject): ValueObject {
  return replaceUnknown(v) as ValueObject;
}
function replaceUnknown(v: Value): Value {
  if (v instanceof Unknown) return null;
  if (Array.isArray(v)) return v.map(replaceUnknown);
  if (isObject(v)) {
    const out: ValueObject = {};
    for (const k in v) out[k] = replaceUnknown(v[k]);
    return out;
  }
  return v;
}
