// Drives a Provider the way the engine does, for provider tests: the configuration shaped by
// the schema (normalizeBlocks, then validation, then normalizeToSchema), the proposal from the
// engine's own proposedNewState (nested blocks included), plan, then apply. Every provider's
// tests use this one harness, so what they exercise is what the engine sends.

import assert from 'node:assert/strict';
import type { BlockSchema, PlanResourceChangeResponse, Provider } from '../provider.ts';
import { formatDiagnostic } from '../../engine/diagnostics.ts';
import { isObject, isUnknown, type Value, type ValueObject } from '../../engine/lang/value.ts';
import { normalizeBlocks, proposedNewState } from '../../engine/eval/proposed-new.ts';
import { normalizeToSchema, sameValue } from '../schema-plan.ts';

const blockOf = (p: Provider, typeName: string): BlockSchema => p.getSchema().resources[typeName].block;

/** The configuration as the planner hands it to a provider after validation. */
export function engineConfig(p: Provider, typeName: string, raw: ValueObject): ValueObject {
  const block = blockOf(p, typeName);
  return normalizeToSchema(block, normalizeBlocks(block, raw));
}

/** The engine's proposal: config, with computed attributes the config leaves null taken from prior state. */
export function proposeNewState(p: Provider, typeName: string, config: ValueObject, prior: ValueObject | null): ValueObject {
  return proposedNewState(blockOf(p, typeName), config, prior);
}

export async function plan(p: Provider, typeName: string, rawConfig: ValueObject | null, prior: ValueObject | null): Promise<PlanResourceChangeResponse> {
  let config: ValueObject | null = null;
  if (rawConfig) {
    const ds = p.validateResourceConfig({ typeName, config: normalizeBlocks(blockOf(p, typeName), rawConfig) }).diagnostics;
    assert.deepEqual(ds.map(formatDiagnostic), [], `configuration of ${typeName} is valid`);
    config = engineConfig(p, typeName, rawConfig);
  }
  const proposed = config === null ? null : proposeNewState(p, typeName, config, prior);
  const resp = await p.planResourceChange({ typeName, priorState: prior, proposedNewState: proposed, config });
  assert.deepEqual(resp.diagnostics.map(formatDiagnostic), [], `plan of ${typeName} has no diagnostics`);
  return resp;
}

/** Plans and applies; a replacement is applied as delete then create, like the engine's default. */
export async function apply(p: Provider, typeName: string, rawConfig: ValueObject | null, prior: ValueObject | null): Promise<ValueObject | null> {
  const planned = await plan(p, typeName, rawConfig, prior);
  let before = prior;
  let plannedState = planned.plannedState;
  if (planned.requiresReplace.length && prior) {
    await destroy(p, typeName, prior);
    before = null;
    plannedState = (await plan(p, typeName, rawConfig, null)).plannedState;
  }
  const config = rawConfig === null ? null : engineConfig(p, typeName, rawConfig);
  const resp = await p.applyResourceChange({ typeName, priorState: before, plannedState, config });
  assert.deepEqual(resp.diagnostics.map(formatDiagnostic), [], `apply of ${typeName} has no diagnostics`);
  if (plannedState && resp.newState) assertConforms(plannedState, resp.newState);
  return resp.newState;
}

export async function destroy(p: Provider, typeName: string, prior: ValueObject): Promise<void> {
  const r = await p.applyResourceChange({ typeName, priorState: prior, plannedState: null, config: null });
  assert.deepEqual(r.diagnostics.map(formatDiagnostic), [], `destroy of ${typeName} has no diagnostics`);
  assert.equal(r.newState, null);
}

/** Creates an object from config and checks that planning it again changes nothing. */
export async function createStable(p: Provider, typeName: string, config: ValueObject): Promise<ValueObject> {
  const state = await apply(p, typeName, config, null);
  assert.ok(state, 'created');
  const again = await plan(p, typeName, config, state);
  assert.deepEqual(again.requiresReplace, [], 're-plan replaces nothing');
  assert.deepEqual(again.plannedState, state, 're-plan equals the applied state');
  return state;
}

/** Refresh then plan again with the same config: must be a no-op. */
export async function assertNoChanges(p: Provider, typeName: string, config: ValueObject, state: ValueObject): Promise<ValueObject> {
  const read = await p.readResource({ typeName, currentState: state });
  assert.deepEqual(read.diagnostics.map(formatDiagnostic), [], `refresh of ${typeName} has no diagnostics`);
  assert.ok(read.newState, `${typeName} disappeared on refresh`);
  const r = await plan(p, typeName, config, read.newState);
  assert.deepEqual(r.requiresReplace, []);
  const changed = Object.keys(r.plannedState!).filter((k) => !sameValue(r.plannedState![k], read.newState![k] ?? null));
  assert.deepEqual(changed, [], `re-plan of ${typeName} shows changes in ${changed.join(', ')}`);
  return read.newState;
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
