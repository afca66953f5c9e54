// Test support for the AWS provider tests: drives a provider the way the engine does
// (proposed state = config plus prior computed values, then plan, then apply) against moto.

import assert from 'node:assert/strict';
import { isObject, isUnknown, type Value, type ValueObject } from '../../../engine/lang/value.ts';
import type { Provider } from '../../provider.ts';
import { normalizeToSchema, sameValue } from '../../schema-plan.ts';
import type { MotoServer } from '../../../test/helpers/moto.ts';
import { createAwsProvider } from '../index.ts';

export async function motoProvider(moto: MotoServer, extra: ValueObject = {}, workingDir = process.cwd()): Promise<Provider> {
  const p = createAwsProvider({ workingDir, env: { AWS_EC2_METADATA_DISABLED: 'true' } });
  const ds = await p.configure({
    region: moto.region,
    access_key: moto.credentials.accessKeyId,
    secret_key: moto.credentials.secretAccessKey,
    endpoints: [Object.fromEntries(['s3', 'dynamodb', 'sqs', 'sns', 'iam', 'ssm', 'sts'].map((s) => [s, moto.endpoint]))],
    s3_use_path_style: true,
    ...extra,
  });
  assert.deepEqual(ds, []);
  return p;
}

/** The engine's proposal: config, with computed attributes the config leaves null copied from prior state. */
export function proposed(p: Provider, typeName: string, config: ValueObject, prior: ValueObject | null): ValueObject {
  const attrs = p.getSchema().resources[typeName].block.attributes;
  const out: ValueObject = { ...config };
  for (const [name, a] of Object.entries(attrs)) {
    if ((out[name] === undefined || out[name] === null) && a.computed && prior) out[name] = prior[name] ?? null;
    if (out[name] === undefined) out[name] = null;
  }
  return out;
}

export async function plan(p: Provider, typeName: string, rawConfig: ValueObject, prior: ValueObject | null) {
  // The engine hands providers configuration shaped by the schema (one-item blocks as lists).
  const config = normalizeToSchema(p.getSchema().resources[typeName].block, rawConfig);
  const v = p.validateResourceConfig({ typeName, config });
  assert.deepEqual(v, [], `validation of ${typeName}`);
  const r = await p.planResourceChange({ typeName, priorState: prior, proposedNewState: proposed(p, typeName, config, prior), config });
  assert.deepEqual(r.diagnostics, []);
  return r;
}

/** Plans and applies config over prior; returns the new state. */
export async function apply(p: Provider, typeName: string, rawConfig: ValueObject, prior: ValueObject | null): Promise<ValueObject> {
  const planned = await plan(p, typeName, rawConfig, prior);
  const config = normalizeToSchema(p.getSchema().resources[typeName].block, rawConfig);
  const r = await p.applyResourceChange({ typeName, priorState: prior, plannedState: planned.plannedState, config });
  assert.deepEqual(r.diagnostics, [], `apply of ${typeName}`);
  assert.ok(r.newState);
  assertConforms(planned.plannedState!, r.newState);
  return r.newState;
}

export async function destroy(p: Provider, typeName: string, prior: ValueObject): Promise<void> {
  const r = await p.applyResourceChange({ typeName, priorState: prior, plannedState: null, config: null });
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.newState, null);
}

/** Every known planned value must be what apply produced (Terraform's consistency rule). */
export function assertConforms(planned: Value, actual: Value, at = ''): void {
  if (isUnknown(planned)) return;
  if (isObject(planned) && isObject(actual)) {
    for (const k of Object.keys(planned)) assertConforms(planned[k], actual[k] ?? null, `${at}.${k}`);
    return;
  }
  if (Array.isArray(planned) && Array.isArray(actual) && planned.some((x) => isUnknown(x) || isObject(x))) {
    assert.equal(planned.length, actual.length, `length at ${at}`);
    return;
  }
  assert.ok(sameValue(planned, actual), `planned ${at} = ${JSON.stringify(planned)} but apply gave ${JSON.stringify(actual)}`);
}

/** Refresh then plan again with the same config: must be a no-op. */
export async function assertNoChanges(p: Provider, typeName: string, config: ValueObject, state: ValueObject): Promise<ValueObject> {
  const read = await p.readResource({ typeName, currentState: state });
  assert.deepEqual(read.diagnostics, []);
  assert.ok(read.newState, `${typeName} disappeared on refresh`);
  const r = await plan(p, typeName, config, read.newState);
  assert.deepEqual(r.requiresReplace, []);
  const changed = Object.keys(r.plannedState!).filter((k) => !sameValue(r.plannedState![k], read.newState![k] ?? null));
  assert.deepEqual(changed, [], `re-plan of ${typeName} shows changes in ${changed.join(', ')}`);
  return read.newState;
}
