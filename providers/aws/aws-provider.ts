// The AWS provider: Terraform AWS provider semantics over the AWS SDK v3, built on the shared
// provider framework (providers/schema-provider.ts), which does validation, schema-based
// planning, import and error conventions. Here: configuration (credentials checked once with
// STS), the handlers' context, tags_all, settling read results into state, and AWS error
// messages with secrets scrubbed. Each resource type lives in resources/, each data source in data/.

import { DiagnosticsError, error, type Diagnostic } from '../../engine/diagnostics.ts';
import { isObject, isSet, isUnknown, markSet, type Value, type ValueObject } from '../../engine/lang/value.ts';
import type { ProviderContext, ResourceSchema } from '../provider.ts';
import { applyDefaults, normalizeToSchema } from '../schema-plan.ts';
import { type DataSource, type HandlerAction, type ManagedResource, SchemaProvider } from '../schema-provider.ts';
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

export class AwsProvider extends SchemaProvider<AwsContext, PlanContext> {
  constructor(ctx: ProviderContext) {
    const conn = new AwsConnection(ctx);
    const byType = new Map<string, AwsResource>(awsResources.map((r) => [r.typeName, r]));
    super({
      name: 'aws',
      providerSchema,
      resources: Object.fromEntries(awsResources.map((r) => [r.typeName, managed(r)])),
      dataSources: Object.fromEntries(awsDataSources.map((d) => [d.typeName, dataSource(d)])),
      configure: (config) => conn.configure(config),
      context: (signal) => conn.context(signal),
      planContext: () => conn.planContext(),
      settle,
      diagnose: (e, call) => conn.diagnose(e, call, byType.get(call.typeName)),
      close: async () => conn.close(),
    });
  }
}

/** The configured SDK clients and settings one provider instance works with. */
class AwsConnection {
  private settings: AwsSettings | undefined;
  private clients: AwsClients | undefined;
  private account: Promise<string> | undefined;

  constructor(private readonly ctx: ProviderContext) {}

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
      diagnostics.push(
        error(
          `AWS credentials are missing or invalid: ${reason}`,
          `Checked with STS GetCallerIdentity${settings.endpoints.sts ? ` at ${settings.endpoints.sts}` : ''} in ${settings.region}. Set access_key/secret_key, a profile, or the AWS_* environment variables (or skip_credentials_validation = true).`,
        ),
      );
    } finally {
      sts.destroy();
    }
    return diagnostics;
  }

  planContext(): PlanContext {
    return { defaultTags: this.settings?.defaultTags ?? {}, workingDir: this.ctx.workingDir, region: this.settings?.region ?? '' };
  }

  context(signal?: AbortSignal): AwsContext | undefined {
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

  /** One convention for handler errors: the user's own mistakes as they are, AWS errors named by action and object, secrets scrubbed. */
  diagnose(e: unknown, call: { action: HandlerAction; typeName: string; subject: ValueObject | null }, r: AwsResource | undefined): Diagnostic[] {
    if (e instanceof DiagnosticsError) return e.diagnostics;
    const secrets = [...(this.settings?.secrets ?? []), ...(r && call.subject ? sensitiveValues(r, call.subject) : [])];
    if (e instanceof AwsUserError) return [error(scrub(e.summary, secrets), e.detail && scrub(e.detail, secrets), e.attribute ? { attribute: e.attribute } : undefined)];
    let id: string | undefined;
    try {
      id = r && call.subject ? r.describe(unknownsToNull(call.subject) as ValueObject) || undefined : undefined;
    } catch {
      id = undefined;
    }
    return [awsErrorDiagnostic(e, { action: call.action, typeName: call.typeName, id }, secrets)];
  }

  close(): void {
    this.clients?.close();
    this.clients = undefined;
  }
}

/** An AWS resource type as a framework handler: tags_all planned, import as minimal state then read. */
function managed(r: AwsResource): ManagedResource<AwsContext, PlanContext> {
  return {
    schema: r.schema,
    validate: r.validate && ((config) => r.validate!(config)),
    plan(req, base, pctx) {
      const planned = { ...base.plannedState! };
      const config = req.config ?? req.proposedNewState!;
      if ('tags_all' in r.schema.block.attributes) planned.tags_all = plannedTagsAll(pctx.defaultTags, config.tags);
      const adj = { planned, requiresReplace: base.requiresReplace, prior: req.priorState, config };
      r.plan?.(adj, pctx);
      return { plannedState: adj.planned, requiresReplace: adj.requiresReplace };
    },
    create: (planned, _config, ctx) => r.create(ctx, planned),
    update(prior, planned, ctx) {
      if (!r.update) throw new Error(`internal error: ${r.typeName} has no in-place update`);
      return r.update(ctx, prior, planned);
    },
    read: (state, ctx) => r.read(ctx, state),
    delete: (state, ctx) => r.delete(ctx, state),
    async importState(id, ctx) {
      const minimal = r.importState(id);
      if ('severity' in minimal) throw new DiagnosticsError([minimal as Diagnostic]);
      const state = await r.read(ctx, normalizeToSchema(r.schema.block, minimal as ValueObject));
      if (!state) throw new DiagnosticsError([error(`Cannot import non-existent remote object`, `${r.typeName} with import id "${id}" does not exist in ${ctx.region}.`)]);
      return applyDefaults(r.schema.block, state);
    },
  };
}

function dataSource(d: AwsDataSource): DataSource<AwsContext> {
  return { schema: d.schema, validate: d.validate && ((config) => d.validate!(config)), read: (config, ctx) => d.read(ctx, config) };
}

/** A read or apply result as state: every schema attribute present, zero values kept null where they were null. */
function settle(schema: ResourceSchema, made: ValueObject, reference: ValueObject): ValueObject {
  const known = unknownsToNull(made) as ValueObject;
  return reconcileZeroValues(schema.block, normalizeToSchema(schema.block, known), normalizeToSchema(schema.block, reference));
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
