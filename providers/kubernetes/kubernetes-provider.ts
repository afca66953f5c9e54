// The kubernetes provider: hashicorp/kubernetes' names and behaviour over server-side apply.
// Each resource type is a schema plus functions over the ObjectClient core (object-client.ts);
// kubernetes_manifest is the generic one. The typed resources (kubernetes_config_map_v1, ...,
// typed-kinds.ts) convert their attributes to a manifest (typed-convert.ts) and reuse the
// manifest functions for plan/apply/read/import (typed-resource.ts).

import { error, hasErrors, type Diagnostic } from '../../engine/diagnostics.ts';
import { containsUnknown, isObject, type Value, type ValueObject } from '../../engine/lang/value.ts';
import type {
  ApplyResourceChangeRequest,
  ApplyResourceChangeResponse,
  ImportResourceStateRequest,
  ImportResourceStateResponse,
  PlanResourceChangeRequest,
  PlanResourceChangeResponse,
  Provider,
  ProviderContext,
  ProviderSchema,
  ReadDataSourceRequest,
  ReadDataSourceResponse,
  ReadResourceRequest,
  ReadResourceResponse,
  ResourceSchema,
  ValidateRequest,
  DiagnosticsResponse,
  ProviderConfigRequest,
  UpgradeResourceStateRequest,
  UpgradeResourceStateResponse,
} from '../provider.ts';
import { normalizeToSchema } from '../schema-plan.ts';
import { validateAgainstSchema } from '../schema-validate.ts';
import { ApiClient } from './api-client.ts';
import { kubeDiagnostic } from './errors.ts';
import { AppliedButUnhealthy, applyManifest, importManifest, planManifest, readManifest, secretStrings, validateManifestConfig, type PlanRun } from './manifest-resource.ts';
import { manifestSchema } from './manifest-schema.ts';
import { ObjectClient } from './object-client.ts';
import { refOf, type ObjectRef } from './object-ref.ts';
import { OpenApiSchemas } from './openapi-schemas.ts';
import { providerSchema } from './provider-schema.ts';
import { resolveSettings, type KubeSettings } from './settings.ts';
import { dataSources } from './typed-data-sources.ts';
import { typedKinds, type TypedKind } from './typed-kinds.ts';
import { applyTyped, importTyped, planTyped, readTyped, validateTyped, withLive } from './typed-resource.ts';

/**
 * One resource type. `toManifest`/`fromManifest` are the seam for typed resources: the
 * manifest functions do the API work on the object `toManifest` builds.
 */
export interface KubeResourceType {
  readonly schema: ResourceSchema;
  validate(config: ValueObject): Diagnostic[];
}

const resources: Record<string, KubeResourceType> = {
  kubernetes_manifest: { schema: manifestSchema, validate: validateManifestConfig },
  ...Object.fromEntries(Object.values(typedKinds).map((t) => [t.typeName, { schema: t.schema, validate: (c: ValueObject) => validateTyped(t, c) }])),
};

export class KubernetesProvider implements Provider {
  private settings: KubeSettings | undefined;
  private client: ObjectClient | undefined;
  private schemas: OpenApiSchemas | undefined;
  private readonly run: PlanRun = { plannedKinds: new Set(), plannedNamespaces: new Set(), existingNamespaces: new Set(), managed: new Set() };

  constructor(private readonly ctx: ProviderContext) {}

  getSchema(): ProviderSchema {
    return {
      provider: providerSchema,
      resources: Object.fromEntries(Object.entries(resources).map(([k, r]) => [k, r.schema])),
      dataSources: Object.fromEntries(Object.entries(dataSources).map(([k, d]) => [k, d.schema])),
    };
  }

  validateProviderConfig(req: ProviderConfigRequest): DiagnosticsResponse {
    return { diagnostics: validateAgainstSchema(providerSchema, req.config, { typeName: 'provider "kubernetes"' }) };
  }

  validateResourceConfig(req: ValidateRequest): DiagnosticsResponse {
    const r = resources[req.typeName];
    if (!r) return { diagnostics: [unsupported('resource', req.typeName)] };
    const ds = validateAgainstSchema(r.schema.block, req.config, { typeName: req.typeName });
    return { diagnostics: hasErrors(ds) ? ds : [...ds, ...r.validate(req.config)] };
  }

  validateDataSourceConfig(req: ValidateRequest): DiagnosticsResponse {
    const d = dataSources[req.typeName];
    if (!d) return { diagnostics: [unsupported('data source', req.typeName)] };
    return { diagnostics: validateAgainstSchema(d.schema.block, req.config, { typeName: req.typeName }) };
  }

  async configure(req: ProviderConfigRequest): Promise<DiagnosticsResponse> {
    const { settings, diagnostics } = resolveSettings(req.config, this.ctx.env);
    if (!settings) return { diagnostics };
    this.client?.close();
    this.settings = settings;
    try {
      this.client = new ObjectClient(new ApiClient(settings.kubeConfig));
      this.schemas = new OpenApiSchemas(this.client.api);
    } catch (e) {
      return { diagnostics: [...diagnostics, error('Invalid Kubernetes client configuration', e instanceof Error ? e.message : String(e))] };
    }
    return { diagnostics };
  }

  async upgradeResourceState(req: UpgradeResourceStateRequest): Promise<UpgradeResourceStateResponse> {
    const r = resources[req.typeName];
    if (!r) return { upgradedState: null, diagnostics: [unsupported('resource', req.typeName)] };
    // Every kubernetes type is at schema version 0 so far: state is already in the current shape.
    return { upgradedState: normalizeToSchema(r.schema.block, req.rawState), diagnostics: [] };
  }

  async planResourceChange(req: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse> {
    if (!resources[req.typeName]) return { plannedState: null, requiresReplace: [], diagnostics: [unsupported('resource', req.typeName)] };
    if (req.proposedNewState === null) return { plannedState: null, requiresReplace: [], diagnostics: [] };
    const client = this.client;
    if (!client || !this.schemas) return { plannedState: null, requiresReplace: [], diagnostics: [notConfigured()] };
    const t = typedKinds[req.typeName];
    if (t) {
      try {
        const { planned, requiresReplace, diagnostics } = await planTyped(client, this.schemas, this.run, t, req);
        return { plannedState: planned, requiresReplace, diagnostics };
      } catch (e) {
        return { plannedState: null, requiresReplace: [], diagnostics: [this.typedDiagnostic(e, 'planning', t, req.proposedNewState)] };
      }
    }
    const { planned, requiresReplace, diagnostics } = await planManifest(client, this.run, req);
    return { plannedState: planned, requiresReplace, diagnostics };
  }

  async applyResourceChange(req: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse> {
    const client = this.client;
    if (!client) return { newState: req.priorState, diagnostics: [notConfigured()] };
    const subject = req.plannedState ?? req.priorState;
    const action = req.plannedState === null ? 'deleting' : req.priorState === null ? 'creating' : 'updating';
    const t = typedKinds[req.typeName];
    if (t) return this.applyTyped(client, t, req, action);
    try {
      const made = await applyManifest(client, req.priorState, req.plannedState, req.signal);
      if (made && containsUnknown(made)) {
        return {
          newState: req.priorState,
          diagnostics: [error('Provider produced an incomplete kubernetes_manifest', 'Some attributes are still unknown after apply; this is a bug in the provider.')],
        };
      }
      return { newState: made && normalizeToSchema(manifestSchema.block, made), diagnostics: [] };
    } catch (e) {
      // After a failed wait the object exists with the new manifest: record it, so nothing is lost.
      if (e instanceof AppliedButUnhealthy) {
        return { newState: normalizeToSchema(manifestSchema.block, e.state), diagnostics: [this.diagnostic(e.reason, action, subject)] };
      }
      return { newState: req.priorState, diagnostics: [this.diagnostic(e, action, subject)] };
    }
  }

  private async applyTyped(client: ObjectClient, t: TypedKind, req: ApplyResourceChangeRequest, action: string): Promise<ApplyResourceChangeResponse> {
    const subject = req.plannedState ?? req.priorState;
    try {
      const made = await applyTyped(client, this.schemas!, t, req.priorState, req.plannedState, req.signal);
      if (made && containsUnknown(made)) {
        return { newState: req.priorState, diagnostics: [error(`Provider produced an incomplete ${t.typeName}`, 'Some attributes are still unknown after apply; this is a bug in the provider.')] };
      }
      return { newState: made, diagnostics: [] };
    } catch (e) {
      // After a failed wait the object exists with the new configuration: record it, so nothing is lost.
      if (e instanceof AppliedButUnhealthy && req.plannedState) {
        const live = isObject(e.state.object) ? e.state.object : null;
        return { newState: withLive(t, req.plannedState, live), diagnostics: [this.typedDiagnostic(e.reason, action, t, subject)] };
      }
      return { newState: req.priorState, diagnostics: [this.typedDiagnostic(e, action, t, subject)] };
    }
  }

  async readResource(req: ReadResourceRequest): Promise<ReadResourceResponse> {
    const client = this.client;
    if (!client) return { newState: req.currentState, diagnostics: [notConfigured()] };
    const t = typedKinds[req.typeName];
    if (t) {
      try {
        const { state, warnings } = await readTyped(client, this.schemas!, t, req.currentState, req.signal);
        return { newState: state, private: req.private, diagnostics: warnings };
      } catch (e) {
        return { newState: req.currentState, private: req.private, diagnostics: [this.typedDiagnostic(e, 'reading', t, req.currentState)] };
      }
    }
    try {
      const { state, warnings, policy, health } = await readManifest(client, req.currentState, req.signal);
      return { newState: state && normalizeToSchema(manifestSchema.block, state), private: req.private, diagnostics: warnings, driftPolicy: policy, health };
    } catch (e) {
      return { newState: req.currentState, private: req.private, diagnostics: [this.diagnostic(e, 'reading', req.currentState)] };
    }
  }

  async prepareReads(reqs: readonly ReadResourceRequest[], signal?: AbortSignal): Promise<void> {
    const refs: ObjectRef[] = [];
    for (const r of reqs) {
      const t = typedKinds[r.typeName];
      const ref = t ? typedRef(t, r.currentState) : r.typeName === 'kubernetes_manifest' ? refOf(r.currentState.manifest) : undefined;
      if (ref) refs.push(ref);
    }
    this.client?.prefetch(refs, signal);
  }

  async readDataSource(req: ReadDataSourceRequest): Promise<ReadDataSourceResponse> {
    const d = dataSources[req.typeName];
    if (!d) return { state: null, diagnostics: [unsupported('data source', req.typeName)] };
    const client = this.client;
    if (!client) return { state: null, diagnostics: [notConfigured()] };
    try {
      return { state: await d.read(client, req.config, req.signal), diagnostics: [] };
    } catch (e) {
      return { state: null, diagnostics: [kubeDiagnostic(e, `reading data source ${req.typeName} for`, undefined, this.settings?.secrets ?? [])] };
    }
  }

  async importResourceState(req: ImportResourceStateRequest): Promise<ImportResourceStateResponse> {
    const client = this.client;
    if (!client) return { imported: [], diagnostics: [notConfigured()] };
    if (!resources[req.typeName]) return { imported: [], diagnostics: [unsupported('resource', req.typeName)] };
    const t = typedKinds[req.typeName];
    try {
      if (t) return { imported: [{ typeName: req.typeName, state: await importTyped(client, t, req.id) }], diagnostics: [] };
      return { imported: [{ typeName: req.typeName, state: await importManifest(client, req.id) }], diagnostics: [] };
    } catch (e) {
      return { imported: [], diagnostics: [this.diagnostic(e, 'importing', null)] };
    }
  }

  async close(): Promise<void> {
    this.client?.close();
    this.client = undefined;
  }

  private typedDiagnostic(e: unknown, action: string, t: TypedKind, subject: ValueObject | null): Diagnostic {
    return kubeDiagnostic(e, action, typedRef(t, subject), [...(this.settings?.secrets ?? []), ...typedSecrets(t, subject)]);
  }

  private diagnostic(e: unknown, action: string, subject: ValueObject | null): Diagnostic {
    const ref = subject ? refOf(subject.manifest) : undefined;
    return kubeDiagnostic(e, action, ref, [...(this.settings?.secrets ?? []), ...secretStrings(subject?.manifest)]);
  }
}

/** The object a typed resource's state names, for messages. */
function typedRef(t: TypedKind, state: ValueObject | null): ObjectRef | undefined {
  const meta = Array.isArray(state?.metadata) ? state.metadata.find(isObject) : undefined;
  if (!meta || typeof meta.name !== 'string') return undefined;
  return { apiVersion: t.apiVersion, kind: t.kind, name: meta.name, ...(typeof meta.namespace === 'string' && meta.namespace ? { namespace: meta.namespace } : {}) };
}

/** A Secret's values, plain and base64, to keep out of messages. */
function typedSecrets(t: TypedKind, state: ValueObject | null): string[] {
  if (t.kind !== 'Secret' || !state) return [];
  const out: string[] = [];
  for (const k of ['data', 'binary_data']) {
    const d: Value | undefined = state[k];
    if (!isObject(d)) continue;
    for (const v of Object.values(d)) if (typeof v === 'string') out.push(v, Buffer.from(v, 'utf8').toString('base64'), Buffer.from(v, 'base64').toString('utf8'));
  }
  return out;
}

const unsupported = (kind: string, typeName: string): Diagnostic => error(`Invalid ${kind} type`, `The provider "kubernetes" does not support ${kind} type "${typeName}" yet.`);
const notConfigured = () => error('The kubernetes provider is not configured', 'internal error: configure() must succeed before resources are planned or applied.');
