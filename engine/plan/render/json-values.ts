// `planned_values` and `prior_state` of the plan JSON, shaped like Terraform's values
// representation: a root module with resources (values, sensitive_values) and nested
// child_modules. Unknown attributes are left out (as Terraform does); sensitive ones are null
// and marked in sensitive_values, because Ballast never prints a secret.

import { isSet, isObject, Sensitive, Unknown, type Path, type Value, type ValueObject } from '../../lang/value.ts';
import { parseInstance } from '../../addrs.ts';
import type { InstanceState } from '../../../state/model.ts';
import type { Plan } from '../plan.ts';
import { redact, sensitiveAsBool, type Json } from './json-encoding.ts';
import { pathTree, type PathTree } from './value-format.ts';

type JsonObject = { [k: string]: Json };

/** The value without its unknown members (object keys dropped, list items null). */
export function withoutUnknown(v: Value): Value {
  if (v instanceof Sensitive) return new Sensitive(withoutUnknown(v.value));
  if (Array.isArray(v)) return v.map((x) => (x instanceof Unknown ? null : withoutUnknown(x)));
  if (isObject(v)) {
    const out: ValueObject = {};
    for (const k of Object.keys(v)) if (!(v[k] instanceof Unknown)) out[k] = withoutUnknown(v[k]);
    return out;
  }
  return v;
}

/** The cty type of a known value, as Terraform writes it in JSON (`"string"`, `["object", {...}]`). */
export function ctyTypeJson(v: Value): Json {
  if (v instanceof Sensitive) return ctyTypeJson(v.value);
  if (v === null || v instanceof Unknown) return 'dynamic';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || (typeof v === 'object' && 'toFixed' in v)) return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) {
    const items = v.map(ctyTypeJson);
    if (isSet(v)) return ['set', items.length ? items[0]! : 'dynamic'];
    return ['tuple', items];
  }
  if (isObject(v)) return ['object', Object.fromEntries(Object.keys(v).map((k) => [k, ctyTypeJson(v[k])]))];
  return 'dynamic';
}

/** The `module.a["k"]`, `module.a["k"].module.b` prefixes of a module path, outermost first. */
export function modulePrefixes(path: string): string[] {
  const out: string[] = [];
  const re = /module\.[A-Za-z_][A-Za-z0-9_-]*(\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?/g;
  let acc = '';
  for (const m of path.matchAll(re)) {
    acc = acc ? `${acc}.${m[0]}` : m[0];
    out.push(acc);
  }
  return out;
}

export interface ResourceValueInput {
  readonly address: string;
  readonly providerName: string;
  readonly schemaVersion: number;
  readonly value: ValueObject;
  readonly sensitive: PathTree | undefined;
  readonly secrets?: ReadonlySet<string>;
  readonly deposed?: boolean;
}

function resourceJson(r: ResourceValueInput): JsonObject {
  const a = parseInstance(r.address);
  const out: JsonObject = { address: r.address, mode: a.mode, type: a.type, name: a.name };
  if (a.key !== undefined) out.index = a.key;
  out.provider_name = r.providerName;
  out.schema_version = r.schemaVersion;
  out.values = redact(withoutUnknown(r.value), r.sensitive, r.secrets);
  out.sensitive_values = sensitiveAsBool(withoutUnknown(r.value), r.sensitive, r.secrets);
  if (out.sensitive_values === true) out.sensitive_values = {};
  return out;
}

/** A module tree (`root_module` with nested `child_modules`) of the given resources. */
export function moduleTreeJson(resources: readonly ResourceValueInput[]): JsonObject {
  interface Node {
    address: string;
    resources: JsonObject[];
    children: Map<string, Node>;
  }
  const root: Node = { address: '', resources: [], children: new Map() };
  for (const r of resources) {
    const mod = parseInstance(r.address).module;
    let node = root;
    for (const p of mod ? modulePrefixes(mod) : []) {
      let child = node.children.get(p);
      if (!child) node.children.set(p, (child = { address: p, resources: [], children: new Map() }));
      node = child;
    }
    node.resources.push(resourceJson(r));
  }
  const render = (n: Node): JsonObject => {
    const out: JsonObject = {};
    if (n.address) out.address = n.address;
    if (n.resources.length) out.resources = n.resources;
    if (n.children.size) out.child_modules = [...n.children.values()].sort((a, b) => a.address.localeCompare(b.address)).map(render);
    return out;
  };
  return render(root);
}

export interface ValuesJsonOptions {
  providerName: (providerKey: string) => string;
  /** sensitive paths besides those recorded (the provider schema's, Sensitive wrappers) */
  sensitivePaths: (address: string, value: ValueObject) => Path[];
  secrets?: ReadonlySet<string>;
}

function outputJson(value: Value | undefined, sensitive: boolean, secrets?: ReadonlySet<string>): JsonObject {
  if (value === undefined) return { sensitive };
  const known = !(value instanceof Unknown);
  const out: JsonObject = { sensitive };
  if (known) out.type = ctyTypeJson(value);
  // a sensitive output's value is a secret: Ballast leaves it out (Terraform prints it here)
  if (known && !sensitive && !(value instanceof Sensitive)) out.value = redact(withoutUnknown(value), undefined, secrets);
  return out;
}

/** `planned_values`: the objects and outputs as they will be after apply (as far as known). */
export function plannedValuesJson(plan: Plan, opts: ValuesJsonOptions): JsonObject {
  const resources: ResourceValueInput[] = [];
  for (const c of plan.changes) {
    if (c.after === null || c.deposed) continue;
    resources.push({
      address: c.address,
      providerName: opts.providerName(c.provider),
      schemaVersion: c.schemaVersion,
      value: c.after,
      sensitive: pathTree([...c.afterSensitive, ...opts.sensitivePaths(c.address, c.after)]),
      secrets: opts.secrets,
    });
  }
  const outputs: JsonObject = {};
  for (const o of plan.outputs) if (o.action !== 'delete') outputs[o.name] = outputJson(o.after, o.sensitive, opts.secrets);
  return { outputs, root_module: moduleTreeJson(resources) };
}

/** `prior_state`: the state the plan was made against, after refresh. */
export function priorStateJson(plan: Plan, engineVersion: string, opts: ValuesJsonOptions): JsonObject {
  const resources: ResourceValueInput[] = Object.values(plan.prior)
    .filter((i: InstanceState) => !i.deposed)
    .sort((a, b) => a.address.localeCompare(b.address))
    .map((i) => ({
      address: i.address,
      providerName: opts.providerName(i.provider),
      schemaVersion: i.schemaVersion,
      value: i.attributes,
      sensitive: pathTree([...i.sensitivePaths, ...opts.sensitivePaths(i.address, i.attributes)]),
      secrets: opts.secrets,
    }));
  const outputs: JsonObject = {};
  for (const o of plan.outputs) if (o.before !== undefined) outputs[o.name] = outputJson(o.before, o.sensitive, opts.secrets);
  return { format_version: '1.0', terraform_version: engineVersion, values: { outputs, root_module: moduleTreeJson(resources) } };
}
