// The typed configuration model, loaded from a stack's Terraform JSON (engine/config/load.ts).
// Expressions are parsed once at load time.

import type { ResourceAddr, ResourceMode } from '../addrs.ts';
import type { SourceRange } from '../diagnostics.ts';
import type { Expr } from '../lang/ast.ts';
import type { Type } from '../lang/types.ts';

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
  /** formatted resource addresses from depends_on */
  readonly dependsOn: readonly string[];
  readonly lifecycle: Lifecycle;
  readonly range: SourceRange;
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
}
