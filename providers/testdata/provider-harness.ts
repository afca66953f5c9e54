// Drives a Provider the way the engine does (validate, propose, plan, apply), for provider
// tests. The proposal follows the protocol: config, with computed attributes the config
// leaves null taken from prior state.

import assert from 'node:assert/strict';
import type { PlanResourceChangeResponse, Provider } from '../provider.ts';
import { formatDiagnostic } from '../../engine/diagnostics.ts';
import type { ValueObject } from '../../engine/lang/value.ts';

export function proposeNewState(p: Provider, typeName: string, config: ValueObject, prior: ValueObject | null): ValueObject {
  const out: ValueObject = { ...config };
  const attrs = p.getSchema().resources[typeName].block.attributes;
  for (const [name, attr] of Object.entries(attrs)) {
    if ((out[name] === undefined || out[name] === null) && attr.computed && prior) out[name] = prior[name] ?? null;
  }
  return out;
}

export async function plan(p: Provider, typeName: string, config: ValueObject | null, prior: ValueObject | null): Promise<PlanResourceChangeResponse> {
  if (config) {
    const ds = p.validateResourceConfig({ typeName, config });
    assert.deepEqual(ds.map(formatDiagnostic), [], 'configuration is valid');
  }
  const proposedNewState = config === null ? null : proposeNewState(p, typeName, config, prior);
  const resp = await p.planResourceChange({ typeName, priorState: prior, proposedNewState, config });
  assert.deepEqual(resp.diagnostics.map(formatDiagnostic), [], 'plan has no diagnostics');
  return resp;
}

/** Plans and applies; a replacement is applied as delete then create, like the engine's default. */
export async function apply(p: Provider, typeName: string, config: ValueObject | null, prior: ValueObject | null): Promise<ValueObject | null> {
  const planned = await plan(p, typeName, config, prior);
  let before = prior;
  let plannedState = planned.plannedState;
  if (planned.requiresReplace.length && prior) {
    const del = await p.applyResourceChange({ typeName, priorState: prior, plannedState: null, config: null });
    assert.deepEqual(del.diagnostics, []);
    before = null;
    plannedState = (await plan(p, typeName, config, null)).plannedState;
  }
  const resp = await p.applyResourceChange({ typeName, priorState: before, plannedState, config });
  assert.deepEqual(resp.diagnostics.map(formatDiagnostic), [], 'apply has no diagnostics');
  return resp.newState;
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
