import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InstanceState, StateVersion } from '../../../state/model.ts';
import { parseInstance } from '../../addrs.ts';
import type { ValueObject } from '../../lang/value.ts';
import { redactedVersion } from '../../operations/redacted-state.ts';
import type { Plan, ResourceChange } from '../../plan/plan.ts';
import { recordDrift } from '../../agent/drift-record.ts';
import { newStackRuntime, statusJson } from '../../agent/stack-status.ts';
import { NEEDS_AGENT, objectRows, objectsBody, resourceDriftBody, type LiveDrift } from './objects.ts';
import { resourceBody } from './version.ts';

function inst(address: string, attributes: ValueObject, sensitivePaths: InstanceState['sensitivePaths'] = []): InstanceState {
  const [type, name] = address.split('.');
  return { address, mode: 'managed', type: type!, name: name!, provider: 'provider["x"]', attributes, sensitivePaths, dependencies: [], schemaVersion: 0 };
}

const recorded = {
  web: { manifest: { kind: 'Deployment', metadata: { name: 'web', labels: { 'ballast.dev/drift': 'alert' } }, spec: { replicas: 2 } } },
  api: { manifest: { kind: 'Deployment', metadata: { name: 'api' }, spec: { replicas: 3, image: 'api:1' } } },
  db: { manifest: { kind: 'Secret', metadata: { name: 'db' }, data: { password: 'recorded-S3CRET' } } },
  cfg: { input: 'kept' },
};
const version: StateVersion = {
  formatVersion: 1,
  lineage: 'l',
  serial: 4,
  parentDigest: null,
  stack: 'shop',
  sourceRevision: null,
  configDigest: null,
  reason: 'apply',
  time: '2026-11-30T00:00:00Z',
  engineVersion: 't',
  changes: { add: 0, change: 0, destroy: 0 },
  outputs: {},
  resources: Object.fromEntries(
    [
      inst('kubernetes_manifest.web', recorded.web),
      inst('kubernetes_manifest.api', recorded.api),
      inst('kubernetes_manifest.db', recorded.db, [['manifest', 'data']]),
      inst('terraform_data.cfg', recorded.cfg),
    ].map((i) => [i.address, i]),
  ),
};

const change = (address: string, before: ValueObject, after: ValueObject, sensitive: (string | number)[][] = []): ResourceChange => ({
  addr: parseInstance(address),
  address,
  provider: 'p',
  action: 'update',
  before,
  after,
  beforeSensitive: sensitive,
  afterSensitive: sensitive,
  requiresReplace: [],
  dependencies: [],
  schemaVersion: 0,
});

/** The agent's view after a plan-only drift check found the api scaled by hand, the Secret edited and web (label alert) changed. */
function agentLive(): LiveDrift {
  const rt = newStackRuntime('shop', 'src');
  const plan: Plan = {
    stack: 'shop',
    mode: 'refresh-only',
    changes: [],
    outputs: [],
    diagnostics: [],
    priorSerial: 4,
    priorLineage: 'l',
    configDigest: 'd',
    sourceRevision: null,
    prior: {},
    priorDigest: null,
    drift: [
      change('kubernetes_manifest.api', recorded.api, { manifest: { ...recorded.api.manifest, spec: { replicas: 7, image: 'api:1' } } }),
      change('kubernetes_manifest.db', recorded.db, { manifest: { ...recorded.db.manifest, data: { password: 'real-S3CRET' } } }, [['manifest', 'data']]),
    ],
    driftAlerts: [{ address: 'kubernetes_manifest.web', deleted: false, paths: ['manifest.spec.replicas'], policySource: 'object' }],
    driftPolicies: { 'kubernetes_manifest.web': { policy: 'alert', source: 'object' }, 'terraform_data.cfg': { policy: 'ignore', source: 'terraform_data.*' } },
    health: { 'kubernetes_manifest.api': { status: 'InProgress', message: '3 of 7 replicas available' }, 'kubernetes_manifest.web': { status: 'Current', message: '' } },
  };
  recordDrift(rt, plan, false, '2026-11-30T04:00:00Z');
  return { status: statusJson([rt], []).stacks.shop, drift: rt.driftDetail };
}

test("a stack's objects show the drift policy the agent resolved, health, and the drifted ones with paths, since and outcome", () => {
  const live = agentLive();
  const rows = objectRows(redactedVersion(version), live);
  assert.deepEqual(
    rows.map((r) => [r.address, r.policy.policy, r.policy.source, r.health?.status ?? null, r.drift?.outcome ?? null]),
    [
      ['kubernetes_manifest.api', 'revert', 'default', 'InProgress', 'outstanding'],
      ['kubernetes_manifest.db', 'revert', 'default', null, 'outstanding'],
      ['kubernetes_manifest.web', 'alert', 'object', 'Current', 'alerted'],
      ['terraform_data.cfg', 'ignore', 'terraform_data.*', null, null],
    ],
  );
  const page = objectsBody('shop', redactedVersion(version), live).text;
  assert.match(page, /Objects \(4, <span class="drifted-count">3 drifted<\/span>\)/);
  assert.match(page, /<tr data-address="kubernetes_manifest.web" class="drifted" data-outcome="alerted">/);
  assert.match(page, /\(object label\)/);
  assert.match(page, /\(rule <code>terraform_data\.\*<\/code>\)/);
  assert.match(page, /3 of 7 replicas available/);
  assert.match(page, /since <time datetime="2026-11-30T04:00:00Z">/);
  assert.doesNotMatch(page, /S3CRET/);
});

test("a drifted resource shows recorded (desired) beside real per changed path; a Secret's values never appear", () => {
  const live = agentLive();
  const v = redactedVersion(version);
  const api = resourceBody(v, 'kubernetes_manifest.api', live).text;
  assert.match(api, /<tr data-path="manifest.spec.replicas"><td class="path">manifest.spec.replicas<\/td><td class="before">3<\/td><td class="after">7<\/td><\/tr>/);
  assert.match(api, /data-outcome="outstanding"/);
  const db = resourceBody(v, 'kubernetes_manifest.db', live).text;
  assert.match(db, /<tr data-path="manifest.data"><td class="path">manifest.data<\/td><td class="before">\(sensitive value\)<\/td><td class="after">\(sensitive value\)<\/td><\/tr>/);
  assert.doesNotMatch(db, /S3CRET|password/);
  // alert drift: the paths, and policy from the object's label
  const web = resourceDriftBody('kubernetes_manifest.web', live).text;
  assert.match(web, /data-outcome="alerted"/);
  assert.match(web, /manifest\.spec\.replicas/);
  assert.match(resourceDriftBody('terraform_data.cfg', live).text, /data-drift="none"/);
});

test('without an agent the pages say that live drift needs the agent', () => {
  const v = redactedVersion(version);
  assert.ok(objectsBody('shop', v, null).text.includes(NEEDS_AGENT));
  assert.ok(resourceBody(v, 'kubernetes_manifest.api', null).text.includes(NEEDS_AGENT));
  assert.doesNotMatch(resourceBody(v, 'kubernetes_manifest.db', null).text, /S3CRET/);
});
