// The typed configuration model, loaded from a stack's Terraform JSON (engine/config/load.ts).
// Expressions are parsed once at load time.

import type { ResourceAddr, ResourceMode } from '../addrs.ts';
import type { SourceRange } from '../diagnostics.ts';
import type { Expr } from '../lang/ast.ts';
import type { Type } from '../lang/types.ts';
import type { Value } from '../lang/value.ts';

export interface ProviderRef {
  /** local name, e.g. "aws" */
  readonly name: string;
  readonly alias?: string;
}

export const formatProviderRef = (p: ProviderRef): string => (p.alias ? `${p.name}.${p.alias}` : p.name);

export interface Lifecycle {
  readonly createBeforeDestroy: boolean;
  readonly preventDestroy: boolean;
  /** attribute paths (as strings like "tags" or "tags.Name"), or "all" */
  readonly ignoreChanges: readonly string[] | 'all';
  readonly replaceTriggeredBy: readonly Expr[];
  readonly preconditions: readonly Condition[];
  readonly postconditions: readonly Condition[];
}

export interface Condition {
  readonly condition: Expr;
  readonly errorMessage: Expr;
  readonly range: SourceRange;
}

export interface ResourceConfig extends ResourceAddr {
  readonly mode: ResourceMode;
  /** `type.name` or `data.type.name` */
  readonly address: string;
  readonly provider: ProviderRef;
  /** the resource's arguments (without meta-arguments) as one object expression */
  readonly body: Expr;
  readonly count?: Expr;
  readonly forEach?: Expr;
  /** where the count and for_each arguments are written, for problems with their values */
  readonly argumentRanges?: { readonly count?: SourceRange; readonly for_each?: SourceRange };
  /** formatted resource addresses from depends_on */
  readonly dependsOn: readonly string[];
  readonly lifecycle: Lifecycle;
  readonly range: SourceRange;
  /** module instance path (`module.a["k"]`) for a resource of a module; absent in the root module */
  readonly module?: string;
  /** a data source scoped to this check block: read while planning, its failures are warnings */
  readonly check?: string;
}

export interface VariableConfig {
  readonly name: string;
  readonly type?: Type;
  readonly default?: unknown;
  readonly hasDefault: boolean;
  readonly description?: string;
  readonly sensitive: boolean;
  readonly nullable: boolean;
  readonly validations: readonly Condition[];
  readonly range: SourceRange;
}

export interface LocalConfig {
  readonly name: string;
  readonly expr: Expr;
  readonly range: SourceRange;
}

export interface OutputConfig {
  readonly name: string;
  readonly expr: Expr;
  readonly sensitive: boolean;
  readonly description?: string;
  readonly dependsOn: readonly string[];
  readonly preconditions: readonly Condition[];
  readonly range: SourceRange;
}

export interface ProviderConfig {
  readonly name: string;
  readonly alias?: string;
  readonly body: Expr;
  readonly range: SourceRange;
}

export interface RequiredProvider {
  readonly source: string;
  readonly version?: string;
}

export interface BackendConfig {
  readonly type: string;
  readonly config: Record<string, unknown>;
}

export interface ImportConfig {
  readonly to: string;
  readonly id: Expr;
  readonly provider?: ProviderRef;
  readonly range: SourceRange;
}

/** `moved { from = ..., to = ... }`: the object recorded at `from` now belongs to `to`. */
export interface MovedConfig {
  readonly from: string;
  readonly to: string;
  readonly range: SourceRange;
}

/** `removed { from = ...; lifecycle { destroy = false } }`: forget the objects without destroying them (destroy: plain removal). */
export interface RemovedConfig {
  readonly from: string;
  readonly destroy: boolean;
  readonly range: SourceRange;
}

/** `check "name" { assert { ... } }`: assertions reported as warnings, never stopping a run. */
export interface CheckConfig {
  readonly name: string;
  readonly asserts: readonly Condition[];
  readonly range: SourceRange;
}

/** A `module "name" { source = ... }` call and the configuration of the module it calls. */
export interface ModuleCallConfig {
  readonly name: string;
  readonly source: string;
  readonly count?: Expr;
  readonly forEach?: Expr;
  /** formatted addresses (resources or `module.x`) from depends_on, in the caller's namespace */
  readonly dependsOn: readonly string[];
  /** provider name inside the module -> the caller's provider configuration */
  readonly providers: ReadonlyMap<string, ProviderRef>;
  /** input variable name -> expression, evaluated in the caller's scope */
  readonly inputs: ReadonlyMap<string, Expr>;
  /** where each input argument is written (diagnostics about a module variable point there, as Terraform's do) */
  readonly inputRanges?: ReadonlyMap<string, SourceRange>;
  readonly module: StackConfig;
  readonly range: SourceRange;
}

/** One instance of a module call, after count/for_each were expanded (see engine/config/expand-modules.ts). */
export interface ModuleInstance {
  /** `module.a["k"].module.b` */
  readonly path: string;
  /** the calling module instance's path ('' for the root) */
  readonly parent: string;
  readonly call: ModuleCallConfig;
  readonly countIndex?: number;
  readonly eachKey?: string;
  readonly eachValue?: Value;
  /** provider name inside the module -> provider configuration key in the root (`aws`, `aws.west`) */
  readonly providers: ReadonlyMap<string, ProviderRef>;
}

export interface StackConfig {
  readonly name: string;
  /** directory the stack's relative paths resolve against (path.module) */
  readonly dir: string;
  readonly file: string;
  readonly resources: ReadonlyMap<string, ResourceConfig>;
  readonly variables: ReadonlyMap<string, VariableConfig>;
  readonly locals: ReadonlyMap<string, LocalConfig>;
  readonly outputs: ReadonlyMap<string, OutputConfig>;
  readonly providers: ReadonlyMap<string, ProviderConfig>;
  readonly requiredProviders: ReadonlyMap<string, RequiredProvider>;
  readonly backend?: BackendConfig;
  readonly imports: readonly ImportConfig[];
  readonly moved?: readonly MovedConfig[];
  readonly checks?: readonly CheckConfig[];
  readonly removed?: readonly RemovedConfig[];
  /** module calls declared in this module */
  readonly moduleCalls?: ReadonlyMap<string, ModuleCallConfig>;
  /** every module instance of the stack, by path (set on the root once modules are expanded) */
  readonly modules?: ReadonlyMap<string, ModuleInstance>;
}
