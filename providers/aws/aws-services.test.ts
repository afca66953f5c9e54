import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { SQSClient, DeleteQueueCommand, TagQueueCommand } from '@aws-sdk/client-sqs';
import { isUnknown } from '../../engine/lang/value.ts';
import type { Provider } from '../provider.ts';
import { startMoto, type MotoServer } from '../../test/helpers/moto.ts';
import { createAwsProvider } from './index.ts';
import { apply, assertNoChanges, destroy, motoProvider, plan } from './testdata/aws-harness.ts';

let moto: MotoServer;
let p: Provider;

before(async () => {
  moto = await startMoto();
  p = await motoProvider(moto, { default_tags: { tags: { owner: 'ballast' } } });
});
after(async () => {
  await p?.close?.();
  await moto?.stop();
});
beforeEach(() => moto.reset());

test('aws_dynamodb_table: create, re-plan, update in place, forceNew, import, delete', async () => {
  const cfg = {
    name: 'orders',
    hash_key: 'pk',
    range_key: 'sk',
    read_capacity: 2,
    write_capacity: 2,
    attribute: [
      { name: 'pk', type: 'S' },
      { name: 'sk', type: 'S' },
    ],
    ttl: { attribute_name: 'expires', enabled: true },
    point_in_time_recovery: { enabled: true },
    tags: { a: 'b' },
  };
  let t = await apply(p, 'aws_dynamodb_table', cfg, null);
  assert.match(String(t.arn), /:table\/orders$/);
  assert.equal(t.billing_mode, 'PROVISIONED');
  t = await assertNoChanges(p, 'aws_dynamodb_table', cfg, t);
  const cfg2 = { ...cfg, read_capacity: 5, stream_enabled: true, stream_view_type: 'NEW_IMAGE', tags: { a: 'c' } };
  const up = await plan(p, 'aws_dynamodb_table', cfg2, t);
  assert.deepEqual(up.requiresReplace, []);
  assert.ok(isUnknown(up.plannedState!.stream_arn));
  t = await apply(p, 'aws_dynamodb_table', cfg2, t);
  assert.equal(t.read_capacity, 5);
  assert.notEqual(t.stream_arn, '');
  t = await assertNoChanges(p, 'aws_dynamodb_table', cfg2, t);
  assert.deepEqual((await plan(p, 'aws_dynamodb_table', { ...cfg2, hash_key: 'id' }, t)).requiresReplace, [['hash_key']]);
  const imp = await p.importResourceState({ typeName: 'aws_dynamodb_table', id: 'orders' });
  assert.equal(imp.imported[0].state.hash_key, 'pk');
  await destroy(p, 'aws_dynamodb_table', t);
  assert.equal((await p.readResource({ typeName: 'aws_dynamodb_table', currentState: t })).newState, null);
});

test('aws_sqs_queue: defaults, update, out-of-band tag and delete, import by URL', async () => {
  const cfg = { name: 'jobs', tags: { x: '1' } };
  let q = await apply(p, 'aws_sqs_queue', cfg, null);
  assert.equal(q.visibility_timeout_seconds, 30);
  assert.equal(q.message_retention_seconds, 345600);
  assert.equal(q.id, q.url);
  assert.deepEqual(q.tags_all, { owner: 'ballast', x: '1' });
  q = await assertNoChanges(p, 'aws_sqs_queue', cfg, q);
  const cfg2 = { ...cfg, visibility_timeout_seconds: 60 };
  q = await apply(p, 'aws_sqs_queue', cfg2, q);
  assert.equal(q.visibility_timeout_seconds, 60);
  assert.deepEqual((await plan(p, 'aws_sqs_queue', { ...cfg2, fifo_queue: true, name: 'jobs.fifo' }, q)).requiresReplace.sort(), [['fifo_queue'], ['name']]);
  const imp = await p.importResourceState({ typeName: 'aws_sqs_queue', id: String(q.url) });
  assert.equal(imp.imported[0].state.name, 'jobs');

  const sqs = new SQSClient({ endpoint: moto.endpoint, region: moto.region, credentials: moto.credentials });
  try {
    await sqs.send(new TagQueueCommand({ QueueUrl: String(q.url), Tags: { x: 'changed' } }));
    assert.deepEqual((await p.readResource({ typeName: 'aws_sqs_queue', currentState: q })).newState!.tags, { x: 'changed' });
    await sqs.send(new DeleteQueueCommand({ QueueUrl: String(q.url) }));
    assert.equal((await p.readResource({ typeName: 'aws_sqs_queue', currentState: q })).newState, null);
  } finally {
    sqs.destroy();
  }
});

test('aws_sns_topic and aws_sns_topic_subscription', async () => {
  const q = await apply(p, 'aws_sqs_queue', { name: 'sub-target' }, null);
  const tcfg = { name: 'events', display_name: 'Events' };
  let t = await apply(p, 'aws_sns_topic', tcfg, null);
  assert.equal(t.id, t.arn);
  t = await assertNoChanges(p, 'aws_sns_topic', tcfg, t);
  t = await apply(p, 'aws_sns_topic', { ...tcfg, display_name: 'Renamed' }, t);
  assert.equal(t.display_name, 'Renamed');
  assert.equal((await p.importResourceState({ typeName: 'aws_sns_topic', id: String(t.arn) })).imported[0].state.name, 'events');

  const scfg = { topic_arn: t.arn, protocol: 'sqs', endpoint: q.arn, filter_policy: JSON.stringify({ kind: ['a'] }) };
  let s = await apply(p, 'aws_sns_topic_subscription', scfg, null);
  assert.equal(s.raw_message_delivery, false);
  s = await assertNoChanges(p, 'aws_sns_topic_subscription', scfg, s);
  s = await apply(p, 'aws_sns_topic_subscription', { ...scfg, raw_message_delivery: true }, s);
  assert.equal(s.raw_message_delivery, true);
  assert.deepEqual((await plan(p, 'aws_sns_topic_subscription', { ...scfg, protocol: 'email', endpoint: 'a@b.c' }, s)).requiresReplace.sort(), [['endpoint'], ['protocol']]);
  assert.equal((await p.importResourceState({ typeName: 'aws_sns_topic_subscription', id: String(s.arn) })).imported[0].state.protocol, 'sqs');
  await destroy(p, 'aws_sns_topic_subscription', s);
  await destroy(p, 'aws_sns_topic', t);
  assert.equal((await p.readResource({ typeName: 'aws_sns_topic', currentState: t })).newState, null);
});

test('aws_iam_role, aws_iam_policy, aws_iam_role_policy_attachment', async () => {
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  const rcfg = { name: 'app', assume_role_policy: JSON.stringify(trust), tags: { t: '1' } };
  let role = await apply(p, 'aws_iam_role', rcfg, null);
  assert.equal(role.path, '/');
  assert.equal(role.max_session_duration, 3600);
  assert.match(String(role.arn), /:role\/app$/);
  role = await assertNoChanges(p, 'aws_iam_role', rcfg, role);
  role = await apply(p, 'aws_iam_role', { ...rcfg, description: 'the app' }, role);
  assert.equal(role.description, 'the app');
  assert.deepEqual((await plan(p, 'aws_iam_role', { ...rcfg, name: 'app2' }, role)).requiresReplace, [['name']]);

  const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }] };
  const pcfg = { name: 'read', policy: JSON.stringify(doc) };
  let pol = await apply(p, 'aws_iam_policy', pcfg, null);
  assert.equal(pol.id, pol.arn);
  pol = await assertNoChanges(p, 'aws_iam_policy', pcfg, pol);
  const pcfg2 = { name: 'read', policy: JSON.stringify({ ...doc, Statement: [{ ...doc.Statement[0], Action: ['s3:GetObject', 's3:ListBucket'] }] }) };
  pol = await apply(p, 'aws_iam_policy', pcfg2, pol);
  pol = await assertNoChanges(p, 'aws_iam_policy', pcfg2, pol);

  const acfg = { role: 'app', policy_arn: pol.arn };
  const att = await apply(p, 'aws_iam_role_policy_attachment', acfg, null);
  assert.match(String(att.id), /^app-/);
  await assertNoChanges(p, 'aws_iam_role_policy_attachment', acfg, att);
  const imp = await p.importResourceState({ typeName: 'aws_iam_role_policy_attachment', id: `app/${String(pol.arn)}` });
  assert.equal(imp.imported[0].state.policy_arn, pol.arn);
  await destroy(p, 'aws_iam_role_policy_attachment', att);
  assert.equal((await p.readResource({ typeName: 'aws_iam_role_policy_attachment', currentState: att })).newState, null);
  assert.equal((await p.importResourceState({ typeName: 'aws_iam_role', id: 'app' })).imported[0].state.name, 'app');
  await destroy(p, 'aws_iam_policy', pol);
  await destroy(p, 'aws_iam_role', role);
  assert.equal((await p.readResource({ typeName: 'aws_iam_role', currentState: role })).newState, null);
});

test('aws_ssm_parameter: value update bumps version, secret never in messages', async () => {
  const cfg = { name: '/app/db', type: 'SecureString', value: 's3cr3t-value' };
  let prm = await apply(p, 'aws_ssm_parameter', cfg, null);
  assert.equal(prm.version, 1);
  assert.equal(prm.tier, 'Standard');
  prm = await assertNoChanges(p, 'aws_ssm_parameter', cfg, prm);
  assert.ok(p.getSchema().resources.aws_ssm_parameter.block.attributes.value.sensitive);
  const up = await plan(p, 'aws_ssm_parameter', { ...cfg, value: 'other-secret' }, prm);
  assert.ok(isUnknown(up.plannedState!.version));
  prm = await apply(p, 'aws_ssm_parameter', { ...cfg, value: 'other-secret' }, prm);
  assert.equal(prm.version, 2);
  assert.equal((await p.importResourceState({ typeName: 'aws_ssm_parameter', id: '/app/db' })).imported[0].state.value, 'other-secret');
  // An invalid type fails at AWS; the message names the code but not the value.
  const bad = await p.applyResourceChange({ typeName: 'aws_ssm_parameter', priorState: null, plannedState: { ...prm, name: '/app/x', type: 'Bogus', value: 'hidden-value-123' }, config: null });
  assert.equal(bad.diagnostics.length, 1);
  assert.doesNotMatch(JSON.stringify(bad.diagnostics), /hidden-value-123/);
  await destroy(p, 'aws_ssm_parameter', prm);
  assert.equal((await p.readResource({ typeName: 'aws_ssm_parameter', currentState: prm })).newState, null);
});

test('configure: unreachable STS is one clear error without the secret', async () => {
  const q = createAwsProvider({ workingDir: process.cwd(), env: {} });
  const ds = (await q.configure({ config: { region: 'us-east-1', access_key: 'AKIAEXAMPLE', secret_key: 'super-secret-key-value', endpoints: [{ sts: 'http://127.0.0.1:9' }], max_retries: 0 } }))
    .diagnostics;
  await q.close?.();
  assert.equal(ds.length, 1);
  assert.match(ds[0].summary, /^AWS credentials are missing or invalid: /);
  assert.doesNotMatch(JSON.stringify(ds), /super-secret-key-value/);
});

test('configure: explicit endpoints win over AWS_ENDPOINT_URL; missing region is an error', async () => {
  const q = createAwsProvider({ workingDir: process.cwd(), env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' } });
  assert.deepEqual((await q.configure({ config: { region: 'us-east-1', endpoints: [{ sts: moto.endpoint }] } })).diagnostics, []);
  await q.close?.();
  const r = createAwsProvider({ workingDir: process.cwd(), env: {} });
  const ds = (await r.configure({ config: { skip_credentials_validation: true } })).diagnostics;
  assert.equal(ds.length, 1);
  assert.match(ds[0].summary, /region/);
});
