import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan, ResourceChange } from '../plan/plan.ts';
import { recordDrift } from './drift-record.ts';
import { newStackRuntime, statusJson } from './stack-status.ts';
import { change as changeOf, plan as planOf } from '../plan/render/testdata/plan-fixtures.ts';

const plan = (p: Partial<Plan>): Plan => planOf([], p);
const driftOf = (address: string, before: Record<string, string>, after: Record<string, string> | null): ResourceChange =>
  changeOf(address, after ? 'update' : 'delete', before, after, { provider: 'p' });

test('alert drift stays listed with its first sighting and counts once; reverted drift leaves the list; health and paths, never values, reach /status', () => {
  const rt = newStackRuntime('apps', 'src');
  const alert = { address: 'kubernetes_manifest.Deployment_shop_web', deleted: false, paths: ['manifest.spec.replicas'], policySource: 'object' };
  const health = { 'kubernetes_manifest.Deployment_shop_web': { status: 'InProgress' as const, message: '1 of 2 replicas updated' } };
  const secretDrift = driftOf('kubernetes_manifest.Secret_shop_db', { password: 'old-secret' }, { password: 'new-secret' });
  assert.deepEqual(recordDrift(rt, plan({ driftAlerts: [alert], drift: [secretDrift], health }), false, '2026-11-30T01:00:00Z'), { newAlerts: 1 });
  assert.deepEqual(recordDrift(rt, plan({ driftAlerts: [alert], drift: [secretDrift], health }), false, '2026-11-30T01:05:00Z'), { newAlerts: 0 });
  const s = statusJson([rt], []).stacks.apps;
  assert.deepEqual(s.drifted, [
    { address: 'kubernetes_manifest.Deployment_shop_web', policy: 'alert', paths: ['manifest.spec.replicas'], since: '2026-11-30T01:00:00Z' },
    { address: 'kubernetes_manifest.Secret_shop_db', policy: 'revert', paths: ['password'], since: '2026-11-30T01:00:00Z' },
  ]);
  assert.deepEqual(s.health, [{ address: 'kubernetes_manifest.Deployment_shop_web', status: 'InProgress', reason: '1 of 2 replicas updated' }]);
  assert.doesNotMatch(JSON.stringify(s), /secret"|old-secret|new-secret/);
  // the apply put the revert drift back: only the alert one is outstanding
  recordDrift(rt, plan({ driftAlerts: [alert], drift: [secretDrift] }), true, '2026-11-30T01:10:00Z');
  assert.deepEqual([...rt.drifted.keys()], ['kubernetes_manifest.Deployment_shop_web']);
  // the hand edit was undone by hand: the episode ends, a new one counts again
  recordDrift(rt, plan({}), false, '2026-11-30T01:15:00Z');
  assert.equal(rt.drifted.size, 0);
  assert.deepEqual(recordDrift(rt, plan({ driftAlerts: [alert] }), false, '2026-11-30T01:20:00Z'), { newAlerts: 1 });
});
