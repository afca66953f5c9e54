// The planner: refresh, then walk the configuration graph in dependency order, expand each
// resource into instances, evaluate them, ask the provider for the planned object, and choose
// one action per instance. It never changes anything; apply (engine/apply/) does.

import {
  addrMatches,
  endpointHolds,
  endpointHoldsResource,
  formatEndpoint,
  formatInstance,
  formatResource,
  moveInstance,
  type InstanceAddr,
  type InstanceKey,
  type ObjectEndpoint,
  parseInstance,
} from '../addrs.ts';
import { relative } from 'node:path';
import { type Diagnostic, error, hasErrors, locatedAt, type SourceRange, warning } from '../diagnostics.ts';
import { closest } from '../did-you-mean.ts';
import { evaluate } from '../lang/evaluate.ts';
import type { Expr } from '../lang/ast.ts';
import { references as referencesOf } from '../lang/references.ts';
import { containsSensitive, containsUnknown, isObject, markPaths, Sensitive, unmark, Unknown, valuesEqual, type Path, type Value, type ValueObject } from '../lang/value.ts';
import { formatProviderRef, type ImportConfig, type ResourceConfig, type StackConfig } from '../config/model.ts';
import type { InstanceState } from '../../state/model.ts';
import type { ObjectHealth, ResourceSchema } from '../../providers/provider.ts';
import { normalizeToSchema } from '../../providers/schema-plan.ts';
import type { ActionReason, CheckResult, DriftAlert, ObjectDriftPolicy, OutputChange, Plan, ResourceChange } from './plan.ts';
import type { PriorState } from './prior-state.ts';
import type { RemoteStateReader } from './remote-state-reader.ts';
import type { ConfigGraph } from './config-graph.ts';
import { referencedNodes } from './config-graph.ts';
import { expandResource, type ExpandedInstance } from '../eval/expand.ts';
import { expansionCallsFunctions } from '../eval/provider-functions-reached.ts';
import { applyIgnoreChanges, parseIgnoreChanges } from './ignore-changes.ts';
import { normalizeBlocks, proposedNewState } from '../eval/proposed-new.ts';
import type { ProviderSet } from '../eval/provider-set.ts';
import { evaluating, exprDiagnostic } from '../eval/expr-diagnostic.ts';
import { refreshAll, type RefreshEvent } from './refresh.ts';
import { walk } from '../graph/walk.ts';
import { Slots } from './slots.ts';
import type { DriftPolicyRule } from './drift-policy.ts';
import { upgradeAll } from './upgrade-state.ts';
import { mergePaths, schemaSensitivePaths } from '../eval/schema-sensitive.ts';
import type { StackScope } from '../eval/stack-scope.ts';
import { checkConditions } from '../eval/conditions.ts';
import { followSensitive, sensitiveState } from '../eval/follow-sensitive.ts';
import { importBlocksByAddress, importObject } from './import-object.ts';
import { checkDataWarnings, evaluateChecks } from '../eval/check-blocks.ts';
import {
  declaredAt,
  impliedMoveStatements,
  type MoveStatement,
  moveStatementDiagnostics,
  moveStatements,
  onePerBlock,
  type RemoveStatement,
  removeStatements,
  stillExists,
} from './move-statements.ts';

export interface PlanOptions {
  readonly mode: 'normal' | 'destroy' | 'refresh-only';
  readonly refresh: boolean;
  /** --target: resources, instances, module calls or module instances */
  readonly targets: readonly ObjectEndpoint[];
  readonly replace: readonly InstanceAddr[];
  readonly parallelism: number;
  readonly sourceRevision: string | null;
  readonly configDigest: string;
  readonly rollbackOf?: number;
  readonly remoteState?: RemoteStateReader;
  readonly signal?: AbortSignal;
  /** drift policy by address (the agent configuration, `plan --drift-policy`) */
  readonly driftPolicies?: readonly DriftPolicyRule[];
  /** each object's refresh as it starts and finishes (the machine-readable UI streams them) */
  readonly onRefresh?: (e: RefreshEvent) => void;
}

export interface PlanInputs {
  readonly config: StackConfig;
  readonly graph: ConfigGraph;
  readonly scope: StackScope;
  readonly providers: ProviderSet;
  readonly prior: PriorState;
}

export async function planStack(inp: PlanInputs, opts: PlanOptions): Promise<Plan> {
  return new Planner(inp, opts).run();
}

class Planner {
  private readonly diags: Diagnostic[] = [];
  private readonly checkResults: CheckResult[] = [];
  private readonly changes = new Map<string, ResourceChange>();
  private refreshed = new Map<string, InstanceState>();
  private drift: ResourceChange[] = [];
  private driftAlerts: DriftAlert[] = [];
  private health = new Map<string, ObjectHealth>();
  private objectPolicies = new Map<string, ObjectDriftPolicy>();
  private readonly failed = new Set<string>();
  private readonly stack: string;
  /** resource addresses the plan may touch (null: all) */
  private touchable: Set<string> | null = null;
  private readonly priorByResource = new Map<string, InstanceState[]>();
  /** resources whose replacement is create-before-destroy because a dependent's is (lazy) */
  private forcedCbd: Set<string> | null = null;
  /** import blocks by target instance address (normal mode only) */
  private imports = new Map<string, ImportConfig>();
  /** new address -> the address recorded before moved blocks applied */
  private readonly movedFrom = new Map<string, string>();
  /** the stack's moved blocks (absolute addresses), once valid */
  private moves: MoveStatement[] = [];
  /** every instance address the configuration's expansion declares (normal mode): moved blocks and import blocks are checked against it */
  private readonly declaredInstances = new Set<string>();
  /** data sources scoped to check blocks that could not be read */
  private readonly failedCheckData = new Set<string>();
  /** removed blocks with absolute addresses (lazy) */
  private removes: RemoveStatement[] | undefined;
  private readonly forgotten: string[] = [];
  /** provider calls in flight during the graph walk, all resources together */
  private readonly slots: Slots;
  /** instance address -> the graph node (resource address) it was planned under */
  private readonly nodeOf = new Map<string, string>();

  constructor(
    private readonly inp: PlanInputs,
    private readonly opts: PlanOptions,
  ) {
    this.stack = inp.config.name;
    this.slots = new Slots(opts.parallelism);
  }

  async run(): Promise<Plan> {
    const { prior, providers, config } = this.inp;
    const upgraded = await upgradeAll(this.stack, prior.instances, providers, this.opts.parallelism);
    this.diags.push(...upgraded.diagnostics);
    if (this.opts.refresh && !hasErrors(upgraded.diagnostics)) {
      const r = await refreshAll(this.stack, upgraded.instances, providers, this.opts.parallelism, this.opts.signal, this.opts.driftPolicies, this.opts.onRefresh);
      this.refreshed = r.refreshed;
      this.drift = r.drift;
      this.driftAlerts = r.alerts;
      this.health = r.health;
      this.objectPolicies = r.policies;
      this.diags.push(...r.diagnostics);
    } else this.refreshed = upgraded.instances;
    if (prior.restore) await this.restoreEarlierObjects(prior.restore);
    if (this.opts.mode !== 'refresh-only') this.applyMoves();

    // deposed objects (older objects of an address) are destroyed, whatever the config says
    if (this.opts.mode !== 'refresh-only') {
      for (const [key, inst] of this.refreshed) if (inst.deposed) this.changes.set(key, { ...deleteChange(inst), deposed: true });
    }
    for (const inst of this.refreshed.values()) {
      if (inst.deposed) continue;
      const key = formatResource(parseInstance(inst.address));
      let l = this.priorByResource.get(key);
      if (!l) this.priorByResource.set(key, (l = []));
      l.push(inst);
    }
    this.touchable = this.computeTouchable();

    if (!hasErrors(this.diags)) {
      if (this.opts.mode === 'destroy') this.planDestroy();
      else if (this.opts.mode === 'normal') {
        const imp = importBlocksByAddress(config);
        this.imports = imp.byAddress;
        this.diags.push(...imp.diagnostics);
        if (!hasErrors(imp.diagnostics)) await this.planNormal();
      } else this.seedScopeFromPrior(config.resources.keys());
    }
    const pf = this.inp.scope.providerFunctions;
    if (pf && this.opts.mode === 'normal' && !hasErrors(this.diags)) {
      for (const o of this.inp.config.outputs.values()) await pf.warm(() => evaluate(o.expr, this.inp.scope.root));
    }
    const outputs = this.opts.mode === 'normal' && !hasErrors(this.diags) ? this.planOutputs() : this.opts.mode === 'destroy' ? this.destroyOutputs() : [];
    if (this.opts.mode === 'normal' && !hasErrors(this.diags)) this.runChecks();

    const changes = [...this.changes.values()]
      .map((c) => {
        const from = this.movedFrom.get(c.address);
        return from && !c.deposed ? { ...c, previousAddress: from } : c;
      })
      .sort((a, b) => cmp(a.address, b.address));
    return {
      stack: this.stack,
      mode: this.opts.mode,
      changes,
      drift: this.drift,
      ...(this.driftAlerts.length ? { driftAlerts: this.driftAlerts } : {}),
      ...(this.health.size ? { health: Object.fromEntries(this.health) } : {}),
      ...(this.objectPolicies.size ? { driftPolicies: Object.fromEntries(this.objectPolicies) } : {}),
      outputs,
      diagnostics: this.diags,
      ...(this.checkResults.length ? { checks: this.checkResults } : {}),
      priorSerial: prior.version?.serial ?? null,
      priorLineage: prior.version?.lineage ?? null,
      priorDigest: prior.digest,
      prior: Object.fromEntries(this.refreshed),
      configDigest: this.opts.configDigest,
      sourceRevision: this.opts.sourceRevision,
      rollbackOf: this.opts.rollbackOf,
      ...(this.forgotten.length ? { forgotten: this.forgotten.sort(cmp) } : {}),
      ...(this.opts.targets.length ? { targeted: true } : {}),
    };
  }

  /** check blocks: a false assertion is a warning, as in Terraform; an unknown one is checked again after apply. */
  private runChecks(): void {
    const r = evaluateChecks(this.inp.config, this.inp.scope.root, this.failedCheckData);
    this.diags.push(...r.diagnostics);
    this.checkResults.push(...r.results);
  }

  /**
   * moved blocks, then Terraform's implied moves (count added or removed): recorded objects take
   * their new addresses before anything is planned, as in Terraform.
   */
  private applyMoves(): void {
    // blocks of called modules too, per module instance, chains in order
    const explicit = moveStatements(this.inp.config);
    const invalid = moveStatementDiagnostics(this.inp.config, explicit);
    this.diags.push(...invalid);
    if (hasErrors(invalid)) return;
    this.moves = explicit;
    const blocked: string[] = [];
    for (const mv of [...explicit, ...impliedMoveStatements(this.inp.config, explicit)]) {
      const where = { stack: this.stack, address: `moved ${mv.fromText} -> ${mv.toText}`, range: mv.range };
      const { from, to } = mv;
      for (const [key, inst] of this.movable(mv)) {
        if (inst.deposed) continue;
        const n = moveInstance(parseInstance(inst.address), from, to);
        if (!n) continue;
        const address = formatInstance(n);
        if (this.refreshed.has(address)) {
          blocked.push(`  - ${inst.address} could not move to ${address}`);
          continue;
        }
        if (n.mode === 'managed' && n.type !== inst.type) {
          // another type's object: Ballast's providers cannot convert it (Terraform asks the provider's MoveResourceState); moving it as is would leave the real object unmanaged
          const rc = this.inp.config.resources.get(formatResource(n));
          const source = (rc && this.inp.providers.get(formatProviderRef(rc.provider))?.source) ?? n.type.split('_')[0];
          this.diags.push(
            error(
              'Unsupported `moved` across resource types',
              `The provider "${source}" does not support moved operations across resource types and providers: ${inst.address} (a ${inst.type}) cannot become ${address} (a ${n.type}). Move it to a resource of type ${inst.type}, or remove this moved block.`,
              where,
            ),
          );
          continue;
        }
        this.refreshed.delete(key);
        this.refreshed.set(address, { ...inst, address, mode: n.mode, type: n.type, name: n.name, key: n.key });
        this.movedFrom.set(address, this.movedFrom.get(inst.address) ?? inst.address);
        this.movedFrom.delete(inst.address);
      }
    }
    if (blocked.length)
      this.diags.push(
        warning(
          'Unresolved resource instance address changes',
          `Ballast tried to adjust resource instance addresses in the prior state based on moved blocks and count changes in the configuration, but some adjustments did not succeed due to existing objects already at the intended addresses:\n${blocked.join('\n')}\n\nBallast has planned to destroy these objects. If these changes aren't appropriate, first resolve the conflicts with the "ballast state mv" or "ballast state rm" commands and then plan again.`,
          { stack: this.stack },
        ),
      );
  }

  /**
   * The recorded objects a move may concern: an implied move names one instance, found by its
   * address (there is one per resource: scanning every object for each would be quadratic); a
   * moved block may name a whole resource or module, so every object is looked at.
   */
  private movable(mv: MoveStatement): [string, InstanceState][] {
    if (!mv.implied || mv.from.kind !== 'instance') return [...this.refreshed];
    const address = formatInstance(mv.from.addr);
    const inst = this.refreshed.get(address);
    return inst ? [[address, inst]] : [];
  }

  /** Moves from an instance that the configuration still declares (the expansion is needed to know). */
  private checkMovedInstances(): void {
    const found: Diagnostic[] = [];
    for (const mv of this.moves) {
      if (mv.from.kind !== 'instance' || !this.declaredInstances.has(mv.fromText)) continue;
      const rc = this.inp.config.resources.get(formatResource(mv.from.addr));
      if (!rc) continue;
      found.push(stillExists(mv, 'resource instance', 'instance', declaredAt(rc.range, this.inp.config.dir), { stack: this.stack, address: `moved ${mv.fromText} -> ${mv.toText}`, range: mv.range }));
    }
    this.diags.push(...onePerBlock(found));
  }

  /** A removed block that names this recorded instance, if any. */
  private removal(addr: InstanceAddr): { destroy: boolean } | undefined {
    this.removes ??= removeStatements(this.inp.config);
    return this.removes.find((r) => endpointHolds(r.from, addr));
  }

  private async restoreEarlierObjects(restore: ReadonlyMap<string, InstanceState>): Promise<void> {
    const { providers } = this.inp;
    for (const [address, earlier] of restore) {
      if (earlier.mode !== 'managed') continue;
      const current = this.refreshed.get(address);
      if (current && valuesEqual(current.attributes, earlier.attributes)) continue;
      const p = providers.get(earlier.provider);
      if (!p) continue;
      const resp = await p.provider.readResource({ typeName: earlier.type, currentState: earlier.attributes, private: earlier.private, signal: this.opts.signal });
      const now = resp.newState;
      if (hasErrors(resp.diagnostics) || now === null) continue; // gone: the plan creates it anew
      if (current && (valuesEqual(now, current.attributes) || sameRealObject(now, current.attributes))) continue;
      if (current) this.changes.set(`${address} (deposed)`, { ...deleteChange(current), deposed: true });
      this.refreshed.set(address, { ...earlier, attributes: now });
    }
  }

  /** --target: the targeted resources plus what they depend on (normal) or what depends on them (destroy). */
  private computeTouchable(): Set<string> | null {
    const targets = this.opts.targets;
    if (!targets.length) return null;
    const { dag } = this.inp.graph;
    const ids: string[] = [];
    const recorded: string[] = [];
    for (const t of targets) {
      // a module target holds every resource of its instances, nested modules included
      const declared = [...this.inp.config.resources.values()].filter((rc) => endpointHoldsResource(t, rc)).map((rc) => rc.address);
      const inState = [...this.priorByResource].filter(([, insts]) => endpointHoldsResource(t, parseInstance(insts[0].address))).map(([id]) => id);
      ids.push(...declared.filter((id) => dag.hasNode(id)));
      recorded.push(...inState);
      if (!declared.length && !inState.length) {
        const what =
          t.kind === 'module'
            ? 'No module instance with this address is declared in the stack or recorded in its state.'
            : 'No resource with this address is declared in the stack or recorded in its state.';
        this.diags.push(error(`Target "${formatEndpoint(t)}" matches nothing`, what, { stack: this.stack, address: formatEndpoint(t) }));
      }
    }
    const set = this.opts.mode === 'destroy' ? dag.descendantsOf(ids) : dag.ancestorsOf(ids);
    for (const id of [...ids, ...recorded]) set.add(id);
    this.diags.push(
      warning(
        'Resource targeting is in effect',
        'This plan was limited with --target, so it may not hold every change the configuration asks for, and output values may not be fully updated. Targeting is meant for exceptional cases such as recovering from a mistake, not for routine use.',
        { stack: this.stack },
      ),
    );
    return set;
  }

  private instanceTargeted(addr: InstanceAddr): boolean {
    if (!this.touchable) return true;
    if (!this.touchable.has(formatResource(addr))) return false;
    // a target naming one instance limits that resource to that instance; dependencies are whole
    const direct = this.opts.targets.filter((t) => endpointHoldsResource(t, addr));
    if (!direct.length || direct.some((t) => t.kind !== 'instance')) return true;
    return direct.some((t) => endpointHolds(t, addr));
  }

  private planDestroy(): void {
    for (const inst of this.refreshed.values()) {
      if (inst.mode !== 'managed' || inst.deposed) continue;
      const addr = parseInstance(inst.address);
      if (!this.instanceTargeted(addr)) continue;
      const rc = this.inp.config.resources.get(formatResource(addr));
      if (rc?.lifecycle.preventDestroy) this.preventDestroyError(inst.address, rc);
      this.changes.set(inst.address, deleteChange(inst));
    }
  }

  /** An import block whose instance the configuration does not give (a key for_each lacks, an index past count) is an error, as in Terraform. */
  private checkImportTargets(): void {
    // with --target, instances outside it were not planned; with errors, some were not reached
    if (this.opts.targets.length || hasErrors(this.diags)) return;
    for (const [address, imp] of this.imports) {
      if (this.declaredInstances.has(address)) continue;
      this.diags.push(
        error(
          'Configuration for import target does not exist',
          `The configuration for the given import ${address} does not exist. All target instances must have an associated configuration to be imported.`,
          { stack: this.stack, address, range: imp.range },
        ),
      );
    }
  }

  private async planNormal(): Promise<void> {
    const { graph, config } = this.inp;
    // Independent resources plan concurrently: a kubernetes_manifest plan is an API round trip
    // (server-side dry run), so a serial walk made a no-op re-plan of 551 objects take 12+ s.
    const visit = async (id: string): Promise<void> => {
      const node = graph.nodes.get(id)!;
      if (node.kind === 'output') return;
      if (graph.dag.dependencies(id).some((d) => this.failed.has(d))) {
        this.failed.add(id);
        return;
      }
      if (node.kind !== 'resource') {
        // outside a --target, nothing planned needs it (outputs evaluate what they read lazily)
        if (this.touchable && !this.touchable.has(id)) return;
        // locals, module inputs and module outputs: evaluated now so their mistakes are reported
        const m = node.module ? config.modules?.get(node.module) : undefined;
        const range =
          (node.kind === 'local'
            ? (m ? m.call.module : config).locals.get(node.name)?.range
            : node.kind === 'module-var'
              ? (m?.call.inputRanges?.get(node.name) ?? m?.call.range)
              : m?.call.module.outputs.get(node.name)?.range) ?? {};
        try {
          if (node.kind === 'local') this.inp.scope.localValue(node.name, range, node.module);
          else if (node.kind === 'module-var') {
            this.inp.scope.moduleVariable(node.module, node.name, range);
            if (!this.validateModuleVariable(node.module, node.name, range)) this.failed.add(id);
          } else this.inp.scope.moduleOutput(node.module, node.name, range);
        } catch (e) {
          this.diags.push(exprDiagnostic(e, { stack: this.stack, address: id, range }));
          this.failed.add(id);
        }
        return;
      }
      const rc = config.resources.get(node.address)!;
      if (this.touchable && !this.touchable.has(node.address)) {
        this.seedScopeFromPrior([node.address]);
        return;
      }
      const before = this.diags.length;
      const ok = await this.planResource(rc);
      if (rc.check) {
        // a data source scoped to a check block: a failure to read it is a warning, nothing depends on it
        let bad = !ok;
        for (let i = before; i < this.diags.length; i++) {
          const d = this.diags[i];
          const a = d.where?.address ?? '';
          if (d.severity !== 'error' || (a !== rc.address && !a.startsWith(`${rc.address}[`))) continue;
          this.diags[i] = checkDataWarnings([d], rc.check)[0];
          bad = true;
        }
        if (bad) this.failedCheckData.add(rc.address);
        return;
      }
      if (!ok) this.failed.add(id);
    };
    // Nodes start as soon as their dependencies are planned; the provider calls beneath them take
    // slots of one pool, so --parallelism bounds the whole plan (resources and their instances).
    const firstDiag = this.diags.length;
    const walked = await walk(graph.dag, { parallelism: Number.POSITIVE_INFINITY, visit, signal: this.opts.signal });
    if (this.opts.signal?.aborted) throw this.opts.signal.reason ?? new Error('aborted');
    const thrown = walked.failed.values().next();
    if (!thrown.done) throw thrown.value;
    this.orderByNode(firstDiag, graph.dag.topologicalOrder());
    this.checkImportTargets();
    this.checkMovedInstances();
    // instances whose resource left the configuration
    for (const [resourceAddress, insts] of this.priorByResource) {
      if (config.resources.has(resourceAddress)) continue;
      for (const inst of insts) {
        if (inst.mode !== 'managed' || !this.instanceTargeted(parseInstance(inst.address))) continue;
        if (this.removal(parseInstance(inst.address))?.destroy === false) {
          // forgotten: no longer managed, the real object stays
          this.refreshed.delete(inst.address);
          this.forgotten.push(inst.address);
          continue;
        }
        this.changes.set(inst.address, { ...deleteChange(inst), reason: 'delete-because-no-resource-config' });
      }
    }
    for (const r of removeStatements(config)) {
      const ep = r.from;
      const still = [...config.resources.values()].find((rc) =>
        endpointHolds(ep, { mode: rc.mode, type: rc.type, name: rc.name, module: rc.module, key: ep.kind === 'instance' ? ep.addr.key : undefined }),
      );
      if (still)
        this.diags.push(
          error(
            'Removed resource still exists',
            `This removed block declares that ${r.fromText} was removed, but ${still.address} is still in the configuration. Remove the resource block, or the removed block.`,
            { stack: this.stack, address: r.fromText, range: r.range },
          ),
        );
    }
  }

  /**
   * The validation blocks of a module's variable, for one module instance: a false condition is an
   * error at the call's argument (as Terraform reports it), naming the instance and the rule.
   */
  private validateModuleVariable(path: string, name: string, range: SourceRange): boolean {
    const m = this.inp.config.modules?.get(path);
    const decl = m?.call.module.variables.get(name);
    if (!m || !decl?.validations.length) return true;
    const where = { stack: this.stack, address: `${path}.var.${name}`, range };
    let ok = true;
    decl.validations.forEach((rule, i) => {
      const found = evaluating(this.diags, where, () => checkConditions([rule], this.inp.scope.moduleRoot(path), 'Invalid value for variable'));
      if (!found) ok = false;
      for (const d of found ?? []) {
        ok = false;
        const file = rule.range.file ? relative(this.inp.config.dir, rule.range.file) || '.' : m.call.source;
        const at = rule.range.line ? `${file}:${rule.range.line}` : `${file} (validation ${i + 1} of variable "${name}")`;
        const detail = d.summary === 'Invalid value for variable' ? `${d.detail}\n\nThis was checked by the validation rule at ${at}, for ${path}.` : d.detail;
        this.diags.push({ ...d, detail, where });
      }
    });
    return ok;
  }

  /** Untouched resources keep their recorded values, so expressions that read them still work. */
  private seedScopeFromPrior(resourceAddresses: Iterable<string>): void {
    const { scope, config } = this.inp;
    for (const ra of resourceAddresses) {
      const insts = this.priorByResource.get(ra) ?? [];
      const rc = config.resources.get(ra);
      if (rc?.count) scope.setExpansion(ra, { kind: 'count', count: insts.reduce((n, i) => Math.max(n, typeof i.key === 'number' ? i.key + 1 : n), 0) });
      else if (rc?.forEach) scope.setExpansion(ra, { kind: 'for_each', keys: insts.map((i) => String(i.key)).sort() });
      for (const inst of insts) scope.setInstance(ra, inst.key, markPaths(inst.attributes, inst.sensitivePaths));
    }
  }

  private async planResource(rc: ResourceConfig): Promise<boolean> {
    const { scope, providers } = this.inp;
    const where = { stack: this.stack, address: rc.address, range: rc.range };
    const providerRef = formatProviderRef(rc.provider);
    const p = providers.get(providerRef);
    if (!p) return false; // the provider set already reported why
    const schema = rc.mode === 'data' ? p.schema.dataSources[rc.type] : p.schema.resources[rc.type];
    if (!schema && !(rc.mode === 'data' && rc.type === 'terraform_remote_state')) {
      this.diags.push(
        error(
          `Unknown ${rc.mode === 'data' ? 'data source' : 'resource'} type "${rc.type}"`,
          `The provider ${p.source} does not support ${rc.mode === 'data' ? 'data source' : 'resource'} type "${rc.type}".${suggest(rc.type, Object.keys(rc.mode === 'data' ? p.schema.dataSources : p.schema.resources))}`,
          where,
        ),
      );
      return false;
    }

    // count/for_each may call provider functions (themselves or through locals): run those first
    if (scope.providerFunctions && expansionCallsFunctions(rc, this.inp.config)) await scope.providerFunctions.warm(() => expandResource(rc, scope.moduleRoot(rc.module)));
    const expansion = evaluating(this.diags, where, () => expandResource(rc, scope.moduleRoot(rc.module)));
    if (!expansion) return false;
    scope.setExpansion(rc.address, expansion.expansion);

    let ok = true;
    const keys = new Set<InstanceKey>();
    const todo: { addr: InstanceAddr; inst: ExpandedInstance }[] = [];
    for (const inst of expansion.instances) {
      keys.add(inst.key);
      const addr: InstanceAddr = rc.module ? { mode: rc.mode, type: rc.type, name: rc.name, key: inst.key, module: rc.module } : { mode: rc.mode, type: rc.type, name: rc.name, key: inst.key };
      this.declaredInstances.add(formatInstance(addr));
      if (!this.instanceTargeted(addr)) {
        // an instance another target left out keeps its recorded object; one not yet created is unknown, as in Terraform
        const prior = this.refreshed.get(formatInstance(addr));
        scope.setInstance(rc.address, inst.key, prior ? markPaths(prior.attributes, prior.sensitivePaths) : new Unknown());
        continue;
      }
      todo.push({ addr, inst });
    }
    // instances of one resource cannot refer to each other, so their provider calls overlap
    // (up to --parallelism); a provider that answers over the wire is otherwise waited on serially
    const firstDiag = this.diags.length;
    const addresses = todo.map((t) => formatInstance(t.addr));
    for (const a of addresses) this.nodeOf.set(a, rc.address);
    await Promise.all(
      todo.map(({ addr, inst }) =>
        this.slots.run(async () => {
          if (this.opts.signal?.aborted) return;
          const done = rc.mode === 'data' ? await this.planDataInstance(rc, addr, inst, schema, providerRef) : await this.planManagedInstance(rc, addr, inst, schema!, providerRef);
          if (!done) ok = false;
        }),
      ),
    );
    if (this.opts.signal?.aborted) throw this.opts.signal.reason ?? new Error('aborted');
    this.orderDiagnostics(firstDiag, addresses);
    // recorded instances the expansion no longer has
    for (const prior of this.priorByResource.get(rc.address) ?? []) {
      if (keys.has(prior.key) || prior.mode !== 'managed') continue;
      this.nodeOf.set(prior.address, rc.address);
      if (!this.instanceTargeted(parseInstance(prior.address))) continue;
      if (rc.lifecycle.preventDestroy) this.preventDestroyError(prior.address, rc);
      this.changes.set(prior.address, { ...deleteChange(prior), reason: orphanReason(rc, prior.key) });
    }
    return ok;
  }

  /**
   * Diagnostics from instances planned side by side, back in instance order (stable within one
   * instance). Only these instances' diagnostics move, within the places they took, since other
   * resources planned meanwhile may have pushed theirs in between.
   */
  private orderDiagnostics(from: number, addresses: string[]): void {
    const rank = new Map(addresses.map((a, i) => [a, i]));
    const places: number[] = [];
    for (let i = from; i < this.diags.length; i++) if (rank.has(this.diags[i].where?.address ?? '')) places.push(i);
    if (places.length < 2) return;
    const at = (d: Diagnostic) => rank.get(d.where?.address ?? '')!;
    const sorted = places
      .map((p) => this.diags[p])
      .map((d, i) => ({ d, i }))
      .sort((a, b) => at(a.d) - at(b.d) || a.i - b.i);
    places.forEach((p, i) => {
      this.diags[p] = sorted[i].d;
    });
  }

  /**
   * Diagnostics of the graph walk in the order a serial walk would give: by the topological place
   * of the node they belong to, stable within a node. One without a known node stays after the
   * one pushed before it.
   */
  private orderByNode(from: number, order: readonly string[]): void {
    const rank = new Map(order.map((id, i) => [id, i]));
    const tail = this.diags.slice(from);
    if (tail.length < 2) return;
    let last = -1;
    const keyed = tail.map((d, i) => {
      const a = d.where?.address ?? '';
      const r = rank.get(this.nodeOf.get(a) ?? a);
      if (r !== undefined) last = r;
      return { d, i, r: r ?? last };
    });
    keyed.sort((a, b) => a.r - b.r || a.i - b.i);
    this.diags.splice(from, tail.length, ...keyed.map((k) => k.d));
  }

  /** Runs the provider-defined function calls the resource body makes, so that evaluateConfig finds their results. */
  private async warmProviderFunctions(rc: ResourceConfig, inst: ExpandedInstance): Promise<void> {
    const pf = this.inp.scope.providerFunctions;
    if (!pf) return;
    const scope = this.inp.scope.scope({ module: rc.module, countIndex: inst.countIndex, eachKey: inst.eachKey, eachValue: inst.eachValue });
    await pf.warm(() => evaluate(rc.body, scope));
  }

  private evaluateConfig(rc: ResourceConfig, inst: ExpandedInstance, address: string): { config: ValueObject; sensitive: Path[] } | null {
    const where = { stack: this.stack, address, range: rc.range };
    try {
      const scope = this.inp.scope.scope({ module: rc.module, countIndex: inst.countIndex, eachKey: inst.eachKey, eachValue: inst.eachValue });
      const failures = checkConditions(rc.lifecycle.preconditions, scope, 'Resource precondition failed');
      if (failures.length) {
        this.diags.push(...locatedAt(where, failures));
        return null;
      }
      const value = evaluate(rc.body, scope);
      const { value: plain, paths } = unmark(value);
      if (!isObject(plain)) throw new Error('internal error: resource body did not evaluate to an object');
      return { config: plain, sensitive: paths };
    } catch (e) {
      this.diags.push(exprDiagnostic(e, where));
      return null;
    }
  }

  private async planManagedInstance(rc: ResourceConfig, addr: InstanceAddr, inst: ExpandedInstance, schema: ResourceSchema, providerRef: string): Promise<boolean> {
    const address = formatInstance(addr);
    const where = { stack: this.stack, address, range: rc.range };
    const p = this.inp.providers.get(providerRef)!;
    await this.warmProviderFunctions(rc, inst);
    const evaluated = this.evaluateConfig(rc, inst, address);
    if (!evaluated) return false;
    let config = normalizeBlocks(schema.block, evaluated.config);

    const vd = p.provider.validateResourceConfig({ typeName: rc.type, config }).diagnostics;
    if (vd.length) this.diags.push(...locatedAt(where, vd));
    if (hasErrors(vd)) return false;
    config = normalizeToSchema(schema.block, config);

    let prior = this.refreshed.get(address) ?? null;
    let importing: { id: string } | undefined;
    if (!prior && this.imports.has(address)) {
      // an import block adopts the existing object: it becomes the prior state of this plan
      const adopted = await this.importTarget(rc, addr, this.imports.get(address)!, schema, providerRef);
      if (!adopted) return false;
      prior = adopted.instance;
      importing = { id: adopted.id };
      this.refreshed.set(address, prior);
    }
    let ignore: Path[] | 'all';
    try {
      ignore = parseIgnoreChanges(rc.lifecycle.ignoreChanges, schema.block);
    } catch (e) {
      this.diags.push(error('Invalid lifecycle.ignore_changes', (e as Error).message, where));
      return false;
    }
    if (prior && (ignore === 'all' || ignore.length)) config = applyIgnoreChanges(config, prior.attributes, ignore, schema.block);

    const planOnce = async (priorAttrs: ValueObject | null) => {
      const resp = await p.provider.planResourceChange({
        typeName: rc.type,
        priorState: priorAttrs,
        proposedNewState: proposedNewState(schema.block, config, priorAttrs),
        config,
        priorPrivate: prior?.private,
      });
      return resp;
    };
    let resp = await planOnce(prior?.attributes ?? null);
    if (hasErrors(resp.diagnostics)) {
      this.diags.push(...locatedAt(where, resp.diagnostics));
      return false;
    }

    let action: ResourceChange['action'];
    let reason: ActionReason | undefined;
    let requiresReplace = resp.requiresReplace;
    if (!prior) action = 'create';
    else {
      if (prior.tainted) reason = 'replace-because-tainted';
      else if (this.opts.replace.some((t) => addrMatches(t, addr))) reason = 'replace-by-request';
      else if (resp.requiresReplace.length) reason = 'replace-because-cannot-update';
      else if (this.replaceTriggered(rc, inst)) reason = 'replace-by-triggers';
      if (reason) {
        action = this.createBeforeDestroy(rc) ? 'create-then-delete' : 'delete-then-create';
        // the replacement is a new object: plan it from nothing so computed values are unknown
        const fresh = await planOnce(null);
        if (hasErrors(fresh.diagnostics)) {
          this.diags.push(...locatedAt(where, fresh.diagnostics));
          return false;
        }
        requiresReplace = resp.requiresReplace;
        resp = fresh;
        if (rc.lifecycle.preventDestroy) this.preventDestroyError(address, rc);
      } else action = valuesEqual(resp.plannedState, prior.attributes) ? 'no-op' : 'update';
    }

    const planned = resp.plannedState!;
    const afterSensitive = followSensitive(action === 'no-op' ? prior!.attributes : planned, mergePaths(evaluated.sensitive, schemaSensitivePaths(schema.block, planned)));
    const deps = this.inp.graph.resourceDeps.get(rc.address) ?? [];
    this.changes.set(address, {
      addr,
      address,
      provider: providerRef,
      action,
      reason,
      before: prior?.attributes ?? null,
      after: action === 'no-op' ? prior!.attributes : planned,
      beforeSensitive: prior?.sensitivePaths ?? [],
      afterSensitive,
      requiresReplace,
      plannedPrivate: resp.plannedPrivate,
      config,
      dependencies: [...new Set([...deps, ...rc.dependsOn])].sort(),
      schemaVersion: schema.version,
      createBeforeDestroy: this.createBeforeDestroy(rc) || undefined,
      importing,
    });
    this.inp.scope.setInstance(rc.address, addr.key, markPaths(action === 'no-op' ? prior!.attributes : planned, afterSensitive));
    return true;
  }

  private async importTarget(rc: ResourceConfig, addr: InstanceAddr, imp: ImportConfig, schema: ResourceSchema, providerRef: string): Promise<{ instance: InstanceState; id: string } | null> {
    const address = formatInstance(addr);
    const where = { stack: this.stack, address, range: imp.range };
    const id = evaluating(this.diags, where, () => unmark(evaluate(imp.id, this.inp.scope.root)).value);
    if (id === undefined) return null;
    if (typeof id !== 'string' || id === '') {
      this.diags.push(error('Invalid import id argument', 'The import ID must be a non-empty string known during planning.', where));
      return null;
    }
    const ref = imp.provider ? formatProviderRef(imp.provider) : providerRef;
    const p = this.inp.providers.get(ref) ?? this.inp.providers.get(providerRef)!;
    const deps = this.inp.graph.resourceDeps.get(rc.address) ?? [];
    const r = await importObject({ stack: this.stack, provider: p, addr, id, schema, dependencies: [...new Set([...deps, ...rc.dependsOn])].sort(), signal: this.opts.signal });
    this.diags.push(...r.diagnostics);
    return r.instance ? { instance: r.instance, id } : null;
  }

  /**
   * create_before_destroy, set or forced: as in Terraform, a resource that a create-before-destroy
   * resource depends on is replaced create-before-destroy too; otherwise the dependent's new
   * object would need the dependency's new object before the old one is gone, and the old
   * dependency could not be destroyed before its dependent's old object: a cycle in apply.
   */
  private createBeforeDestroy(rc: ResourceConfig): boolean {
    if (rc.lifecycle.createBeforeDestroy) return true;
    if (!this.forcedCbd) {
      const { dag, nodes } = this.inp.graph;
      const cbd = [...this.inp.config.resources.values()].filter((r) => r.lifecycle.createBeforeDestroy).map((r) => r.address);
      this.forcedCbd = new Set([...dag.ancestorsOf(cbd)].filter((id) => nodes.get(id)?.kind === 'resource'));
    }
    return this.forcedCbd.has(rc.address);
  }

  /** replace_triggered_by: a referenced instance is being replaced or updated (or the referenced attribute changes). */
  private replaceTriggered(rc: ResourceConfig, inst: ExpandedInstance): boolean {
    for (const e of rc.lifecycle.replaceTriggeredBy) {
      const { ids } = referencedNodes(e, this.inp.config, rc.module);
      for (const id of ids) {
        for (const c of this.changes.values()) {
          const cid = formatResource(c.addr);
          if (cid !== id || c.action === 'no-op' || c.action === 'read' || c.action === 'create') continue;
          // in a counted resource, `x[count.index]` means the matching instance
          if (c.addr.key !== undefined && inst.key !== undefined && (rc.count || rc.forEach) && c.addr.key !== inst.key && sameExpansion(this.inp.config, id, rc)) continue;
          const attr = attributeOf(e);
          if (!attr || c.action !== 'update') return true;
          const before = c.before?.[attr];
          const after = c.after?.[attr];
          if (after instanceof Unknown || !valuesEqual(before ?? null, after ?? null)) return true;
        }
      }
    }
    return false;
  }

  private async planDataInstance(rc: ResourceConfig, addr: InstanceAddr, inst: ExpandedInstance, schema: ResourceSchema | undefined, providerRef: string): Promise<boolean> {
    const address = formatInstance(addr);
    const where = { stack: this.stack, address, range: rc.range };
    await this.warmProviderFunctions(rc, inst);
    const evaluated = this.evaluateConfig(rc, inst, address);
    if (!evaluated) return false;
    let config = evaluated.config;
    const deps = this.inp.graph.resourceDeps.get(rc.address) ?? [];
    // what only a check block's assertions read does not hold back reading its scoped data source now
    const checkDeps = rc.check ? (this.inp.graph.checkDeps?.get(rc.address) ?? []) : [];
    const checkOnly = rc.check ? (this.inp.graph.checkOnlyDeps?.get(rc.address) ?? []) : [];
    const pending = [...deps.filter((d) => !checkOnly.includes(d)), ...rc.dependsOn].some((d) => this.resourceHasChanges(d));
    const record = (action: 'no-op' | 'read', marked: ValueObject, reason?: ActionReason) => {
      // marks inside what was read (another stack's sensitive outputs) become paths: state holds plain values
      const { attributes: after, sensitivePaths } = sensitiveState(marked, evaluated.sensitive);
      const afterSensitive = followSensitive(after, mergePaths(sensitivePaths, schema ? schemaSensitivePaths(schema.block, after) : []));
      this.changes.set(address, {
        addr,
        address,
        provider: providerRef,
        action,
        reason,
        before: null,
        after,
        beforeSensitive: [],
        afterSensitive,
        requiresReplace: [],
        config,
        dependencies: [...new Set([...deps, ...rc.dependsOn])].sort(),
        schemaVersion: schema?.version ?? 0,
      });
      this.inp.scope.setInstance(rc.address, addr.key, markPaths(after, afterSensitive));
    };

    if (rc.type === 'terraform_remote_state') {
      if (containsUnknown(config) || !this.opts.remoteState) {
        record('read', { ...config, outputs: new Unknown('object') }, 'read-because-config-unknown');
        return true;
      }
      try {
        const outputs = await this.opts.remoteState(rc.name, String(config.backend ?? 'local'), isObject(config.config) ? config.config : {});
        if (outputs === null) {
          record('read', { ...config, outputs: new Unknown('object') }, 'read-because-dependency-pending');
          return true;
        }
        record('no-op', { backend: config.backend ?? 'local', config: config.config ?? {}, outputs, workspace: null, defaults: config.defaults ?? null });
        return true;
      } catch (e) {
        this.diags.push(error('Cannot read remote state', (e as Error).message, where));
        return false;
      }
    }

    const p = this.inp.providers.get(providerRef)!;
    config = normalizeBlocks(schema!.block, config);
    const vd = p.provider.validateDataSourceConfig({ typeName: rc.type, config }).diagnostics;
    if (vd.length) this.diags.push(...locatedAt(where, vd));
    if (hasErrors(vd)) return false;
    config = normalizeToSchema(schema!.block, config);

    if (containsUnknown(config) || pending) {
      const after: ValueObject = { ...config };
      for (const [name, attr] of Object.entries(schema!.block.attributes)) if (attr.computed && after[name] === null) after[name] = new Unknown();
      record('read', after, containsUnknown(config) ? 'read-because-config-unknown' : 'read-because-dependency-pending');
      return true;
    }
    const resp = await p.provider.readDataSource({ typeName: rc.type, config, signal: this.opts.signal });
    if (hasErrors(resp.diagnostics) || !resp.state) {
      this.diags.push(...locatedAt(where, resp.diagnostics));
      return false;
    }
    // scoped to a check block whose resources change: read again during apply, so the check sees the new objects (Terraform's read_because_check_nested)
    const again = checkDeps.some((d) => this.resourceHasChanges(d));
    record(again ? 'read' : 'no-op', resp.state, again ? 'read-because-check-nested' : undefined);
    return true;
  }

  private resourceHasChanges(resourceAddress: string): boolean {
    for (const c of this.changes.values()) {
      if (c.addr.mode !== 'managed' || c.action === 'no-op') continue;
      if (formatResource(c.addr) === resourceAddress) return true;
    }
    return false;
  }

  private planOutputs(): OutputChange[] {
    const { config, scope, prior } = this.inp;
    const out: OutputChange[] = [];
    const { dag, nodes } = this.inp.graph;
    for (const o of config.outputs.values()) {
      const id = `output.${o.name}`;
      const where = { stack: this.stack, address: id, range: o.range };
      if (dag.dependencies(id).some((d) => this.failed.has(d))) continue;
      // under --target, as in Terraform, only outputs that read something targeted are planned;
      // one that also reads an object the target left out may not evaluate yet: it keeps its value
      let partial = false;
      if (this.touchable) {
        const read = [...dag.ancestorsOf([id])].filter((d) => nodes.get(d)?.kind === 'resource');
        if (!read.some((d) => this.touchable!.has(d))) continue;
        partial = read.some((d) => !this.touchable!.has(d));
      }
      let value: Value;
      try {
        const failures = checkConditions(o.preconditions, scope.root, 'Output precondition failed');
        if (failures.length) {
          this.diags.push(...failures.map((d) => ({ ...d, where })));
          continue;
        }
        value = evaluate(o.expr, scope.root);
      } catch (e) {
        if (!partial) this.diags.push(exprDiagnostic(e, where));
        continue;
      }
      if (containsSensitive(value) && !o.sensitive) {
        this.diags.push(
          error(
            'Output refers to sensitive values',
            `Output "${o.name}" uses a sensitive value. Set sensitive = true on the output (TerraformOutput { sensitive: true }) to confirm that it may be shown only as (sensitive value).`,
            where,
          ),
        );
        continue;
      }
      const before = prior.version?.outputs[o.name];
      const after = o.sensitive ? (value instanceof Sensitive ? value : new Sensitive(value)) : value;
      const plain = unmark(value).value;
      // a null output is not recorded (as in Terraform): it is absent, or removed when it had a value
      if (plain === null) {
        if (before !== undefined) out.push({ name: o.name, action: 'delete', before: before.value as Value, after: undefined, sensitive: before.sensitive });
        continue;
      }
      const action = before === undefined ? 'create' : valuesEqual(before.value as Value, plain) ? 'no-op' : 'update';
      out.push({ name: o.name, action, before: before?.value as Value | undefined, after, sensitive: o.sensitive || (before?.sensitive ?? false) });
    }
    for (const [name, before] of Object.entries(prior.version?.outputs ?? {})) {
      if (!config.outputs.has(name) && !this.touchable) out.push({ name, action: 'delete', before: before.value as Value, after: undefined, sensitive: before.sensitive });
    }
    return out.sort((a, b) => cmp(a.name, b.name));
  }

  private destroyOutputs(): OutputChange[] {
    return Object.entries(this.inp.prior.version?.outputs ?? {}).map(([name, o]) => ({ name, action: 'delete' as const, before: o.value as Value, after: undefined, sensitive: o.sensitive }));
  }

  private preventDestroyError(address: string, rc: ResourceConfig): void {
    this.diags.push(
      error(
        'Instance cannot be destroyed',
        `Resource ${address} has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed. To avoid this error and continue with the plan, either disable lifecycle.prevent_destroy or change the configuration so the object is not replaced or removed.`,
        { stack: this.stack, address, range: rc.range },
      ),
    );
  }
}

function deleteChange(inst: InstanceState): ResourceChange {
  return {
    addr: parseInstance(inst.address),
    address: inst.address,
    provider: inst.provider,
    action: 'delete',
    before: inst.attributes,
    after: null,
    beforeSensitive: inst.sensitivePaths,
    afterSensitive: [],
    requiresReplace: [],
    config: null,
    dependencies: inst.dependencies,
    schemaVersion: inst.schemaVersion,
  };
}

/** Why a recorded instance the expansion no longer has is destroyed, as Terraform words it. */
function orphanReason(rc: ResourceConfig, key: InstanceKey): ActionReason {
  if (key === undefined) return 'delete-because-wrong-repetition'; // the resource now uses count or for_each
  if (typeof key === 'number') return rc.count ? 'delete-because-count-index' : 'delete-because-wrong-repetition';
  return rc.forEach ? 'delete-because-each-key' : 'delete-because-wrong-repetition';
}

function attributeOf(e: Expr): string | undefined {
  // `aws_x.y.attr` or `aws_x.y[0].attr`: the first attribute step after the resource name
  const refs = referencesOf(e);
  for (const r of refs) {
    const steps = r.root === 'data' ? r.steps.slice(2) : r.steps.slice(1);
    const s = steps.find((x) => x.kind === 'attr');
    if (s && s.kind === 'attr') return s.name;
  }
  return undefined;
}

function sameExpansion(config: StackConfig, id: string, rc: ResourceConfig): boolean {
  const other = config.resources.get(id);
  return !!other && !!other.count === !!rc.count && !!other.forEach === !!rc.forEach;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function suggest(name: string, candidates: string[]): string {
  const best = closest(name, candidates);
  return best ? ` Did you mean "${best}"?` : '';
}

/**
 * Whether two states of one address describe the same real object: the same `id`, or, for an
 * object without one (kubernetes_manifest), the same server-assigned `object.metadata.uid`.
 * A rollback then updates that object in place instead of deposing and deleting it.
 */
function sameRealObject(a: ValueObject, b: ValueObject): boolean {
  if (a.id !== undefined && a.id !== null) return a.id === b.id;
  const uid = (o: ValueObject): Value | undefined => {
    const obj = o.object;
    const meta = isObject(obj) ? obj.metadata : undefined;
    return isObject(meta) ? meta.uid : undefined;
  };
  const u = uid(a);
  return typeof u === 'string' && u === uid(b);
}
