// The Provider interface over a real provider binary (tfplugin5 or tfplugin6). One instance is
// one provider process for one provider configuration: started by start(), shared by every
// resource instance of a run, stopped by close().

import { basename } from 'node:path';
import { type Diagnostic, error, type Where } from '../../engine/diagnostics.ts';
import { isObject, type Path, type Value, type ValueObject } from '../../engine/lang/value.ts';
import type {
  ApplyResourceChangeRequest,
  ApplyResourceChangeResponse,
  BlockSchema,
  ImportResourceStateRequest,
  ImportResourceStateResponse,
  PlanResourceChangeRequest,
  PlanResourceChangeResponse,
  PrivateData,
  Provider,
  ProviderSchema,
  ReadDataSourceRequest,
  ReadDataSourceResponse,
  ReadResourceRequest,
  ReadResourceResponse,
  ValidateRequest,
  FunctionSignature,
  DiagnosticsResponse,
  ProviderConfigRequest,
  UpgradeResourceStateRequest,
  UpgradeResourceStateResponse,
} from '../provider.ts';
import { ctyTypeJson, typeFromBytes } from './cty-type.ts';
import { decodeValue, encodeJsonValue, encodeValue, type ValueEncoder, ValueTypeError, valueEncoder, type WireShape } from './msgpack-value.ts';
import { jsonToValue } from '../../engine/lang/json-value.ts';
import { parseJson } from '../../engine/lang/json-numbers.ts';
import { type BridgedProviderSchema, type BridgedSchema, bridgeProviderSchema } from './protocol-schema.ts';
import { PluginError, PluginProcess, type StartOptions } from './plugin-process.ts';
import { type SchemaCache, sharedSchemaCache } from './schema-cache.ts';
import { type CallStatus, unaryCall } from './unary-rpc.ts';

let calls = 0;
/** How many provider calls this process has made (the plugin bench divides its CPU by it). */
export function providerCallCount(): number {
  return calls;
}

/** What a plan says about the implementation serving a provider. */
export interface PluginDescription {
  readonly binary: string;
  readonly version?: string;
  readonly protocol: 5 | 6;
}

export interface PluginProviderOptions extends Omit<StartOptions, 'binary'> {
  readonly binary?: string;
  /** sha256 of the binary, the schema cache key */
  readonly digest?: string;
  readonly version?: string;
  /** finds (and checks) the binary when start() runs; errors come back as diagnostics */
  readonly install?: () => Promise<{ binary: string; digest: string; version?: string } | Diagnostic[]>;
  /** a call that takes longer is stopped (StopProvider) and fails; default: no limit */
  readonly callTimeoutMs?: number;
  readonly schemaCache?: SchemaCache;
}

interface WireDiagnostic {
  severity?: string;
  summary?: string;
  detail?: string;
  attribute?: { steps?: { attribute_name?: string; element_key_string?: string; element_key_int?: number }[] } | null;
}
interface DynamicValue {
  msgpack?: Buffer;
  json?: Buffer;
}

const METHODS = {
  5: { schema: 'GetSchema', validateProvider: 'PrepareProviderConfig', validateResource: 'ValidateResourceTypeConfig', validateData: 'ValidateDataSourceConfig', configure: 'Configure', stop: 'Stop' },
  6: {
    schema: 'GetProviderSchema',
    validateProvider: 'ValidateProviderConfig',
    validateResource: 'ValidateResourceConfig',
    validateData: 'ValidateDataResourceConfig',
    configure: 'ConfigureProvider',
    stop: 'StopProvider',
  },
} as const;

const CLIENT_CAPABILITIES = { deferral_allowed: false, write_only_attributes_allowed: true };
/** reported to providers as terraform_version; providers use it for feature checks */
const TERRAFORM_VERSION = '1.11.0';

export type { FunctionSignature } from '../provider.ts';

export class PluginProvider implements Provider {
  private proc?: PluginProcess;
  private bridged?: BridgedProviderSchema;
  private functions = new Map<string, FunctionSignature>();
  private stopping?: Promise<void>;
  private binary?: string;
  private digest?: string;
  private version?: string;

  constructor(readonly opts: PluginProviderOptions) {
    this.binary = opts.binary;
    this.digest = opts.digest;
    this.version = opts.version;
  }

  get process(): PluginProcess {
    if (!this.proc) throw new Error(`internal error: provider ${this.opts.name} used before start()`);
    return this.proc;
  }

  get implementation(): string {
    const v = this.version ? ` ${this.version}` : '';
    return `plugin ${this.binary ? basename(this.binary) : this.opts.name}${v}, protocol ${this.proc?.protocol ?? '?'}`;
  }

  get description(): PluginDescription {
    return { binary: this.binary ?? '', version: this.version, protocol: this.process.protocol };
  }

  /** Installs (when asked to), starts the process and loads the schema (cached per binary digest). */
  async start(): Promise<Diagnostic[]> {
    if (this.opts.install) {
      const r = await this.opts.install();
      if (Array.isArray(r)) return r;
      this.binary = r.binary;
      this.digest = r.digest;
      this.version = r.version;
    }
    if (!this.binary || !this.digest) throw new Error(`internal error: provider ${this.opts.name} has no binary`);
    this.proc = new PluginProcess({ ...this.opts, binary: this.binary });
    try {
      await this.process.start();
    } catch (e) {
      if (e instanceof PluginError) return [error(`Provider ${this.opts.name} could not be started`, e.message)];
      throw e;
    }
    const cache = this.opts.schemaCache ?? sharedSchemaCache();
    const digest = this.digest;
    let wire = cache.get(digest);
    if (!wire) {
      const resp = await this.rpc<{ diagnostics?: WireDiagnostic[]; functions?: Record<string, unknown> } & Record<string, unknown>>(METHODS[this.process.protocol].schema, {});
      const diags = this.diagnostics(resp.diagnostics);
      if (diags.some((d) => d.severity === 'error')) return diags;
      wire = resp;
      cache.put(digest, resp);
    }
    try {
      this.bridged = bridgeProviderSchema(wire as Parameters<typeof bridgeProviderSchema>[0]);
      this.functions = parseFunctions((wire as { functions?: Record<string, WireFunction> }).functions ?? {});
    } catch (e) {
      return [error(`Provider ${this.opts.name} sent a schema Ballast cannot read`, (e as Error).message)];
    }
    return [];
  }

  private get schemas(): BridgedProviderSchema {
    if (!this.bridged) throw new Error(`internal error: provider ${this.opts.name} used before start()`);
    return this.bridged;
  }

  getSchema(): ProviderSchema {
    return this.schemas.providerSchema;
  }

  functionSignatures(): ReadonlyMap<string, FunctionSignature> {
    return this.functions;
  }

  private resource(typeName: string): BridgedSchema {
    const s = this.schemas.resources.get(typeName);
    if (!s) throw new PluginError(`Provider ${this.opts.name} has no resource type "${typeName}"`);
    return s;
  }

  private dataSource(typeName: string): BridgedSchema {
    const s = this.schemas.dataSources.get(typeName);
    if (!s) throw new PluginError(`Provider ${this.opts.name} has no data source "${typeName}"`);
    return s;
  }

  // ---- calls ---------------------------------------------------------------------------------

  /** One unary call; a dead process, a timeout or an interrupt become a PluginError naming the provider. */
  private rpc<T>(method: string, req: object, signal?: AbortSignal): Promise<T> {
    calls++;
    const proc = this.proc;
    const client = proc?.client;
    const m = proc?.methods.get(method);
    if (!proc || !client || !proc.alive) {
      return Promise.reject(new PluginError(`Provider ${this.opts.name} is not running (${proc?.exitReason ?? 'not started'}); ${method} cannot be called.`, proc?.stderrTail.get()));
    }
    if (!m) return Promise.reject(new PluginError(`Provider ${this.opts.name} speaks protocol ${proc.protocol}, which has no ${method} call.`));
    return new Promise<T>((resolve, reject) => {
      let timedOut = false;
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => void this.stop();
      const call = unaryCall(client.getChannel(), m, req, (err, value) => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (!err) return resolve(value as T);
        void this.explain(method, err, timedOut).then(reject);
      });
      if (this.opts.callTimeoutMs) {
        timer = setTimeout(() => {
          timedOut = true;
          // ask politely, then give the provider a moment before the call is abandoned
          void this.stop().then(() => setTimeout(() => call.cancel(), 2_000).unref());
        }, this.opts.callTimeoutMs);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private async explain(method: string, err: CallStatus, timedOut: boolean): Promise<PluginError> {
    if (timedOut) {
      return new PluginError(
        `Provider ${this.opts.name} did not finish ${method} within ${Math.round((this.opts.callTimeoutMs ?? 0) / 1000)} s; Ballast sent it StopProvider and gave up on the call.`,
        this.process.stderrTail.get(),
      );
    }
    // a crash shows up as an unavailable channel; wait briefly for the exit to learn how it ended
    await Promise.race([this.process.waitExit(), new Promise((r) => setTimeout(r, 500))]);
    if (!this.process.alive) {
      return new PluginError(`Provider ${this.opts.name} crashed during ${method} (${this.process.exitReason}).`, this.process.stderrTail.get());
    }
    return new PluginError(`Provider ${this.opts.name} failed ${method}: ${err.details || `gRPC status ${err.code}`}`, this.process.stderrTail.get());
  }

  /** StopProvider: asks the provider to cancel what it is doing (on interrupt or timeout). */
  stop(): Promise<void> {
    if (!this.stopping) {
      const p = this.proc;
      const m = p?.methods.get(METHODS[p.protocol].stop);
      this.stopping =
        p && p.alive && p.client && m
          ? new Promise<void>((resolve) => {
              // a provider that does not answer within 5 s is not waited for
              const timer = setTimeout(() => call.cancel(), 5_000).unref();
              const call = unaryCall(p.client!.getChannel(), m, {}, () => {
                clearTimeout(timer);
                resolve();
              });
            })
          : Promise.resolve();
    }
    return this.stopping;
  }

  async close(): Promise<void> {
    await this.proc?.stop();
  }

  // ---- values --------------------------------------------------------------------------------

  private dv(v: Value, s: BridgedSchema, opts: { nullWriteOnly?: boolean } = {}): DynamicValue {
    const enc = encoders(s);
    return { msgpack: (opts.nullWriteOnly ? enc.state : enc.config).encode(v) };
  }

  private obj(d: DynamicValue | null | undefined, s: BridgedSchema): ValueObject | null {
    if (!d) return null;
    const v = d.msgpack?.length ? decodeValue(d.msgpack, s.type) : d.json?.length ? jsonToValue(parseJson(d.json.toString('utf8'))) : null;
    if (v === null) return null;
    if (!isObject(v)) throw new PluginError(`Provider ${this.opts.name} returned a value that is not an object`);
    return v;
  }

  private diagnostics(ds: WireDiagnostic[] | undefined, where?: Where): Diagnostic[] {
    return (ds ?? []).map((d) => {
      const attribute = formatWirePath(d.attribute?.steps ?? []);
      return {
        severity: d.severity === 'WARNING' ? 'warning' : 'error',
        summary: d.summary ?? '',
        detail: d.detail || undefined,
        where: attribute || where ? { ...where, ...(attribute ? { attribute } : {}) } : undefined,
      } satisfies Diagnostic;
    });
  }

  /** Encoding errors are the user's config not matching the provider's schema. */
  private guard<T>(f: () => T, what: string): T | Diagnostic[] {
    try {
      return f();
    } catch (e) {
      if (e instanceof ValueTypeError) return [error(`Invalid value for ${what}`, e.message, { attribute: e.message.split(':')[0] })];
      throw e;
    }
  }

  // ---- the Provider interface ----------------------------------------------------------------

  // The engine validates synchronously; a plugin can only answer over the wire. So the local
  // check here is the schema's types, and the provider's own Validate* call runs just before
  // the call that uses the config (configure, plan, read), with its diagnostics returned there.

  validateProviderConfig(req: ProviderConfigRequest): DiagnosticsResponse {
    const r = this.guard(() => encoders(this.schemas.provider).config.check(req.config), `provider ${this.opts.name}`);
    return { diagnostics: Array.isArray(r) ? r : [] };
  }

  validateResourceConfig(req: ValidateRequest): DiagnosticsResponse {
    const r = this.guard(() => encoders(this.resource(req.typeName)).config.check(req.config), req.typeName);
    return { diagnostics: Array.isArray(r) ? r : [] };
  }

  validateDataSourceConfig(req: ValidateRequest): DiagnosticsResponse {
    const r = this.guard(() => encoders(this.dataSource(req.typeName)).config.check(req.config), req.typeName);
    return { diagnostics: Array.isArray(r) ? r : [] };
  }

  private async remoteValidate(method: 'validateResource' | 'validateData', typeName: string, config: DynamicValue): Promise<Diagnostic[]> {
    const key = `${method}\0${typeName}\0${config.msgpack?.toString('base64')}`;
    if (this.validated.has(key)) return [];
    const req = method === 'validateResource' ? { type_name: typeName, config, client_capabilities: CLIENT_CAPABILITIES } : { type_name: typeName, config };
    const resp = await this.rpc<{ diagnostics?: WireDiagnostic[] }>(METHODS[this.process.protocol][method], req);
    const ds = this.diagnostics(resp.diagnostics);
    if (!ds.length) this.validated.add(key);
    return ds;
  }

  private readonly validated = new Set<string>();

  async configure(req: ProviderConfigRequest): Promise<DiagnosticsResponse> {
    const dv = this.guard(() => this.dv(req.config, this.schemas.provider), `provider ${this.opts.name}`);
    if (Array.isArray(dv)) return { diagnostics: dv };
    const v = await this.rpc<{ diagnostics?: WireDiagnostic[] }>(METHODS[this.process.protocol].validateProvider, { config: dv });
    const vd = this.diagnostics(v.diagnostics);
    if (vd.some((d) => d.severity === 'error')) return { diagnostics: vd };
    const resp = await this.rpc<{ diagnostics?: WireDiagnostic[] }>(METHODS[this.process.protocol].configure, {
      terraform_version: TERRAFORM_VERSION,
      config: dv,
      client_capabilities: CLIENT_CAPABILITIES,
    });
    return { diagnostics: [...vd, ...this.diagnostics(resp.diagnostics)] };
  }

  async planResourceChange(req: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse> {
    const s = this.resource(req.typeName);
    const config = this.dv(req.config, s);
    const vd = req.config ? await this.remoteValidate('validateResource', req.typeName, config) : [];
    if (vd.some((d) => d.severity === 'error')) return { plannedState: null, requiresReplace: [], diagnostics: vd };
    const resp = await this.rpc<{ planned_state?: DynamicValue; requires_replace?: { steps?: WireStep[] }[]; planned_private?: Buffer; diagnostics?: WireDiagnostic[] }>('PlanResourceChange', {
      type_name: req.typeName,
      prior_state: this.dv(req.priorState, s, { nullWriteOnly: true }),
      proposed_new_state: this.dv(req.proposedNewState, s, { nullWriteOnly: true }),
      config,
      prior_private: privateBytes(req.priorPrivate),
      client_capabilities: CLIENT_CAPABILITIES,
    });
    return {
      plannedState: this.obj(resp.planned_state, s),
      requiresReplace: (resp.requires_replace ?? []).map((p) => wirePath(p.steps ?? [])),
      plannedPrivate: privateData(resp.planned_private),
      diagnostics: [...vd, ...this.diagnostics(resp.diagnostics)],
    };
  }

  async applyResourceChange(req: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse> {
    const s = this.resource(req.typeName);
    const resp = await this.rpc<{ new_state?: DynamicValue; private?: Buffer; diagnostics?: WireDiagnostic[] }>(
      'ApplyResourceChange',
      {
        type_name: req.typeName,
        prior_state: this.dv(req.priorState, s, { nullWriteOnly: true }),
        planned_state: this.dv(req.plannedState, s, { nullWriteOnly: true }),
        config: this.dv(req.config, s),
        planned_private: privateBytes(req.plannedPrivate),
      },
      req.signal,
    );
    return { newState: this.obj(resp.new_state, s), private: privateData(resp.private), diagnostics: this.diagnostics(resp.diagnostics) };
  }

  async readResource(req: ReadResourceRequest): Promise<ReadResourceResponse> {
    const s = this.resource(req.typeName);
    const resp = await this.rpc<{ new_state?: DynamicValue; private?: Buffer; diagnostics?: WireDiagnostic[] }>(
      'ReadResource',
      {
        type_name: req.typeName,
        current_state: this.dv(req.currentState, s, { nullWriteOnly: true }),
        private: privateBytes(req.private),
        client_capabilities: CLIENT_CAPABILITIES,
      },
      req.signal,
    );
    return { newState: this.obj(resp.new_state, s), private: privateData(resp.private), diagnostics: this.diagnostics(resp.diagnostics) };
  }

  async readDataSource(req: ReadDataSourceRequest): Promise<ReadDataSourceResponse> {
    const s = this.dataSource(req.typeName);
    const config = this.dv(req.config, s);
    const vd = await this.remoteValidate('validateData', req.typeName, config);
    if (vd.some((d) => d.severity === 'error')) return { state: null, diagnostics: vd };
    const resp = await this.rpc<{ state?: DynamicValue; diagnostics?: WireDiagnostic[] }>(
      'ReadDataSource',
      {
        type_name: req.typeName,
        config,
        client_capabilities: CLIENT_CAPABILITIES,
      },
      req.signal,
    );
    return { state: this.obj(resp.state, s), diagnostics: [...vd, ...this.diagnostics(resp.diagnostics)] };
  }

  async importResourceState(req: ImportResourceStateRequest): Promise<ImportResourceStateResponse> {
    const resp = await this.rpc<{ imported_resources?: { type_name: string; state?: DynamicValue; private?: Buffer }[]; diagnostics?: WireDiagnostic[] }>('ImportResourceState', {
      type_name: req.typeName,
      id: req.id,
      client_capabilities: CLIENT_CAPABILITIES,
    });
    const imported = (resp.imported_resources ?? []).map((r) => ({ typeName: r.type_name, state: this.obj(r.state, this.resource(r.type_name)) ?? {}, private: privateData(r.private) }));
    return { imported, diagnostics: this.diagnostics(resp.diagnostics) };
  }

  /** UpgradeResourceState: state written under an older schema version, as JSON, to the current one. */
  async upgradeResourceState(req: UpgradeResourceStateRequest): Promise<UpgradeResourceStateResponse> {
    const s = this.resource(req.typeName);
    const resp = await this.rpc<{ upgraded_state?: DynamicValue; diagnostics?: WireDiagnostic[] }>('UpgradeResourceState', {
      type_name: req.typeName,
      version: req.version,
      raw_state: { json: Buffer.from(encodeJsonValue(req.rawState)) },
    });
    return { upgradedState: this.obj(resp.upgraded_state, s), diagnostics: this.diagnostics(resp.diagnostics) };
  }

  /** MoveResourceState: an object of another type (maybe of another provider) becomes one of `targetType`. */
  async moveResourceState(req: {
    sourceProviderAddress: string;
    sourceTypeName: string;
    sourceSchemaVersion: number;
    sourceState: ValueObject;
    targetTypeName: string;
    sourcePrivate?: PrivateData;
  }): Promise<{ state: ValueObject | null; private?: PrivateData; diagnostics: Diagnostic[] }> {
    const s = this.resource(req.targetTypeName);
    const resp = await this.rpc<{ target_state?: DynamicValue; target_private?: Buffer; diagnostics?: WireDiagnostic[] }>('MoveResourceState', {
      source_provider_address: req.sourceProviderAddress,
      source_type_name: req.sourceTypeName,
      source_schema_version: req.sourceSchemaVersion,
      source_state: { json: Buffer.from(encodeJsonValue(req.sourceState)) },
      target_type_name: req.targetTypeName,
      source_private: privateBytes(req.sourcePrivate),
    });
    return { state: this.obj(resp.target_state, s), private: privateData(resp.target_private), diagnostics: this.diagnostics(resp.diagnostics) };
  }

  /** GetFunctions: the provider-defined functions (also part of the schema). */
  async getFunctions(): Promise<ReadonlyMap<string, FunctionSignature>> {
    const resp = await this.rpc<{ functions?: Record<string, WireFunction>; diagnostics?: WireDiagnostic[] }>('GetFunctions', {});
    const ds = this.diagnostics(resp.diagnostics);
    if (ds.some((d) => d.severity === 'error')) throw new PluginError(ds.map((d) => d.summary).join('; '));
    this.functions = parseFunctions(resp.functions ?? {});
    return this.functions;
  }

  /** CallFunction: provider::NAME::FN(args). A function error names the argument it is about. */
  async callFunction(name: string, args: Value[]): Promise<{ value: Value } | { error: string; argument?: number }> {
    const sig = this.functions.get(name);
    if (!sig) return { error: `Provider ${this.opts.name} has no function "${name}"` };
    const types = args.map((_, i) => sig.parameters[i]?.type ?? sig.variadic?.type ?? 'dynamic');
    const resp = await this.rpc<{ result?: DynamicValue; error?: { text?: string; function_argument?: number } | null }>('CallFunction', {
      name,
      arguments: args.map((a, i) => ({ msgpack: encodeValue(a, types[i]) })),
    });
    if (resp.error?.text) return { error: resp.error.text, argument: resp.error.function_argument };
    return { value: decodeValue(resp.result?.msgpack, sig.returns) };
  }
}

interface WireStep {
  attribute_name?: string;
  element_key_string?: string;
  element_key_int?: number;
}
interface WireParameter {
  name?: string;
  type?: Buffer;
  allow_null_value?: boolean;
  allow_unknown_values?: boolean;
}
interface WireFunction {
  parameters?: WireParameter[];
  variadic_parameter?: WireParameter | null;
  return?: { type?: Buffer } | null;
}
const parameter = (p: WireParameter) => ({
  name: p.name ?? '',
  type: typeFromBytes(p.type ?? Buffer.from('"dynamic"')),
  allowNull: p.allow_null_value === true,
  allowUnknown: p.allow_unknown_values === true,
});

function parseFunctions(fns: Record<string, WireFunction>): Map<string, FunctionSignature> {
  return new Map(
    Object.entries(fns).map(([name, f]) => [
      name,
      {
        parameters: (f.parameters ?? []).map(parameter),
        variadic: f.variadic_parameter ? parameter(f.variadic_parameter) : undefined,
        returns: typeFromBytes(f.return?.type ?? Buffer.from('"dynamic"')),
      },
    ]),
  );
}

function wirePath(steps: WireStep[]): Path {
  return steps.map((s) => s.attribute_name ?? s.element_key_string ?? Number(s.element_key_int ?? 0));
}

/** `rule[0].port`, `tags["a"]` */
export function formatWirePath(steps: WireStep[]): string {
  let out = '';
  for (const s of steps) {
    if (s.attribute_name !== undefined) out += out ? `.${s.attribute_name}` : s.attribute_name;
    else if (s.element_key_string !== undefined) out += `[${JSON.stringify(s.element_key_string)}]`;
    else out += `[${Number(s.element_key_int ?? 0)}]`;
  }
  return out;
}

/** Private data travels as opaque bytes; Ballast stores them base64-encoded beside the instance. */
function privateBytes(p: PrivateData): Buffer {
  return p && typeof p.b64 === 'string' ? Buffer.from(p.b64, 'base64') : Buffer.alloc(0);
}
function privateData(b: Buffer | undefined): PrivateData {
  return b && b.length ? { b64: Buffer.from(b).toString('base64') } : undefined;
}

/** Absent list and set blocks are empty collections on the wire, as Terraform sends them. */
function blockShape(block: BlockSchema, writeOnly: readonly string[] = []): WireShape {
  const shape: Record<string, WireShape[string]> = {};
  for (const [name, nb] of Object.entries(block.blocks ?? {})) shape[name] = { emptyWhenAbsent: nb.nesting !== 'single', inner: blockShape(nb.block) };
  for (const k of writeOnly) shape[k] = { alwaysNull: true };
  return shape;
}

/** A schema's encoders, compiled on first use: for configuration, and for state and plans (write-only values sent as null). */
const encoderCache = new WeakMap<BridgedSchema, { config: ValueEncoder; state: ValueEncoder }>();
function encoders(s: BridgedSchema): { config: ValueEncoder; state: ValueEncoder } {
  let e = encoderCache.get(s);
  if (!e) {
    const config = valueEncoder(s.type, blockShape(s.schema.block));
    e = { config, state: s.writeOnly.length ? valueEncoder(s.type, blockShape(s.schema.block, s.writeOnly)) : config };
    encoderCache.set(s, e);
  }
  return e;
}

export { ctyTypeJson };
