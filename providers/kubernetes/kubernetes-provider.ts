// The kubernetes provider: hashicorp/kubernetes' names and behaviour over server-side apply.
// Each resource type is a schema plus functions over the ObjectClient core (object-client.ts);
// kubernetes_manifest is the generic one. A typed resource (kubernetes_config_map_v1, ...)
// joins by adding a TypedResource to `resources` below: a schema and a conversion between its
// attributes and a manifest, with plan/apply/read/import reusing the manifest functions.

import { error, hasErrors, type Diagnostic } from '../../engine/diagnostics.ts';
import { containsUnknown, type ValueObject } from '../../engine/lang/value.ts';
import type {
  ApplyResourceChangeRequest, ApplyResourceChangeResponse, ImportResourceStateRequest, ImportResourceStateResponse,
  PlanResourceChangeRequest, PlanResourceChangeResponse, Provider, ProviderContext, ProviderSchema,
  ReadDataSourceRequest, ReadDataSourceResponse, ReadResourceRequest, ReadResourceResponse, ResourceSchema, ValidateRequest,
  DiagnosticsResponse, ProviderConfigRequest, UpgradeResourceStateRequest, UpgradeResourceStateResponse,
} from '../provider.ts';
import { normalizeToSchema } from '../schema-plan.ts';
import { validateAgainstSchema } from '../schema-validate.ts';
import { ApiClient } from './api-client.ts';
import { kubeDiagnostic } from './errors.ts';
import { AppliedButUnhealthy, applyManifest, importManifest, planManifest, readManifest, secretStrings, validateManifestConfig, type PlanRun } from './manifest-resource.ts';
import { manifestSchema } from './manifest-schema.ts';
import { ObjectClient } from './object-client.ts';
import { refOf } from './object-ref.ts';
import { providerSchema } from './provider-schema.ts';
import { resolveSettings, type KubeSettings } from './settings.ts';

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
};

export class KubernetesProvider implements Provider {
  private settings: KubeSettings | undefined;
  private client: ObjectClient | undefined;
  private readonly run: PlanRun = { plannedKinds: new Set(), plannedNamespaces: new Set(), existingNamespaces: new Set() };

  constructor(private readonly ctx: ProviderContext) {}

  getSchema(): ProviderSchema {
    return {
      provider: providerSchema,
      resources: Object.fromEntries(Object.entries(resources).map(([k, r]) => [k, r.schema])),
      dataSources: {},
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
    return { diagnostics: [unsupported('data source', req.typeName)] };
  }

  async configure(req: ProviderConfigRequest): Promise<DiagnosticsResponse> {
    const { settings, diagnostics } = resolveSettings(req.config, this.ctx.env);
    if (!settings) return { diagnostics };
    this.client?.close();
    this.settings = settings;
    try {
      this.client = new ObjectClient(new ApiClient(settings.kubeConfig));
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
    if (!client) return { plannedState: null, requiresReplace: [], diagnostics: [notConfigured()] };
    const { planned, requiresReplace, diagnostics } = await planManifest(client, this.run, req);
    return { plannedState: planned, requiresReplace, diagnostics };
  }

  async applyResourceChange(req: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse> {
    const client = this.client;
    if (!client) return { newState: req.priorState, diagnostics: [notConfigured()] };
    const subject = req.plannedState ?? req.priorState;
    const action = req.plannedState === null ? 'deleting' : req.priorState === null ? 'creating' : 'updating';
    try {
      const made = await applyManifest(client, req.priorState, req.plannedState, req.signal);
      if (made && containsUnknown(made)) {
        return { newState: req.priorState, diagnostics: [error('Provider produced an incomplete kubernetes_manifest', 'Some attributes are still unknown after apply; this is a bug in the provider.')] };
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

  async readResource(req: ReadResourceRequest): Promise<ReadResourceResponse> {
    const client = this.client;
    if (!client) return { newState: req.currentState, diagnostics: [notConfigured()] };
    try {
      const { state, warnings } = await readManifest(client, req.currentState, req.signal);
      return { newState: state && normalizeToSchema(manifestSchema.block, state), private: req.private, diagnostics: warnings };
    } catch (e) {
      return { newState: req.currentState, private: req.private, diagnostics: [this.diagnostic(e, 'reading', req.currentState)] };
    }
  }

  async readDataSource(req: ReadDataSourceRequest): Promise<ReadDataSourceResponse> {
    return { state: null, diagnostics: [unsupported('data source', req.typeName)] };
  }

  async importResourceState(req: ImportResourceStateRequest): Promise<ImportResourceStateResponse> {
    const client = this.client;
    if (!client) return { imported: [], diagnostics: [notConfigured()] };
    if (!resources[req.typeName]) return { imported: [], diagnostics: [unsupported('resource', req.typeName)] };
    try {
      return { imported: [{ typeName: req.typeName, state: await importManifest(client, req.id) }], diagnostics: [] };
    } catch (e) {
      return { imported: [], diagnostics: [this.diagnostic(e, 'importing', null)] };
    }
  }

  async close(): Promise<void> {
    this.client?.close();
    this.client = undefined;
  }

  private diagnostic(e: unknown, action: string, subject: ValueObject | null): Diagnostic {
    const ref = subject ? refOf(subject.manifest) : undefined;
    return kubeDiagnostic(e, action, ref, [...(this.settings?.secrets ?? []), ...secretStrings(subject?.manifest)]);
  }
}

const unsupported = (kind: string, typeName: string): Diagnostic =>
  error(`Invalid ${kind} type`, `The provider "kubernetes" does not support ${kind} type "${typeName}" yet.`);
const notConfigured = () => error('The kubernetes provider is not configured', 'internal error: configure() must succeed before resources are planned or applied.');
