// What one AWS resource type implements; the provider does the protocol around it
// (schema validation, schema-based planning, tags_all, error handling, normalization).

import type { Diagnostic } from '../../engine/diagnostics.ts';
import type { Path, ValueObject } from '../../engine/lang/value.ts';
import type { ResourceSchema } from '../provider.ts';
import type { AwsClients } from './clients.ts';
import type { Tags } from './tags.ts';

export interface AwsContext {
  readonly clients: AwsClients;
  readonly region: string;
  readonly partition: string;
  readonly dnsSuffix: string;
  readonly defaultTags: Tags;
  /** directory relative file paths (aws_s3_object.source) are resolved against */
  readonly workingDir: string;
  /** the caller's account id (from STS, cached) */
  accountId(): Promise<string>;
  readonly signal?: AbortSignal;
}

export interface PlanContext {
  readonly defaultTags: Tags;
  readonly workingDir: string;
  readonly region: string;
}

export interface PlanAdjustment {
  planned: ValueObject;
  requiresReplace: Path[];
  /** config being null means the resource is being created or replaced */
  readonly prior: ValueObject | null;
  readonly config: ValueObject;
}

export interface AwsResource {
  readonly typeName: string;
  readonly schema: ResourceSchema;
  /** the object's identity for messages (bucket name, queue URL, ...) */
  describe(state: ValueObject): string;
  /** checks beyond the schema (conflicting arguments, formats) */
  validate?(config: ValueObject): Diagnostic[];
  /** adjusts the schema-based plan in place: provider-computed values, semantic JSON, extra replacements */
  plan?(p: PlanAdjustment, ctx: PlanContext): void;
  create(ctx: AwsContext, planned: ValueObject): Promise<ValueObject>;
  /** the real object as state, null when it no longer exists */
  read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null>;
  update?(ctx: AwsContext, prior: ValueObject, planned: ValueObject): Promise<ValueObject>;
  delete(ctx: AwsContext, state: ValueObject): Promise<void>;
  /** the minimal state `read` needs for an import id (Terraform's import id format) */
  importState(id: string): ValueObject | Diagnostic;
}

export interface AwsDataSource {
  readonly typeName: string;
  readonly schema: ResourceSchema;
  validate?(config: ValueObject): Diagnostic[];
  read(ctx: AwsContext, config: ValueObject): Promise<ValueObject>;
}
