import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ValueObject } from '../lang/value.ts';
import type { Plan, ResourceChange } from '../plan/plan.ts';
import { MAX_DRIFT_READS, MAX_VALUE_CHARS, driftReads } from './drift-reads.ts';
import { recordDrift } from './drift-record.ts';
import { newStackRuntime } from './stack-status.ts';
import { change as changeOf, plan as planOf } from '../plan/render/testdata/plan-fixtures.ts';

const plan = (p: Partial<Plan>): Plan => planOf([], p);
const change = (address: string, before: ValueObject, after: ValueObject | null, sensitive: (string | number)[][] = []): ResourceChange =>
  changeOf(address, after ? 'update' : 'delete', before, after, { provider: 'p', beforeSensitive: sensitive, afterSensitive: after ? sensitive : [] });

test('a drift read holds recorded and real per changed path, with every sensitive value redacted on both sides', () => {
  const secret = change('kubernetes_secret.db', { metadata: { name: 'db' }, data: { password: 'old-s3cret' } }, { metadata: { name: 'db' }, data: { password: 'new-s3cret', extra: 'added-s3cret' } }, [
    ['data'],
  ]);
  const deploy = change('kubernetes_manifest.web', { spec: { replicas: 2, image: 'web:1' } }, { spec: { replicas: 5, image: 'web:1' } });
  // a value sensitive only on the real side is hidden on the recorded side too
  const token = { ...change('terraform_data.t', { input: 'plain-before' }, { input: 'now-secret' }), afterSensitive: [['input']] };
  const d = driftReads(plan({ drift: [secret, deploy, token], driftPolicies: { 'kubernetes_manifest.web': { policy: 'revert', source: 'object' } } }), false, '2026-11-30T02:00:00Z');
  assert.deepEqual(
    d.reads.map((r) => [r.address, r.outcome, r.policy.source]),
    [
      ['kubernetes_manifest.web', 'outstanding', 'object'],
      ['kubernetes_secret.db', 'outstanding', 'default'],
      ['terraform_data.t', 'outstanding', 'default'],
    ],
  );
  assert.deepEqual(d.reads[0]!.attributes, [{ path: 'spec.replicas', before: '2', after: '5' }]);
  assert.deepEqual(d.reads[1]!.attributes, [{ path: 'data', before: '(sensitive value)', after: '(sensitive value)' }]);
  assert.deepEqual(d.reads[2]!.attributes, [{ path: 'input', before: '(sensitive value)', after: '(sensitive value)' }]);
  assert.doesNotMatch(JSON.stringify(d), /s3cret|plain-before|now-secret/);
});

test('drift reads are bounded: objects per stack and value length', () => {
  const many = Array.from({ length: MAX_DRIFT_READS + 20 }, (_, i) => change(`terraform_data.x${String(i).padStart(3, '0')}`, { input: 'a' }, { input: 'b' }));
  const long = change('terraform_data.long', { input: 'a' }, { input: 'z'.repeat(MAX_VALUE_CHARS * 3) });
  assert.equal(driftReads(plan({ drift: many }), false, 't').reads.length, MAX_DRIFT_READS);
  const r = driftReads(plan({ drift: [long] }), false, 't').reads[0]!;
  assert.equal(r.truncated, true);
  assert.ok(r.attributes[0]!.after!.length < MAX_VALUE_CHARS + 20);
});

test('the agent keeps the last drift check only: reverted after the apply, alert drift by path, gone when no drift is found', () => {
  const rt = newStackRuntime('apps', 'src');
  const p = plan({
    drift: [change('terraform_data.a', { input: 'x' }, { input: 'y' })],
    driftAlerts: [{ address: 'terraform_data.w', deleted: false, paths: ['input'], policySource: 'object' }],
    driftPolicies: { 'terraform_data.w': { policy: 'alert', source: 'object' } },
  });
  recordDrift(rt, p, false, '2026-11-30T03:00:00Z');
  assert.deepEqual(
    rt.driftDetail.reads.map((r) => [r.address, r.outcome]),
    [
      ['terraform_data.a', 'outstanding'],
      ['terraform_data.w', 'alerted'],
    ],
  );
  recordDrift(rt, p, true, '2026-11-30T03:00:05Z');
  assert.deepEqual(
    rt.driftDetail.reads.map((r) => [r.address, r.outcome]),
    [
      ['terraform_data.a', 'reverted'],
      ['terraform_data.w', 'alerted'],
    ],
  );
  assert.deepEqual(rt.driftDetail.reads[1]!.paths, ['input']);
  assert.deepEqual(rt.driftDetail.policies, { 'terraform_data.w': { policy: 'alert', source: 'object' } });
  recordDrift(rt, plan({}), false, '2026-11-30T03:10:00Z');
  assert.deepEqual(rt.driftDetail, { policies: {}, reads: [] });
});
