// The AWS provider: Terraform AWS provider semantics over the AWS SDK v3. The protocol work
// (validation, schema-based planning, tags_all, normalization, error -> diagnostic) is here;
// each resource type lives in resources/, each data source in data/.

import { error, hasErrors, type Diagnostic } from '../../engine/diagnostics.ts';
import { isObject, isSet, isUnknown, markSet, type Value, type ValueObject } from '../../engine/lang/value.ts';
import type {
  ApplyResourceChangeRequest, ApplyResourceChangeResponse, ImportResourceStateRequest, ImportResourceStateResponse,
  PlanResourceChangeRequest, PlanResourceChangeResponse, Provider, ProviderContext, ProviderSchema,
  ReadDataSourceRequest, ReadDataSourceResponse, ReadResourceRequest, ReadResourceResponse, ValidateRequest,
} from '../provider.ts';
import { applyDefaults, normalizeToSchema, planFromSchema } from '../schema-plan.ts';
import { validateAgainstSchema } from '../schema-validate.ts';
import { AwsClients } from './clients.ts';
import { dnsSuffixOf, partitionOf, resolveAwsSettings, type AwsSettings } from './config.ts';
import { awsDataSources } from './data/index.ts';
import { awsErrorDiagnostic, AwsUserError, scrub } from './errors.ts';
import { awsResources } from './resources/index.ts';
import type { AwsContext, AwsDataSource, AwsResource, PlanContext } from './resource-type.ts';
import { providerSchema } from './provider-schema.ts';
import { plannedTagsAll } from './tags.ts';
import { reconcileZeroValues } from './reconcile.ts';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';

export class AwsProvider implements Provider {
  private settings: AwsSettings | undefined;
  private clients: AwsClients | undefined;
  private account: Promise<string> | undefined;
  private readonly resources = new Map<string, AwsResource>(awsResources.map((r) => [r.typeName, r]));
  private readonly dataSources = new Map<string, AwsDataSource>(awsDataSources.map((d) => [d.typeName, d]));

  constructor(private readonly ctx: ProviderContext) {}

  getSchema(): ProviderSchema {
    return {
      provider: providerSchema,
      resources: Object.fromEntries([...this.resources].map(([k, r]) => [k, r.schema])),
      dataSources: Object.fromEntries([...this.dataSources].map(([k, d]) => [k, d.schema])),
    };
  }

  validateProviderConfig(config: ValueObject): Diagnostic[] {
    return validateAgainstSchema(providerSchema, config, { typeName: 'provider "aws"' });
  }

  validateResourceConfig(req: ValidateRequest): Diagnostic[] {
    const r = this.resource(req.typeName);
    const ds = validateAgainstSchema(r.schema.block, req.config, { typeName: req.typeName });
    return hasErrors(ds) || !r.validate ? ds : [...ds, ...r.validate(req.config)];
  }

  validateDataSourceConfig(req: ValidateRequest): Diagnostic[] {
    const d = this.dataSource(req.typeName);
    const ds = validateAgainstSchema(d.schema.block, req.config, { typeName: `data.${req.typeName}` });
    return hasErrors(ds) || !d.validate ? ds : [...ds, ...d.validate(req.config)];
  }

  async configure(config: ValueObject): Promise<Diagnostic[]> {
    const { settings, diagnostics } = resolveAwsSettings(config, this.ctx.env);
    if (!settings) return diagnostics;
    this.clients?.close();
    this.settings = settings;
    this.clients = new AwsClients(settings);
    this.account = undefined;
    if (settings.skipCredentialsValidation) return diagnostics;
    // One quick identity call; a wrong key, a missing key or an unreachable endpoint is one clear error before any change.
    const sts = this.clients.stsWith(2);
    try {
      const id = await sts.send(new GetCallerIdentityCommand({}));
      this.account = Promise.resolve(id.Account ?? '');
    } catch (e) {
      const reason = scrub(e instanceof Error ? `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}` : String(e), settings.secrets);
      diagnostics.push(error(
        `AWS credentials are missing or invalid: ${reason}`,
        `Checked with STS GetCallerIdentity${settings.endpoints.sts ? ` at ${settings.endpoints.sts}` : ''} in ${settings.region}. Set access_key/secret_key, a profile, or the AWS_* environment variables (or skip_credentials_validation = true).`,
      ));
    } finally {
      sts.destroy();
    }
    return diagnostics;
  }

  async planResourceChange(req: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse> {
    const r = this.resource(req.typeName);
    if (req.proposedNewState === null) return { plannedState: null, requiresReplace: [], diagnostics: [] };
    const { plannedState, requiresReplace } = planFromSchema(r.schema, req);
    const planned = { ...plannedState! };
    const config = req.config ?? req.proposedNewState;
    const pctx = this.planContext();
    if ('tags_all' in r.schema.block.attributes) planned.tags_all = plannedTagsAll(pctx.defaultTags, config.tags);
    const adj = { planned, requiresReplace, prior: req.priorState, config };
    try {
      r.plan?.(adj, pctx);
    } catch (e) {
      return { plannedState: null, requiresReplace: [], diagnostics: [this.diagnosticFor(e, 'planning', r, req.priorState ?? config)] };
    }
    return { plannedState: adj.planned, requiresReplace: adj.requiresReplace, diagnostics: [] };
  }

  async applyResourceChange(req: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse> {
    const r = this.resource(req.typeName);
    const ctx = this.awsContext(req.signal);
    if (!ctx) return { newState: req.priorState, diagnostics: [notConfigured()] };
    const subject = req.plannedState ?? req.priorState ?? {};
    let action = 'creating';
    try {
      if (req.plannedState === null) {
        action = 'deleting';
        if (req.priorState) await r.delete(ctx, req.priorState);
        return { newState: null, diagnostics: [] };
      }
      if (req.priorState === null) {
        const created = await r.create(ctx, req.plannedState);
        return { newState: this.settle(r, created, req.plannedState), diagnostics: [] };
      }
      action = 'updating';
      if (!r.update) throw new Error(`internal error: ${r.typeName} has no in-place update`);
      const updated = await r.update(ctx, req.priorState, req.plannedState);
      return { newState: this.settle(r, updated, req.plannedState), diagnostics: [] };
    } catch (e) {
      return { newState: req.priorState, diagnostics: [this.diagnosticFor(e, action, r, subject)] };
    }
  }

  async readResource(req: ReadResourceRequest): Promise<ReadResourceResponse> {
    const r = this.resource(req.typeName);
    const ctx = this.awsContext(req.signal);
    if (!ctx) return { newState: req.currentState, diagnostics: [notConfigured()] };
    try {
      const state = await r.read(ctx, req.currentState);
      return { newState: state && this.settle(r, state, req.currentState), private: req.private, diagnostics: [] };
    } catch (e) {
      return { newState: req.currentState, private: req.private, diagnostics: [this.diagnosticFor(e, 'reading', r, req.currentState)] };
    }
  }

  async readDataSource(req: ReadDataSourceRequest): Promise<ReadDataSourceResponse> {
    const d = this.dataSource(req.typeName);
    const ctx = this.awsContext(req.signal);
    if (!ctx) return { state: null, diagnostics: [notConfigured()] };
    try {
      const state = await d.read(ctx, req.config);
      return { state: normalizeToSchema(d.schema.block, state), diagnostics: [] };
    } catch (e) {
      if (e instanceof AwsUserError) return { state: null, diagnostics: [error(e.summary, e.detail, e.attribute ? { attribute: e.attribute } : undefined)] };
      return { state: null, diagnostics: [awsErrorDiagnostic(e, { action: 'reading', typeName: `data.${d.typeName}` }, this.settings?.secrets ?? [])] };
    }
  }

  async importResourceState(req: ImportResourceStateRequest): Promise<ImportResourceStateResponse> {
    const r = this.resource(req.typeName);
    const ctx = this.awsContext();
    if (!ctx) return { imported: [], diagnostics: [notConfigured()] };
    const minimal = r.importState(req.id);
    if ('severity' in minimal) return { imported: [], diagnostics: [minimal as Diagnostic] };
    try {
      const state = await r.read(ctx, normalizeToSchema(r.schema.block, minimal as ValueObject));
      if (!state) {
        return { imported: [], diagnostics: [error(`Cannot import non-existent remote object`, `${req.typeName} with import id "${req.id}" does not exist in ${ctx.region}.`)] };
      }
      return { imported: [{ typeName: req.typeName, state: normalizeToSchema(r.schema.block, applyDefaults(r.schema.block, state)) }], diagnostics: [] };
    } catch (e) {
      return { imported: [], diagnostics: [this.diagnosticFor(e, 'importing', r, minimal as ValueObject)] };
    }
  }

  async close(): Promise<void> {
    this.clients?.close();
    this.clients = undefined;
  }

  /** A read result as state: every schema attribute present, zero values kept null where they were null. */
  private settle(r: AwsResource, state: ValueObject, prior: ValueObject): ValueObject {
    const known = unknownsToNull(state) as ValueObject;
    return reconcileZeroValues(r.schema.block, normalizeToSchema(r.schema.block, known), normalizeToSchema(r.schema.block, prior));
  }

  private resource(typeName: string): AwsResource {
    const r = this.resources.get(typeName);
    if (!r) throw new Error(`internal error: the aws provider has no resource type ${typeName}`);
    return r;
  }

  private dataSource(typeName: string): AwsDataSource {
    const d = this.dataSources.get(typeName);
    if (!d) throw new Error(`internal error: the aws provider has no data source ${typeName}`);
    return d;
  }

  private planContext(): PlanContext {
    return { defaultTags: this.settings?.defaultTags ?? {}, workingDir: this.ctx.workingDir, region: this.settings?.region ?? '' };
  }

  private awsContext(signal?: AbortSignal): AwsContext | undefined {
    const settings = this.settings;
    const clients = this.clients;
    if (!settings || !clients) return undefined;
    return {
      clients,
      region: settings.region,
      partition: partitionOf(settings.region),
      dnsSuffix: dnsSuffixOf(settings.region),
      defaultTags: settings.defaultTags,
      workingDir: this.ctx.workingDir,
      signal,
      accountId: () => {
        this.account ??= clients.sts.send(new GetCallerIdentityCommand({})).then((r) => r.Account ?? '');
        return this.account;
      },
    };
  }

  private diagnosticFor(e: unknown, action: string, r: AwsResource, subject: ValueObject): Diagnostic {
    const secrets = [...(this.settings?.secrets ?? []), ...sensitiveValues(r, subject)];
    if (e instanceof AwsUserError) return error(scrub(e.summary, secrets), e.detail && scrub(e.detail, secrets), e.attribute ? { attribute: e.attribute } : undefined);
    let id: string | undefined;
    try {
      id = r.describe(unknownsToNull(subject) as ValueObject) || undefined;
    } catch {
      id = undefined;
    }
    return awsErrorDiagnostic(e, { action, typeName: r.typeName, id }, secrets);
  }
}

/** Whatever apply left unknown (a computed attribute this provider does not fill) is null in state. */
function unknownsToNull(v: Value): Value {
  if (isUnknown(v)) return null;
  if (Array.isArray(v)) {
    const out = v.map(unknownsToNull);
    return isSet(v) ? markSet(out) : out;
  }
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unknownsToNull(x)]));
  return v;
}

/** Values of the resource's sensitive attributes, to scrub from any message. */
function sensitiveValues(r: AwsResource, state: ValueObject): string[] {
  return Object.entries(r.schema.block.attributes)
    .filter(([, a]) => a.sensitive)
    .map(([n]) => state[n])
    .filter((v): v is string => typeof v === 'string' && v.length >= 4 && !isUnknown(v));
}

const notConfigured = () => error('The aws provider is not configured', 'internal error: configure() must succeed before resources are planned or applied.');
