// Terraform's v4 state file form of a state version, both ways: `ballast state pull` writes it,
// `ballast state push` reads one (e.g. terraform.tfstate of a stack moving into Ballast).
// Pure conversions; the CLI supplies which attributes are of dynamic type (Terraform stores
// those as {value, type}), since only a provider schema knows.

import { formatInstance, parseInstance, type InstanceKey, type ResourceMode } from '../addrs.ts';
import { ctyTypeJson } from '../plan/render/json-values.ts';
import type { InstanceState, OutputState, StateVersion } from '../../state/model.ts';
import { canonicalSource } from '../../providers/registry.ts';
import type { Path, Value, ValueObject } from '../lang/value.ts';
import { parseJson } from '../lang/json-numbers.ts';
import type { Json } from '../plan/render/json-encoding.ts';

type JsonObject = { [k: string]: Json };

/** Top-level attribute names of dynamic type of a resource type (empty when unknown). */
export type DynamicAttrs = (provider: string, mode: ResourceMode, type: string) => ReadonlySet<string>;

/** Ballast-native private data is wrapped so a push can tell it from a Terraform provider's bytes. */
const BALLAST_PRIVATE = 'ballast_private';

/** `provider["registry.terraform.io/hashicorp/random"]`, with `.alias` kept, from Ballast's provider key. */
export function terraformProviderAddress(key: string): string {
  if (key.startsWith('provider[')) return key;
  const [local, alias] = key.split('.');
  return `provider["${local === 'terraform' ? 'terraform.io/builtin/terraform' : canonicalSource(local!)}"]${alias ? `.${alias}` : ''}`;
}

function pathStep(s: string | number): Json {
  return typeof s === 'number' ? { type: 'index', value: { value: s, type: 'number' } } : { type: 'get_attr', value: s };
}

function privateB64(p: ValueObject | undefined): string | undefined {
  if (!p) return undefined;
  const keys = Object.keys(p);
  if (keys.length === 1 && typeof p.b64 === 'string') return p.b64;
  return Buffer.from(JSON.stringify({ [BALLAST_PRIVATE]: p })).toString('base64');
}

export function toTerraformState(v: StateVersion, dynamicAttrs: DynamicAttrs, engineVersion: string): JsonObject {
  const outputs: JsonObject = {};
  for (const [name, o] of Object.entries(v.outputs)) {
    if (o.value === null || o.value === undefined) continue; // Terraform keeps no null outputs
    outputs[name] = { value: o.value as Json, type: ctyTypeJson(o.value as Value), ...(o.sensitive || o.valueSensitive ? { sensitive: true } : {}) };
  }
  const groups = new Map<string, { head: JsonObject; instances: JsonObject[] }>();
  for (const i of Object.values(v.resources)) {
    const a = parseInstance(i.address);
    const provider = terraformProviderAddress(i.provider);
    const gk = JSON.stringify([a.module ?? '', a.mode, a.type, a.name]);
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = { head: { ...(a.module ? { module: a.module } : {}), mode: a.mode, type: a.type, name: a.name, provider }, instances: [] }));
    const dyn = dynamicAttrs(i.provider, i.mode, i.type);
    const attributes: JsonObject = {};
    for (const [k, x] of Object.entries(i.attributes)) attributes[k] = dyn.has(k) ? (x === null ? null : { value: x as Json, type: ctyTypeJson(x) }) : (x as Json);
    const inst: JsonObject = {};
    if (a.key !== undefined) inst.index_key = a.key;
    if (i.tainted) inst.status = 'tainted';
    // a deposed object needs a key of its own; Ballast keeps at most one per address
    if (i.deposed) inst.deposed = '00000001';
    inst.schema_version = i.schemaVersion;
    inst.attributes = attributes;
    inst.sensitive_attributes = i.sensitivePaths.map((p) => p.map(pathStep));
    const priv = privateB64(i.private);
    if (priv) inst.private = priv;
    if (i.dependencies.length) inst.dependencies = [...i.dependencies];
    if (i.createBeforeDestroy) inst.create_before_destroy = true;
    g.instances.push(inst);
  }
  return {
    version: 4,
    // a plain semver: Terraform refuses state whose terraform_version is newer than itself
    terraform_version: engineVersion.replace(/^ballast\//, ''),
    serial: v.serial,
    lineage: v.lineage,
    outputs,
    // root module first, then by module, mode, type and name, as Terraform orders them
    resources: [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => ({ ...g.head, instances: g.instances })),
    check_results: null,
  };
}

/** A v4 state file, checked and converted; `where` names the file in diagnostics. */
export interface ParsedTerraformState {
  readonly serial: number;
  readonly lineage: string;
  readonly instances: Map<string, InstanceState>;
  readonly outputs: Record<string, OutputState>;
}

export class TerraformStateError extends Error {}

/**
 * Ballast's provider key (`random`, `random.west`) of a state file's provider address
 * (`provider["registry.terraform.io/hashicorp/random"].west`, possibly after `module.x.`):
 * the local name is the source's last part, as when required_providers does not rename it.
 */
export function ballastProviderKey(address: string, where: string): string {
  const m = /^(?:module\.[A-Za-z_][A-Za-z0-9_-]*(?:\[[^\]]*\])?\.)*provider\["([^"]+)"\](?:\.([A-Za-z_][A-Za-z0-9_-]*))?$/.exec(address);
  if (!m) throw new TerraformStateError(`${where}: "provider" must look like provider["registry.terraform.io/NAMESPACE/TYPE"], not ${JSON.stringify(address)}.`);
  const local = m[1]!.split('/').pop()!;
  return m[2] ? `${local}.${m[2]}` : local;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function fromStep(s: unknown, where: string): string | number {
  if (isObj(s) && s.type === 'get_attr' && typeof s.value === 'string') return s.value;
  if (isObj(s) && s.type === 'index' && isObj(s.value) && (typeof s.value.value === 'number' || typeof s.value.value === 'string')) return s.value.value;
  throw new TerraformStateError(`${where}: sensitive_attributes holds a path step Ballast does not understand`);
}

function fromPrivate(b64: unknown, where: string): ValueObject | undefined {
  if (b64 === undefined || b64 === null || b64 === '') return undefined;
  if (typeof b64 !== 'string') throw new TerraformStateError(`${where}: "private" must be a base64 string`);
  try {
    const j: unknown = JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
    if (isObj(j) && Object.keys(j).length === 1 && isObj(j[BALLAST_PRIVATE])) return j[BALLAST_PRIVATE] as ValueObject;
  } catch {
    // not Ballast's: a provider's own bytes
  }
  return { b64 };
}

export function parseTerraformState(text: string, origin: string, dynamicAttrs: DynamicAttrs): ParsedTerraformState {
  let raw: unknown;
  try {
    // numbers no double holds (Terraform keeps them exactly) stay exact
    raw = parseJson(text);
  } catch (e) {
    const m = /at position (\d+)/.exec((e as Error).message);
    throw new TerraformStateError(`${origin} is not valid JSON${m ? ` (at byte offset ${m[1]})` : ''}.`);
  }
  if (!isObj(raw)) throw new TerraformStateError(`${origin} is not a Terraform state file (expected a JSON object).`);
  if (raw.version !== 4)
    throw new TerraformStateError(`${origin} has state format version ${JSON.stringify(raw.version ?? null)}; Ballast reads Terraform state format version 4 (Terraform 0.12 and later).`);
  if (typeof raw.serial !== 'number' || !Number.isInteger(raw.serial) || raw.serial < 0) throw new TerraformStateError(`${origin}: "serial" must be a non-negative integer.`);
  if (typeof raw.lineage !== 'string' || !raw.lineage) throw new TerraformStateError(`${origin}: "lineage" must be a non-empty string.`);
  const outputs: Record<string, OutputState> = {};
  if (raw.outputs !== undefined && !isObj(raw.outputs)) throw new TerraformStateError(`${origin}: "outputs" must be an object.`);
  for (const [name, o] of Object.entries(raw.outputs ?? {})) {
    if (!isObj(o) || !('value' in o)) throw new TerraformStateError(`${origin}: output "${name}" must be an object with a "value".`);
    outputs[name] = { value: o.value, sensitive: o.sensitive === true };
  }
  if (!Array.isArray(raw.resources)) throw new TerraformStateError(`${origin}: "resources" must be an array.`);
  const instances = new Map<string, InstanceState>();
  raw.resources.forEach((r: unknown, ri: number) => {
    const where = `${origin}: resources[${ri}]`;
    if (!isObj(r) || (r.mode !== 'managed' && r.mode !== 'data') || typeof r.type !== 'string' || typeof r.name !== 'string' || typeof r.provider !== 'string' || !Array.isArray(r.instances)) {
      throw new TerraformStateError(`${where} must have "mode" (managed or data), "type", "name", "provider" and "instances".`);
    }
    if (r.module !== undefined && typeof r.module !== 'string') throw new TerraformStateError(`${where}: "module" must be a string.`);
    const mode = r.mode as ResourceMode;
    const provider = ballastProviderKey(r.provider, where);
    const dyn = dynamicAttrs(provider, mode, r.type);
    r.instances.forEach((i: unknown, ii: number) => {
      const iw = `${where}.instances[${ii}]`;
      if (!isObj(i) || !isObj(i.attributes)) throw new TerraformStateError(`${iw} must have "attributes" (Ballast does not read the pre-0.12 "attributes_flat").`);
      if (i.index_key !== undefined && typeof i.index_key !== 'string' && typeof i.index_key !== 'number') throw new TerraformStateError(`${iw}: "index_key" must be a number or a string.`);
      const key = i.index_key as InstanceKey;
      let address: string;
      try {
        address = formatInstance(parseInstance(formatInstance({ mode, type: r.type as string, name: r.name as string, key, ...(r.module ? { module: r.module as string } : {}) })));
      } catch (e) {
        throw new TerraformStateError(`${iw}: ${(e as Error).message}`);
      }
      const attributes: ValueObject = {};
      for (const [k, x] of Object.entries(i.attributes)) attributes[k] = dyn.has(k) && isObj(x) && 'value' in x && 'type' in x ? (x.value as Value) : (x as Value);
      const sens = i.sensitive_attributes ?? [];
      if (!Array.isArray(sens) || !sens.every(Array.isArray)) throw new TerraformStateError(`${iw}: "sensitive_attributes" must be a list of paths.`);
      const deps = i.dependencies ?? [];
      if (!Array.isArray(deps) || !deps.every((d) => typeof d === 'string')) throw new TerraformStateError(`${iw}: "dependencies" must be a list of addresses.`);
      const deposed = typeof i.deposed === 'string' && i.deposed !== '';
      const priv = fromPrivate(i.private, iw);
      const inst: InstanceState = {
        address,
        mode,
        type: r.type as string,
        name: r.name as string,
        ...(key !== undefined ? { key } : {}),
        provider,
        attributes,
        sensitivePaths: (sens as unknown[][]).map((p): Path => p.map((s) => fromStep(s, iw))),
        dependencies: deps as string[],
        schemaVersion: typeof i.schema_version === 'number' ? i.schema_version : 0,
        ...(priv ? { private: priv } : {}),
        ...(i.create_before_destroy === true ? { createBeforeDestroy: true } : {}),
        ...(i.status === 'tainted' ? { tainted: true } : {}),
        ...(deposed ? { deposed: true } : {}),
      };
      const k = deposed ? `${address} (deposed)` : address;
      if (instances.has(k))
        throw new TerraformStateError(`${iw}: ${deposed ? 'more than one deposed object' : 'a second object'} at ${address}; Ballast keeps one${deposed ? ' deposed object' : ''} per address.`);
      instances.set(k, inst);
    });
  });
  return { serial: raw.serial, lineage: raw.lineage, instances, outputs };
}
