// A Provider assembled from one small handler per resource type and data source. It does
// the protocol work every in-process provider shares: schema validation, the generic plan,
// turning thrown errors into diagnostics, and checking that applied objects are fully known.
// The null, random, local and builtin providers extend it; a handler only says how its
// objects are created, read, updated, deleted and imported.

import type {
  ApplyResourceChangeRequest, ApplyResourceChangeResponse, BlockSchema, ImportResourceStateRequest,
  ImportResourceStateResponse, PlanResourceChangeRequest, PlanResourceChangeResponse, Provider, ProviderSchema,
  ReadDataSourceRequest, ReadDataSourceResponse, ReadResourceRequest, ReadResourceResponse, ResourceSchema, ValidateRequest,
} from './provider.ts';
import { DiagnosticsError, error, type Diagnostic } from '../engine/diagnostics.ts';
import { containsUnknown, type ValueObject } from '../engine/lang/value.ts';
import { normalizeToSchema, planFromSchema, type SchemaPlan } from './schema-plan.ts';
import { validateAgainstSchema } from './schema-validate.ts';

type MaybePromise<T> = T | Promise<T>;

export interface ManagedResource {
  readonly schema: ResourceSchema;
  /** checks beyond the schema (conflicting arguments, ranges); config may hold Unknown */
  validate?(config: ValueObject): Diagnostic[];
  /** adjusts the generic schema plan; `base` already has defaults, unknowns and force-new paths */
  plan?(req: PlanResourceChangeRequest, base: SchemaPlan): SchemaPlan;
  /** makes the object; returns it fully known */
  create(planned: ValueObject, config: ValueObject | null, signal?: AbortSignal): MaybePromise<ValueObject>;
  /** changes in place; by default the planned object is the new object */
  update?(prior: ValueObject, planned: ValueObject, signal?: AbortSignal): MaybePromise<ValueObject>;
  /** the object as it is now, or null when it is gone; by default the state is unchanged */
  read?(state: ValueObject, signal?: AbortSignal): MaybePromise<ValueObject | null>;
  delete?(state: ValueObject, signal?: AbortSignal): MaybePromise<void>;
  /** the state for an import id; throw a DiagnosticsError for a bad id */
  importState?(id: string): MaybePromise<ValueObject>;
}

export interface DataSource {
  readonly schema: ResourceSchema;
  validate?(config: ValueObject): Diagnostic[];
  read(config: ValueObject, signal?: AbortSignal): MaybePromise<ValueObject>;
}

export interface SchemaProviderParts {
  /** provider name for messages, e.g. "random" */
  readonly name: string;
  readonly providerSchema?: BlockSchema;
  readonly resources: { readonly [typeName: string]: ManagedResource };
  readonly dataSources?: { readonly [typeName: string]: DataSource };
}

export class SchemaProvider implements Provider {
  constructor(private readonly parts: SchemaProviderParts) {}

  getSchema(): ProviderSchema {
    const map = <T extends { schema: ResourceSchema }>(xs: { readonly [k: string]: T }) =>
      Object.fromEntries(Object.entries(xs).map(([k, v]) => [k, v.schema]));
    return {
      provider: this.parts.providerSchema ?? { attributes: {} },
      resources: map(this.parts.resources),
      dataSources: map(this.parts.dataSources ?? {}),
    };
  }

  validateProviderConfig(config: ValueObject): Diagnostic[] {
    return validateAgainstSchema(this.parts.providerSchema ?? { attributes: {} }, config, { typeName: `provider "${this.parts.name}"` });
  }

  validateResourceConfig(req: ValidateRequest): Diagnostic[] {
    const r = this.parts.resources[req.typeName];
    if (!r) return [this.unsupported('resource', req.typeName)];
    const ds = validateAgainstSchema(r.schema.block, req.config, { typeName: req.typeName });
    return ds.length ? ds : (r.validate?.(req.config) ?? []);
  }

  validateDataSourceConfig(req: ValidateRequest): Diagnostic[] {
    const d = this.parts.dataSources?.[req.typeName];
    if (!d) return [this.unsupported('data source', req.typeName)];
    const ds = validateAgainstSchema(d.schema.block, req.config, { typeName: req.typeName });
    return ds.length ? ds : (d.validate?.(req.config) ?? []);
  }

  async configure(config: ValueObject): Promise<Diagnostic[]> {
    return this.validateProviderConfig(config);
  }

  async planResourceChange(req: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse> {
    const r = this.parts.resources[req.typeName];
    if (!r) return { plannedState: null, requiresReplace: [], diagnostics: [this.unsupported('resource', req.typeName)] };
    try {
      const base = planFromSchema(r.schema, req);
      const planned = req.proposedNewState === null || !r.plan ? base : r.plan(req, base);
      return { ...planned, diagnostics: [] };
    } catch (e) {
      return { plannedState: null, requiresReplace: [], diagnostics: failure(e, `Planning ${req.typeName} failed`) };
    }
  }

  async applyResourceChange(req: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse> {
    const r = this.parts.resources[req.typeName];
    if (!r) return { newState: null, diagnostics: [this.unsupported('resource', req.typeName)] };
    const { priorState, plannedState } = req;
    try {
      if (plannedState === null) {
        if (priorState !== null) await r.delete?.(priorState, req.signal);
        return { newState: null, diagnostics: [] };
      }
      const made = priorState === null
        ? await r.create(plannedState, req.config, req.signal)
        : r.update ? await r.update(priorState, plannedState, req.signal) : plannedState;
      const newState = normalizeToSchema(r.schema.block, made);
      if (containsUnknown(newState)) {
        return { newState: null, diagnostics: [error(`Provider produced an incomplete ${req.typeName}`, 'Some attributes are still unknown after apply; this is a bug in the provider.')] };
      }
      return { newState, diagnostics: [] };
    } catch (e) {
      const verb = plannedState === null ? 'Deleting' : priorState === null ? 'Creating' : 'Updating';
      return { newState: priorState, diagnostics: failure(e, `${verb} ${req.typeName} failed`) };
    }
  }

  async readResource(req: ReadResourceRequest): Promise<ReadResourceResponse> {
    const r = this.parts.resources[req.typeName];
    if (!r) return { newState: req.currentState, diagnostics: [this.unsupported('resource', req.typeName)] };
    try {
      const now = r.read ? await r.read(req.currentState, req.signal) : req.currentState;
      return { newState: now === null ? null : normalizeToSchema(r.schema.block, now), private: req.private, diagnostics: [] };
    } catch (e) {
      return { newState: req.currentState, diagnostics: failure(e, `Reading ${req.typeName} failed`) };
    }
  }

  async readDataSource(req: ReadDataSourceRequest): Promise<ReadDataSourceResponse> {
    const d = this.parts.dataSources?.[req.typeName];
    if (!d) return { state: null, diagnostics: [this.unsupported('data source', req.typeName)] };
    try {
      const state = normalizeToSchema(d.schema.block, await d.read(req.config, req.signal));
      return { state, diagnostics: [] };
    } catch (e) {
      return { state: null, diagnostics: failure(e, `Reading data source ${req.typeName} failed`) };
    }
  }

  async importResourceState(req: ImportResourceStateRequest): Promise<ImportResourceStateResponse> {
    const r = this.parts.resources[req.typeName];
    if (!r) return { imported: [], diagnostics: [this.unsupported('resource', req.typeName)] };
    if (!r.importState) {
      return { imported: [], diagnostics: [error(`Resource import not supported`, `${req.typeName} does not support import.`)] };
    }
    try {
      const state = normalizeToSchema(r.schema.block, await r.importState(req.id));
      return { imported: [{ typeName: req.typeName, state }], diagnostics: [] };
    } catch (e) {
      return { imported: [], diagnostics: failure(e, `Importing ${req.typeName} failed`) };
    }
  }

  private unsupported(kind: string, typeName: string): Diagnostic {
    return error(`Invalid ${kind} type`, `The provider "${this.parts.name}" does not support ${kind} type "${typeName}".`);
  }
}

/** Thrown diagnostics pass through; any other error becomes one diagnostic with its message. */
function failure(e: unknown, summary: string): Diagnostic[] {
  if (e instanceof DiagnosticsError) return e.diagnostics;
  return [error(summary, e instanceof Error ? e.message : String(e))];
}

/** Throws a single error diagnostic naming the attribute; for handler code. */
export function fail(summary: string, detail?: string, attribute?: string): never {
  throw new DiagnosticsError([error(summary, detail, attribute ? { attribute } : undefined)]);
}
