import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutBucketTaggingCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { isUnknown } from '../../engine/lang/value.ts';
import type { Provider } from '../provider.ts';
import { startMoto, type MotoServer } from '../../test/helpers/moto.ts';
import { apply, assertNoChanges, destroy, motoProvider, plan } from './testdata/aws-harness.ts';

let moto: MotoServer;
let p: Provider;
let s3: S3Client;
let dir: string;

before(async () => {
  moto = await startMoto();
  dir = mkdtempSync(join(tmpdir(), 'ballast-aws-'));
  p = await motoProvider(moto, { default_tags: [{ tags: { team: 'infra' } }] }, dir);
  s3 = new S3Client({ endpoint: moto.endpoint, region: moto.region, credentials: moto.credentials, forcePathStyle: true });
});
after(async () => {
  s3?.destroy();
  await p?.close?.();
  await moto?.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => moto.reset());

test('aws_s3_bucket: create, re-plan, tag update, drift, forceNew, import, delete', async () => {
  const config = { bucket: 'ballast-a', tags: { env: 'dev' } };
  const created = await plan(p, 'aws_s3_bucket', config, null);
  assert.ok(isUnknown(created.plannedState!.arn));
  assert.deepEqual(created.plannedState!.tags_all, { team: 'infra', env: 'dev' });
  let state = await apply(p, 'aws_s3_bucket', config, null);
  assert.equal(state.id, 'ballast-a');
  assert.equal(state.arn, 'arn:aws:s3:::ballast-a');
  assert.equal(state.bucket_regional_domain_name, 'ballast-a.s3.us-east-1.amazonaws.com');
  assert.equal(state.force_destroy, false);
  assert.deepEqual(state.tags, { env: 'dev' });
  state = await assertNoChanges(p, 'aws_s3_bucket', config, state);

  const config2 = { bucket: 'ballast-a', tags: { env: 'prod' } };
  const up = await plan(p, 'aws_s3_bucket', config2, state);
  assert.deepEqual(up.requiresReplace, []);
  state = await apply(p, 'aws_s3_bucket', config2, state);
  assert.deepEqual(state.tags_all, { team: 'infra', env: 'prod' });
  await assertNoChanges(p, 'aws_s3_bucket', config2, state);

  // A tag changed out of band shows on refresh.
  await s3.send(
    new PutBucketTaggingCommand({
      Bucket: 'ballast-a',
      Tagging: {
        TagSet: [
          { Key: 'env', Value: 'hacked' },
          { Key: 'team', Value: 'infra' },
        ],
      },
    }),
  );
  const drift = await p.readResource({ typeName: 'aws_s3_bucket', currentState: state });
  assert.deepEqual(drift.newState!.tags, { env: 'hacked' });

  const rename = await plan(p, 'aws_s3_bucket', { bucket: 'ballast-b' }, state);
  assert.deepEqual(rename.requiresReplace, [['bucket']]);

  const imported = await p.importResourceState({ typeName: 'aws_s3_bucket', id: 'ballast-a' });
  assert.deepEqual(imported.diagnostics, []);
  assert.equal(imported.imported[0].state.arn, 'arn:aws:s3:::ballast-a');
  assert.equal(imported.imported[0].state.force_destroy, false);

  await destroy(p, 'aws_s3_bucket', state);
  const gone = await p.readResource({ typeName: 'aws_s3_bucket', currentState: state });
  assert.equal(gone.newState, null);
});

test('aws_s3_bucket: non-empty bucket needs force_destroy', async () => {
  let state = await apply(p, 'aws_s3_bucket', { bucket: 'ballast-full' }, null);
  await s3.send(new PutObjectCommand({ Bucket: 'ballast-full', Key: 'x', Body: 'x' }));
  const r = await p.applyResourceChange({ typeName: 'aws_s3_bucket', priorState: state, plannedState: null, config: null });
  assert.equal(r.diagnostics.length, 1);
  assert.match(r.diagnostics[0].summary, /deleting aws_s3_bucket \(ballast-full\): BucketNotEmpty/);
  state = await apply(p, 'aws_s3_bucket', { bucket: 'ballast-full', force_destroy: true }, state);
  await destroy(p, 'aws_s3_bucket', state);
});

test('aws_s3_bucket: bucket_prefix generates a name', async () => {
  const state = await apply(p, 'aws_s3_bucket', { bucket_prefix: 'pre-' }, null);
  assert.match(String(state.bucket), /^pre-\d{18}\d{8}$/);
  await destroy(p, 'aws_s3_bucket', state);
});

test('bucket sub-resources: versioning, policy, public access block, encryption, lifecycle', async () => {
  const bucket = await apply(p, 'aws_s3_bucket', { bucket: 'ballast-sub' }, null);

  const vcfg = { bucket: 'ballast-sub', versioning_configuration: { status: 'Enabled' } };
  let v = await apply(p, 'aws_s3_bucket_versioning', vcfg, null);
  v = await assertNoChanges(p, 'aws_s3_bucket_versioning', vcfg, v);
  const vcfg2 = { bucket: 'ballast-sub', versioning_configuration: [{ status: 'Suspended' }] };
  v = await apply(p, 'aws_s3_bucket_versioning', vcfg2, v);
  assert.equal((v.versioning_configuration as { status: string }[])[0].status, 'Suspended');
  assert.deepEqual((await plan(p, 'aws_s3_bucket_versioning', { ...vcfg2, bucket: 'other' }, v)).requiresReplace, [['bucket']]);
  assert.equal((await p.importResourceState({ typeName: 'aws_s3_bucket_versioning', id: 'ballast-sub' })).imported.length, 1);

  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::ballast-sub/*'] }] };
  const pcfg = { bucket: 'ballast-sub', policy: JSON.stringify(policy) };
  let pol = await apply(p, 'aws_s3_bucket_policy', pcfg, null);
  pol = await assertNoChanges(p, 'aws_s3_bucket_policy', pcfg, pol);
  // Same meaning, other formatting: no change.
  const reformatted = { bucket: 'ballast-sub', policy: JSON.stringify(policy, null, 4) };
  assert.equal((await plan(p, 'aws_s3_bucket_policy', reformatted, pol)).plannedState!.policy, pol.policy);

  const pab = { bucket: 'ballast-sub', block_public_acls: true, block_public_policy: true };
  let b = await apply(p, 'aws_s3_bucket_public_access_block', pab, null);
  assert.equal(b.ignore_public_acls, false);
  b = await assertNoChanges(p, 'aws_s3_bucket_public_access_block', pab, b);
  b = await apply(p, 'aws_s3_bucket_public_access_block', { ...pab, ignore_public_acls: true }, b);
  assert.equal(b.ignore_public_acls, true);

  const sse = { bucket: 'ballast-sub', rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }] };
  const e = await apply(p, 'aws_s3_bucket_server_side_encryption_configuration', sse, null);
  await assertNoChanges(p, 'aws_s3_bucket_server_side_encryption_configuration', sse, e);

  const lc = {
    bucket: 'ballast-sub',
    rule: [
      {
        id: 'expire',
        status: 'Enabled',
        filter: { prefix: 'logs/' },
        expiration: { days: 30 },
        noncurrent_version_expiration: { noncurrent_days: 7 },
        abort_incomplete_multipart_upload: { days_after_initiation: 3 },
      },
    ],
  };
  let l = await apply(p, 'aws_s3_bucket_lifecycle_configuration', lc, null);
  l = await assertNoChanges(p, 'aws_s3_bucket_lifecycle_configuration', lc, l);
  const lc2 = { ...lc, rule: [{ ...lc.rule[0], expiration: { days: 60 } }] };
  l = await apply(p, 'aws_s3_bucket_lifecycle_configuration', lc2, l);
  await assertNoChanges(p, 'aws_s3_bucket_lifecycle_configuration', lc2, l);

  for (const [t, s] of [
    ['aws_s3_bucket_lifecycle_configuration', l],
    ['aws_s3_bucket_server_side_encryption_configuration', e],
    ['aws_s3_bucket_public_access_block', b],
    ['aws_s3_bucket_policy', pol],
    ['aws_s3_bucket_versioning', v],
  ] as const) {
    await destroy(p, t, s);
  }
  assert.equal((await p.readResource({ typeName: 'aws_s3_bucket_policy', currentState: pol })).newState, null);
  await destroy(p, 'aws_s3_bucket', { ...bucket, force_destroy: true });
});

test('aws_s3_object: content, source file, etag, tags, import, out-of-band delete', async () => {
  await apply(p, 'aws_s3_bucket', { bucket: 'ballast-obj' }, null);
  const cfg = { bucket: 'ballast-obj', key: 'a.txt', content: 'hello', content_type: 'text/plain', tags: { k: 'v' } };
  const first = await plan(p, 'aws_s3_object', cfg, null);
  assert.equal(first.plannedState!.etag, '5d41402abc4b2a76b9719d911017c592');
  let o = await apply(p, 'aws_s3_object', cfg, null);
  assert.equal(o.etag, '5d41402abc4b2a76b9719d911017c592');
  o = await assertNoChanges(p, 'aws_s3_object', cfg, o);

  const cfg2 = { ...cfg, content: 'hello again' };
  const up = await plan(p, 'aws_s3_object', cfg2, o);
  assert.deepEqual(up.requiresReplace, []);
  assert.ok(isUnknown(up.plannedState!.version_id));
  o = await apply(p, 'aws_s3_object', cfg2, o);
  o = await assertNoChanges(p, 'aws_s3_object', cfg2, o);

  writeFileSync(join(dir, 'site.html'), '<h1>hi</h1>');
  const cfg3 = { bucket: 'ballast-obj', key: 'a.txt', source: 'site.html', tags: { k: 'v2' } };
  o = await apply(p, 'aws_s3_object', cfg3, o);
  o = await assertNoChanges(p, 'aws_s3_object', cfg3, o);
  // Changing the file on disk changes the planned etag.
  writeFileSync(join(dir, 'site.html'), '<h1>changed</h1>');
  const changed = await plan(p, 'aws_s3_object', cfg3, o);
  assert.notEqual(changed.plannedState!.etag, o.etag);

  assert.deepEqual((await plan(p, 'aws_s3_object', { ...cfg3, key: 'b.txt' }, o)).requiresReplace, [['key']]);
  const imp = await p.importResourceState({ typeName: 'aws_s3_object', id: 'ballast-obj/a.txt' });
  assert.equal(imp.imported[0].state.key, 'a.txt');

  await destroy(p, 'aws_s3_object', o);
  assert.equal((await p.readResource({ typeName: 'aws_s3_object', currentState: o })).newState, null);
});

test('data sources: caller identity, region, s3 bucket, policy document', async () => {
  const id = await p.readDataSource({ typeName: 'aws_caller_identity', config: {} });
  assert.deepEqual(id.diagnostics, []);
  assert.match(String(id.state!.account_id), /^\d{12}$/);
  const region = await p.readDataSource({ typeName: 'aws_region', config: {} });
  assert.equal(region.state!.name, 'us-east-1');
  assert.equal(region.state!.description, 'US East (N. Virginia)');
  const missing = await p.readDataSource({ typeName: 'aws_s3_bucket', config: { bucket: 'nope' } });
  assert.equal(missing.diagnostics.length, 1);
  await apply(p, 'aws_s3_bucket', { bucket: 'ballast-data' }, null);
  const b = await p.readDataSource({ typeName: 'aws_s3_bucket', config: { bucket: 'ballast-data' } });
  assert.equal(b.state!.arn, 'arn:aws:s3:::ballast-data');
});
