// The one framework for in-process providers: a Provider assembled from one small handler per
// resource type and data source. It does the protocol work every in-process provider shares:
// schema validation, the generic schema-based plan, state upgrades, one convention for turning
// a handler's thrown error into diagnostics, and checking that applied objects are fully known.
// The null, random, local, builtin and aws providers are built on it; a handler only says how
// its objects are created, read, updated, deleted and imported.
//
// Handlers get a context as their last argument: the abort signal for the simple providers,
// the configured clients for AWS (SchemaProviderParts.context).

import type {
  ApplyResourceChangeRequest,
  ApplyResourceChangeResponse,
  BlockSchema,
  DiagnosticsResponse,
  ImportResourceStateRequest,
  ImportResourceStateResponse,
  PlanResourceChangeRequest,
  PlanResourceChangeResponse,
  Provider,
  ProviderConfigRequest,
  ProviderSchema,
  ReadDataSourceRequest,
  ReadDataSourceResponse,
  ReadResourceRequest,
  ReadResourceResponse,
  ResourceSchema,
  UpgradeResourceStateRequest,
  UpgradeResourceStateResponse,
  ValidateRequest,
} from './provider.ts';
import { DiagnosticsError, error, hasErrors, type Diagnostic } from '../engine/diagnostics.ts';
import { containsUnknown, type ValueObject } from '../engine/lang/value.ts';
import { normalizeToSchema, planFromSchema, type SchemaPlan } from './schema-plan.ts';
import { validateAgainstSchema } from './schema-validate.ts';
import { numberDiagnostics, providerNumbers } from './number-attribute.ts';

type MaybePromise<T> = T | Promise<T>;

/** What a handler's call was doing, for error messages. */
export type HandlerAction = 'planning' | 'creating' | 'updating' | 'deleting' | 'reading' | 'importing';

export interface ManagedResource<C = AbortSignal | undefined, P = undefined> {
  readonly schema: ResourceSchema;
  /** checks beyond the schema (conflicting arguments, ranges); config may hold Unknown */
  validate?(config: ValueObject): Diagnostic[];
  /** adjusts the generic schema plan; `base` already has defaults, unknowns and force-new paths */
  plan?(req: PlanResourceChangeRequest, base: SchemaPlan, planContext: P): SchemaPlan;
  /** makes the object; returns it fully known */
  create(planned: ValueObject, config: ValueObject | null, ctx: C): MaybePromise<ValueObject>;
  /** changes in place; by default the planned object is the new object */
  update?(prior: ValueObject, planned: ValueObject, ctx: C): MaybePromise<ValueObject>;
  /** the object as it is now, or null when it is gone; by default the state is unchanged */
  read?(state: ValueObject, ctx: C): MaybePromise<ValueObject | null>;
  delete?(state: ValueObject, ctx: C): MaybePromise<void>;
  /** the state for an import id; throw a DiagnosticsError for a bad id or a missing object */
  importState?(id: string, ctx: C): MaybePromise<ValueObject>;
  /** state written under schema version `from` (< schema.version) in the current shape */
  upgradeState?(state: ValueObject, from: number): ValueObject;
}

export interface DataSource<C = AbortSignal | undefined> {
  readonly schema: ResourceSchema;
  validate?(config: ValueObject): Diagnostic[];
  read(config: ValueObject, ctx: C): MaybePromise<ValueObject>;
}

export interface SchemaProviderParts<C = AbortSignal | undefined, P = undefined> {
  /** provider name for messages, e.g. "random" */
  readonly name: string;
  readonly providerSchema?: BlockSchema;
  readonly resources: { readonly [typeName: string]: ManagedResource<C, P> };
  readonly dataSources?: { readonly [typeName: string]: DataSource<C> };
  /** every resource lives only in state: applying it changes nothing outside Ballast (Provider.stateOnly) */
  readonly stateOnly?: boolean;
  /** provider configuration (credentials, clients); the engine has checked it against the schema before */
  configure?(config: ValueObject): Promise<Diagnostic[]>;
  /** the handlers' context for one call; undefined when the provider is not configured */
  context?(signal: AbortSignal | undefined): C | undefined;
  /** what plan hooks see (works before configure, e.g. default tags) */
  planContext?(): P;
  /** a handler's thrown error as diagnostics; by default a DiagnosticsError passes through, any other error becomes its message */
  diagnose?(e: unknown, call: { action: HandlerAction; typeName: string; subject: ValueObject | null }): Diagnostic[];
  /**
   * Finishes a handler's object as state (after create, update and read); `reference` is the
   * planned or prior object. By default the object is only normalized to the schema.
   */
  settle?(schema: ResourceSchema, made: ValueObject, reference: ValueObject): ValueObject;
  close?(): Promise<void>;
}

export class SchemaProvider<C = AbortSignal | undefined, P = undefined> implements Provider {
  constructor(private readonly parts: SchemaProviderParts<C, P>) {}

  getSchema(): ProviderSchema {
    const map = <T extends { schema: ResourceSchema }>(xs: { readonly [k: string]: T }) => Object.fromEntries(Object.entries(xs).map(([k, v]) => [k, v.schema]));
    return {
      provider: this.parts.providerSchema ?? { attributes: {} },
      resources: map(this.parts.resources),
      dataSources: map(this.parts.dataSources ?? {}),
    };
  }

  stateOnly(typeName: string): boolean {
    return this.parts.stateOnly === true && Object.hasOwn(this.parts.resources, typeName);
  }

  validateProviderConfig(req: ProviderConfigRequest): DiagnosticsResponse {
    return { diagnostics: validateAgainstSchema(this.parts.providerSchema ?? { attributes: {} }, req.config, { typeName: `provider "${this.parts.name}"` }) };
  }

  validateResourceConfig(req: ValidateRequest): DiagnosticsResponse {
    const r = this.parts.resources[req.typeName];
    if (!r) return { diagnostics: [this.unsupported('resource', req.typeName)] };
    return { diagnostics: schemaThenCustom(r.schema, req.config, req.typeName, r.validate) };
  }

  validateDataSourceConfig(req: ValidateRequest): DiagnosticsResponse {
    const d = this.parts.dataSources?.[req.typeName];
    if (!d) return { diagnostics: [this.unsupported('data source', req.typeName)] };
    return { diagnostics: schemaThenCustom(d.schema, req.config, `data.${req.typeName}`, d.validate) };
  }

  async configure(req: ProviderConfigRequest): Promise<DiagnosticsResponse> {
    // The engine has validated the configuration already (ValidateProviderConfig, then Configure).
    return { diagnostics: this.parts.configure ? await this.parts.configure(providerNumbers(this.parts.providerSchema ?? { attributes: {} }, req.config)) : [] };
  }

  async upgradeResourceState(req: UpgradeResourceStateRequest): Promise<UpgradeResourceStateResponse> {
    const r = this.parts.resources[req.typeName];
    if (!r) return { upgradedState: null, diagnostics: [this.unsupported('resource', req.typeName)] };
    const current = r.schema.version;
    if (req.version > current) {
      return {
        upgradedState: null,
        diagnostics: [
          error(
            `Resource instance managed by newer provider version`,
            `The state of this ${req.typeName} was written under schema version ${req.version}, but the ${this.parts.name} provider in use knows only up to version ${current}. Use the provider version that wrote it.`,
          ),
        ],
      };
    }
    try {
      const state = req.version < current && r.upgradeState ? r.upgradeState(req.rawState, req.version) : req.rawState;
      return { upgradedState: normalizeToSchema(r.schema.block, state), diagnostics: [] };
    } catch (e) {
      return { upgradedState: null, diagnostics: this.diagnose(e, 'reading', req.typeName, req.rawState) };
    }
  }

  async planResourceChange(req: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse> {
    const r = this.parts.resources[req.typeName];
    if (!r) return { plannedState: null, requiresReplace: [], diagnostics: [this.unsupported('resource', req.typeName)] };
    if (req.proposedNewState === null) return { plannedState: null, requiresReplace: [], diagnostics: [] };
    try {
      const numbers = (v: ValueObject | null) => (v === null ? v : providerNumbers(r.schema.block, v));
      const asProvider = { ...req, config: numbers(req.config) as ValueObject, proposedNewState: numbers(req.proposedNewState) };
      const base = planFromSchema(r.schema, asProvider);
      const planned = r.plan ? r.plan(asProvider, base, this.parts.planContext?.() as P) : base;
      return { ...planned, diagnostics: [] };
    } catch (e) {
      return { plannedState: null, requiresReplace: [], diagnostics: this.diagnose(e, 'planning', req.typeName, req.priorState ?? req.config) };
    }
  }

  async applyResourceChange(req: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse> {
    const r = this.parts.resources[req.typeName];
    if (!r) return { newState: null, diagnostics: [this.unsupported('resource', req.typeName)] };
    const ctx = this.context(req.signal);
    if (!ctx.ok) return { newState: req.priorState, diagnostics: [ctx.diagnostic] };
    const { priorState } = req;
    const plannedState = req.plannedState === null ? null : providerNumbers(r.schema.block, req.plannedState);
    const action: HandlerAction = plannedState === null ? 'deleting' : priorState === null ? 'creating' : 'updating';
    try {
      if (plannedState === null) {
        if (priorState !== null) await r.delete?.(priorState, ctx.value);
        return { newState: null, diagnostics: [] };
      }
      const made =
        priorState === null
          ? await r.create(plannedState, req.config === null ? null : providerNumbers(r.schema.block, req.config), ctx.value)
          : r.update
            ? await r.update(priorState, plannedState, ctx.value)
            : plannedState;
      const newState = this.settle(r.schema, made, plannedState);
      if (containsUnknown(newState)) {
        return { newState: null, diagnostics: [error(`Provider produced an incomplete ${req.typeName}`, 'Some attributes are still unknown after apply; this is a bug in the provider.')] };
      }
      return { newState, diagnostics: [] };
    } catch (e) {
      return { newState: priorState, diagnostics: this.diagnose(e, action, req.typeName, plannedState ?? priorState) };
    }
  }

  async readResource(req: ReadResourceRequest): Promise<ReadResourceResponse> {
    const r = this.parts.resources[req.typeName];
    if (!r) return { newState: req.currentState, diagnostics: [this.unsupported('resource', req.typeName)] };
    const ctx = this.context(req.signal);
    if (!ctx.ok) return { newState: req.currentState, private: req.private, diagnostics: [ctx.diagnostic] };
    try {
      const now = r.read ? await r.read(req.currentState, ctx.value) : req.currentState;
      return { newState: now === null ? null : this.settle(r.schema, now, req.currentState), private: req.private, diagnostics: [] };
    } catch (e) {
      return { newState: req.currentState, private: req.private, diagnostics: this.diagnose(e, 'reading', req.typeName, req.currentState) };
    }
  }

  async readDataSource(req: ReadDataSourceRequest): Promise<ReadDataSourceResponse> {
    const d = this.parts.dataSources?.[req.typeName];
    if (!d) return { state: null, diagnostics: [this.unsupported('data source', req.typeName)] };
    const ctx = this.context(req.signal);
    if (!ctx.ok) return { state: null, diagnostics: [ctx.diagnostic] };
    try {
      const state = normalizeToSchema(d.schema.block, await d.read(providerNumbers(d.schema.block, req.config), ctx.value));
      return { state, diagnostics: [] };
    } catch (e) {
      return { state: null, diagnostics: this.diagnose(e, 'reading', `data.${req.typeName}`, null) };
    }
  }

  async importResourceState(req: ImportResourceStateRequest): Promise<ImportResourceStateResponse> {
    const r = this.parts.resources[req.typeName];
    if (!r) return { imported: [], diagnostics: [this.unsupported('resource', req.typeName)] };
    if (!r.importState) {
      return { imported: [], diagnostics: [error(`Resource import not supported`, `${req.typeName} does not support import.`)] };
    }
    const ctx = this.context(undefined);
    if (!ctx.ok) return { imported: [], diagnostics: [ctx.diagnostic] };
    try {
      const state = normalizeToSchema(r.schema.block, await r.importState(req.id, ctx.value));
      return { imported: [{ typeName: req.typeName, state }], diagnostics: [] };
    } catch (e) {
      return { imported: [], diagnostics: this.diagnose(e, 'importing', req.typeName, null) };
    }
  }

  async close(): Promise<void> {
    await this.parts.close?.();
  }

  private context(signal: AbortSignal | undefined): { ok: true; value: C } | { ok: false; diagnostic: Diagnostic } {
    if (!this.parts.context) return { ok: true, value: signal as C };
    const value = this.parts.context(signal);
    if (value === undefined) {
      return { ok: false, diagnostic: error(`The ${this.parts.name} provider is not configured`, 'internal error: configure() must succeed before resources are planned or applied.') };
    }
    return { ok: true, value };
  }

  private settle(schema: ResourceSchema, made: ValueObject, reference: ValueObject): ValueObject {
    return this.parts.settle ? this.parts.settle(schema, made, reference) : normalizeToSchema(schema.block, made);
  }

  private diagnose(e: unknown, action: HandlerAction, typeName: string, subject: ValueObject | null): Diagnostic[] {
    if (this.parts.diagnose) return this.parts.diagnose(e, { action, typeName, subject });
    return failure(e, `${action[0].toUpperCase()}${action.slice(1)} ${typeName} failed`);
  }

  private unsupported(kind: string, typeName: string): Diagnostic {
    return error(`Invalid ${kind} type`, `The provider "${this.parts.name}" does not support ${kind} type "${typeName}".`);
  }
}

/** Schema errors stop there; otherwise the handler's own checks run too (schema warnings kept). */
function schemaThenCustom(schema: ResourceSchema, config: ValueObject, typeName: string, custom?: (c: ValueObject) => Diagnostic[]): Diagnostic[] {
  const ds = validateAgainstSchema(schema.block, config, { typeName });
  if (hasErrors(ds)) return ds;
  const numbers = numberDiagnostics(schema.block, config, typeName);
  if (hasErrors(numbers) || !custom) return [...ds, ...numbers];
  return [...ds, ...custom(providerNumbers(schema.block, config))];
}

/** Thrown diagnostics pass through; any other error becomes one diagnostic with its message. */
export function failure(e: unknown, summary: string): Diagnostic[] {
  if (e instanceof DiagnosticsError) return e.diagnostics;
  return [error(summary, e instanceof Error ? e.message : String(e))];
}

/** Throws a single error diagnostic naming the attribute; for handler code. */
export function fail(summary: string, detail?: string, attribute?: string): never {
  throw new DiagnosticsError([error(summary, detail, attribute ? { attribute } : undefined)]);
}
