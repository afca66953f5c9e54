// The machine-readable plan, shaped like `terraform show -json` for a plan so existing
// tooling (policy checks, cost tools, CI scripts) can read it. One deliberate difference:
// sensitive values never appear. They become null in before/after, and before_sensitive /
// after_sensitive say where they were. Unknown values become null with after_unknown true.

import { hasErrors } from '../../diagnostics.ts';
import { parseInstance } from '../../addrs.ts';
import { Unknown, containsSensitive, containsUnknown, unmark, type Path, type Value, type ValueObject } from '../../lang/value.ts';
import type { StackConfig } from '../../config/model.ts';
import { JSON_ACTIONS } from '../actions.ts';
import { hasChanges, type CheckResult, type OutputChange, type Plan, type ResourceChange } from '../plan.ts';
import { configurationJson, providerNameOf, relevantAttributesJson } from './json-config.ts';
import { plannedValuesJson, priorStateJson, withoutUnknown } from './json-values.ts';
import { redact, sensitiveAsBool, unknownAsBool, type Json } from './json-encoding.ts';

export { redact, sensitiveAsBool, unknownAsBool };
import { planSecrets, sensitivePathsOf, type SchemaLookup } from './plan-secrets.ts';
import { MARKED, pathTree } from './value-format.ts';
import { schemaSensitivePaths } from '../../eval/schema-sensitive.ts';

export const PLAN_JSON_FORMAT_VERSION = '1.2';

export interface PlanJsonOptions {
  /** goes into `terraform_version`; defaults to "ballast" */
  engineVersion?: string;
  /** provider schemas, so attributes the schema calls sensitive are withheld even if the plan missed a mark */
  schemaOf?: SchemaLookup;
  /** the stack's configuration: gives `configuration`, `relevant_attributes` and full provider names */
  config?: StackConfig;
  /** the resolved input variables (`variables`; sensitive ones are written as null) */
  variables?: ReadonlyMap<string, Value>;
}

interface ResourceJsonOptions extends PlanJsonOptions {
  /** strings under a sensitive mark anywhere in the plan (planSecrets) */
  secrets?: ReadonlySet<string>;
}

export function planToJson(plan: Plan, opts: PlanJsonOptions = {}): object {
  const secrets = planSecrets(plan, opts.schemaOf);
  const ballast: { [k: string]: Json } = {
    stack: plan.stack,
    mode: plan.mode,
    prior_serial: plan.priorSerial,
    prior_lineage: plan.priorLineage,
    config_digest: plan.configDigest,
    source_revision: plan.sourceRevision,
  };
  if (plan.rollbackOf !== undefined) ballast.rollback_of = plan.rollbackOf;
  const engineVersion = opts.engineVersion ?? 'ballast';
  const config = opts.config;
  const ropts = { ...opts, secrets };
  const values = {
    providerName: (key: string) => providerNameOf(config, key),
    sensitivePaths: (address: string, v: ValueObject) => schemaPaths(opts.schemaOf, address, v),
    secrets,
  };
  const errored = hasErrors(plan.diagnostics);
  return {
    format_version: PLAN_JSON_FORMAT_VERSION,
    terraform_version: engineVersion,
    ...(opts.variables ? { variables: variablesJson(opts.variables, config) } : {}),
    planned_values: plannedValuesJson(plan, values),
    resource_drift: plan.drift.map((c) => resourceChangeJson(c, ropts)),
    resource_changes: [
      ...plan.changes.map((c) => resourceChangeJson(c, ropts)),
      // as Terraform: a forgotten object is a change with the "forget" action
      ...(plan.forgotten ?? []).map((address) => forgetJson(address, plan, config)),
    ],
    output_changes: Object.fromEntries(plan.outputs.map((o) => [o.name, outputChangeJson(o, secrets)])),
    prior_state: priorStateJson(plan, engineVersion, values),
    ...(config ? { configuration: configurationJson(config, { sensitiveArgs: sensitiveArgsOf(opts.schemaOf) }), relevant_attributes: relevantAttributesJson(config) } : {}),
    ...(plan.checks?.length ? { checks: plan.checks.map(checkJson) } : {}),
    timestamp: (plan.timestamp ?? new Date().toISOString()).replace(/\.\d+Z$/, 'Z'),
    applyable: hasChanges(plan) && !errored,
    complete: true,
    errored,
    ballast,
  };
}

/** Terraform's check report for a check block (one static instance: a check block has no count). */
function checkJson(c: CheckResult): { [k: string]: Json } {
  const address = { kind: 'check', name: c.name, to_display: `check.${c.name}` };
  return { address, status: c.status, instances: [{ address: { to_display: `check.${c.name}` }, status: c.status }] };
}

function variablesJson(vars: ReadonlyMap<string, Value>, config: StackConfig | undefined): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  for (const [name, v] of [...vars].sort(([a], [b]) => a.localeCompare(b))) {
    const secret = config?.variables.get(name)?.sensitive === true || containsSensitive(v) || containsUnknown(v);
    // a sensitive variable's value is a secret: null here (Terraform prints it)
    out[name] = { value: secret ? null : redact(v, undefined) };
  }
  return out;
}

function schemaPaths(schemaOf: SchemaLookup | undefined, address: string, v: ValueObject): Path[] {
  const paths = [...unmark(v).paths];
  const schema = schemaOf?.(parseInstance(address));
  if (schema) schemaSensitivePaths(schema.block, v, [], paths);
  return paths;
}

function sensitiveArgsOf(schemaOf: SchemaLookup | undefined): (type: string, mode: 'managed' | 'data') => ReadonlySet<string> {
  return (type, mode) => {
    const schema = schemaOf?.({ mode, type, name: '_' });
    return new Set(
      Object.entries(schema?.block.attributes ?? {})
        .filter(([, a]) => a.sensitive)
        .map(([k]) => k),
    );
  };
}

function forgetJson(address: string, plan: Plan, config: StackConfig | undefined): { [k: string]: Json } {
  const a = parseInstance(address);
  return {
    address,
    ...(a.module ? { module_address: a.module } : {}),
    mode: a.mode,
    type: a.type,
    name: a.name,
    ...(a.key !== undefined ? { index: a.key } : {}),
    provider_name: providerNameOf(config, plan.prior[address]?.provider ?? a.type.split('_')[0]!),
    change: { actions: ['forget'], before: null, after: null, after_unknown: {}, before_sensitive: false, after_sensitive: false },
  };
}

export function resourceChangeJson(c: ResourceChange, opts: ResourceJsonOptions = {}): { [k: string]: Json } {
  // One tree for both sides: a path sensitive before or after (by path, by a Sensitive
  // wrapper inside the value, or by the schema) is withheld on both.
  const sens = pathTree(sensitivePathsOf(c, opts.schemaOf));
  const secrets = opts.secrets;
  const change: { [k: string]: Json } = {
    actions: JSON_ACTIONS[c.action],
    before: c.before === null ? null : redact(c.before, sens, secrets),
    // as Terraform: unknown attributes are left out of `after` (after_unknown names them)
    after: c.after === null ? null : redact(withoutUnknown(c.after), sens, secrets),
    after_unknown: c.after === null || !containsUnknown(c.after) ? {} : unknownAsBool(c.after),
    before_sensitive: c.before === null ? false : sensitiveAsBool(c.before, sens, secrets),
    after_sensitive: c.after === null ? false : sensitiveAsBool(c.after, sens, secrets),
  };
  if (c.requiresReplace.length) change.replace_paths = c.requiresReplace;
  if (c.importing) change.importing = { id: c.importing.id };
  const out: { [k: string]: Json } = {
    address: c.address,
    ...(c.previousAddress ? { previous_address: c.previousAddress } : {}),
    ...(c.addr.module ? { module_address: c.addr.module } : {}),
    mode: c.addr.mode,
    type: c.addr.type,
    name: c.addr.name,
  };
  if (c.addr.key !== undefined) out.index = c.addr.key;
  // Terraform puts the deposed key here; Ballast has one deposed object per address at most
  if (c.deposed) out.deposed = 'deposed';
  out.provider_name = providerNameOf(opts.config, c.provider);
  out.change = change;
  if (c.reason) out.action_reason = c.reason.replace(/-/g, '_');
  return out;
}

function outputChangeJson(o: OutputChange, secrets: ReadonlySet<string>): { [k: string]: Json } {
  const sens = o.sensitive ? MARKED : undefined;
  const before = o.before ?? null;
  const after = o.after ?? null;
  return {
    actions: [o.action],
    before: redact(before, sens, secrets),
    // a wholly unknown output has no `after`, as in Terraform
    ...(after instanceof Unknown ? {} : { after: redact(withoutUnknown(after), sens, secrets) }),
    after_unknown: containsUnknown(after) ? unknownAsBool(after) : false,
    before_sensitive: sensitiveAsBool(before, sens, secrets),
    after_sensitive: sensitiveAsBool(after, sens, secrets),
  };
}
