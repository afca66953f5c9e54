// The provider interface. It follows the request/response shape of the Terraform plugin
// protocol (GetSchema, Validate*, Configure, UpgradeResourceState, PlanResourceChange,
// ApplyResourceChange, ReadResource, ReadDataSource, ImportResourceState): every call takes a
// request and returns a response with diagnostics, as the plugin bridge (providers/plugin/)
// does over gRPC. The engine chooses actions; a provider never sees the graph.
//
// Values crossing this boundary are plain engine values (engine/lang/value.ts) with
// Unknown allowed in config and planned state, and never a Sensitive mark: the engine strips
// marks before the call and restores them (plus the schema's sensitive attributes) after.

import type { Diagnostic } from '../engine/diagnostics.ts';
import type { Type } from '../engine/lang/types.ts';
import type { Path, Value, ValueObject } from '../engine/lang/value.ts';

export interface AttributeSchema {
  readonly type: Type;
  readonly required?: boolean;
  readonly optional?: boolean;
  /** set by the provider; with `optional` too, the user may set it and the provider fills it otherwise */
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  /** a change to this attribute cannot be made in place */
  readonly forceNew?: boolean;
  /** value used when the user leaves an optional attribute unset */
  readonly default?: Value;
  readonly description?: string;
  /**
   * A number attribute the provider reads as an int64 (terraform's Int64Attribute / TypeInt):
   * it takes any whole number that fits, with every digit (number-attribute.ts). Other number
   * attributes are float64: a number no double holds is rounded to the nearest one.
   */
  readonly int64?: boolean;
}

export interface NestedBlockSchema {
  readonly nesting: 'single' | 'list' | 'set';
  readonly block: BlockSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  /** a change anywhere inside the block forces replacement */
  readonly forceNew?: boolean;
}

export interface BlockSchema {
  readonly attributes: { readonly [name: string]: AttributeSchema };
  readonly blocks?: { readonly [name: string]: NestedBlockSchema };
}

export interface ResourceSchema {
  readonly version: number;
  readonly block: BlockSchema;
}

export interface ProviderSchema {
  readonly provider: BlockSchema;
  readonly resources: { readonly [typeName: string]: ResourceSchema };
  readonly dataSources: { readonly [typeName: string]: ResourceSchema };
}

/** Opaque provider-private data kept in state beside an instance (Terraform's "private"). */
export type PrivateData = ValueObject | undefined;

export interface PlanResourceChangeRequest {
  readonly typeName: string;
  /** null when the instance does not exist yet */
  readonly priorState: ValueObject | null;
  /** the engine's proposal: config, with computed attributes the config leaves null copied from prior state; null for delete */
  readonly proposedNewState: ValueObject | null;
  /** the evaluated configuration (null for delete) */
  readonly config: ValueObject | null;
  readonly priorPrivate?: PrivateData;
}

export interface PlanResourceChangeResponse {
  /** the planned object; unknown (Unknown) where the value is known only after apply */
  readonly plannedState: ValueObject | null;
  /** attribute paths whose change cannot be made in place */
  readonly requiresReplace: Path[];
  readonly plannedPrivate?: PrivateData;
  readonly diagnostics: Diagnostic[];
}

export interface ApplyResourceChangeRequest {
  readonly typeName: string;
  readonly priorState: ValueObject | null;
  /** null means delete */
  readonly plannedState: ValueObject | null;
  readonly config: ValueObject | null;
  readonly plannedPrivate?: PrivateData;
  readonly signal?: AbortSignal;
}

export interface ApplyResourceChangeResponse {
  /** fully known new object; null after delete */
  readonly newState: ValueObject | null;
  readonly private?: PrivateData;
  readonly diagnostics: Diagnostic[];
}

export interface ReadResourceRequest {
  readonly typeName: string;
  readonly currentState: ValueObject;
  readonly private?: PrivateData;
  readonly signal?: AbortSignal;
}

export interface ReadResourceResponse {
  /** null when the object no longer exists */
  readonly newState: ValueObject | null;
  readonly private?: PrivateData;
  readonly diagnostics: Diagnostic[];
  /** the drift policy the object itself sets (a Kubernetes label or annotation); it wins over the configuration's */
  readonly driftPolicy?: DriftPolicy;
  /** the object's health, where the provider can tell (kstatus for Kubernetes objects) */
  readonly health?: ObjectHealth;
}

/** What to do when a managed object changed outside Ballast: put it back, only report it, or not look. */
export type DriftPolicy = 'revert' | 'alert' | 'ignore';

/** kstatus' three results, with the object's own reason. */
export interface ObjectHealth {
  readonly status: 'Current' | 'InProgress' | 'Failed';
  readonly message: string;
}

export interface ReadDataSourceRequest {
  readonly typeName: string;
  readonly config: ValueObject;
  readonly signal?: AbortSignal;
}

export interface ReadDataSourceResponse {
  readonly state: ValueObject | null;
  readonly diagnostics: Diagnostic[];
}

export interface ImportResourceStateRequest {
  readonly typeName: string;
  readonly id: string;
}

export interface ImportResourceStateResponse {
  readonly imported: { typeName: string; state: ValueObject; private?: PrivateData }[];
  readonly diagnostics: Diagnostic[];
}

export interface ValidateRequest {
  readonly typeName: string;
  /** may contain Unknown */
  readonly config: ValueObject;
}

/** A provider-defined function's signature, from the provider's schema (GetFunctions). */
export interface FunctionSignature {
  readonly parameters: readonly { readonly name: string; readonly type: Type; readonly allowNull?: boolean; readonly allowUnknown?: boolean }[];
  readonly variadic?: { readonly name: string; readonly type: Type; readonly allowNull?: boolean; readonly allowUnknown?: boolean };
  readonly returns: Type;
}

export interface ProviderConfigRequest {
  /** may contain Unknown when validating; fully known when configuring */
  readonly config: ValueObject;
}

export interface DiagnosticsResponse {
  readonly diagnostics: Diagnostic[];
}

export interface UpgradeResourceStateRequest {
  readonly typeName: string;
  /** the schema version the state was written under */
  readonly version: number;
  /** the stored attributes, as written then (may not fit the current schema) */
  readonly rawState: ValueObject;
}

export interface UpgradeResourceStateResponse {
  /** the state in the current schema's shape; null only with error diagnostics */
  readonly upgradedState: ValueObject | null;
  readonly diagnostics: Diagnostic[];
}

export interface Provider {
  /**
   * Starts what backs the provider (a plugin process) and loads its schema; the engine calls it
   * once, before getSchema. Built-in providers need none.
   */
  start?(): Promise<Diagnostic[]>;
  /** which implementation serves the provider, for the plan: "built-in" when absent */
  readonly implementation?: string;
  getSchema(): ProviderSchema;
  validateProviderConfig(req: ProviderConfigRequest): DiagnosticsResponse;
  validateResourceConfig(req: ValidateRequest): DiagnosticsResponse;
  validateDataSourceConfig(req: ValidateRequest): DiagnosticsResponse;
  configure(req: ProviderConfigRequest): Promise<DiagnosticsResponse>;
  /** brings state written under an older schema version (or an older shape) to the current schema */
  upgradeResourceState(req: UpgradeResourceStateRequest): Promise<UpgradeResourceStateResponse>;
  planResourceChange(req: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse>;
  applyResourceChange(req: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse>;
  readResource(req: ReadResourceRequest): Promise<ReadResourceResponse>;
  /**
   * True when applying changes to this resource type touches nothing outside Ballast's state
   * (terraform_data, random, null): no real-world object can be lost, so its journal entries need
   * only be durable before the next real-world change and the end of the apply, not before the
   * call returns. Absent means every call has real effects (plugins, AWS, Kubernetes, local files).
   */
  stateOnly?(typeName: string): boolean;
  /**
   * The reads a refresh is about to make, each of which follows as a readResource call, so a
   * provider can fetch them in bulk (one list per Kubernetes kind and namespace instead of one
   * request per object). Optional; readResource gives the same answers without it.
   */
  prepareReads?(reqs: readonly ReadResourceRequest[], signal?: AbortSignal): Promise<void>;
  readDataSource(req: ReadDataSourceRequest): Promise<ReadDataSourceResponse>;
  importResourceState(req: ImportResourceStateRequest): Promise<ImportResourceStateResponse>;
  /** releases clients, timers, connections */
  /** Provider-defined functions (`provider::NAME::FN(...)` in expressions), by function name; none when absent. */
  functionSignatures?(): ReadonlyMap<string, FunctionSignature>;
  /** Calls a provider-defined function with arguments already converted to its parameter types. */
  callFunction?(name: string, args: Value[]): Promise<{ value: Value } | { error: string; argument?: number }>;
  close?(): Promise<void>;
}

/** Everything a provider factory gets from the engine. */
export interface ProviderContext {
  /** directory of the stack being planned (for `path.module` relative files) */
  readonly workingDir: string;
  readonly env: NodeJS.ProcessEnv;
}

export type ProviderFactory = (ctx: ProviderContext) => Provider;
