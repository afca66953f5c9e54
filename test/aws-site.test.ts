// stacks/aws-site (a versioned bucket with a policy, a public access block and objects),
// synthesized for real and applied through the CLI against a moto server: the whole life of a
// stack, drift made out of band, import, and credential/endpoint failures.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  PutBucketTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { startMoto, type MotoServer } from './helpers/moto.ts';
import { awsApp, removeAwsApps, expectExit, s3Admin } from './helpers/aws-app.ts';
import { LocalDirStore } from '../state/local-dir-store.ts';
import { join } from 'node:path';

let moto: MotoServer;
let s3: S3Client;

before(async () => {
  moto = await startMoto();
  s3 = s3Admin(moto);
});
after(async () => {
  s3?.destroy();
  await moto?.stop();
  await removeAwsApps();
});

/** bucket names with this prefix (the cases run side by side on one server) */
const buckets = async (prefix: string) =>
  ((await s3.send(new ListBucketsCommand({}))).Buckets ?? [])
    .map((b) => b.Name!)
    .filter((n) => n.startsWith(prefix))
    .sort();
const tagsOf = async (bucket: string) => Object.fromEntries(((await s3.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet ?? []).map((t) => [t.Key, t.Value]));
const objectText = async (bucket: string, key: string) => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();

// the cases use their own buckets and app copies, so they run side by side
describe('aws-site against moto', { concurrency: true }, () => {
  test('a site bucket applies, re-plans clean, updates in place, is replaced on rename and destroys cleanly', async () => {
    const app = await awsApp('aws-site', moto, { bucketName: 'site-life-1', environment: 'dev', indexContent: '<h1>one</h1>' });

    expectExit(await app.run(['apply', '--auto-approve']), 0, 'first apply');
    assert.deepEqual(await buckets('site-life'), ['site-life-1']);
    assert.equal((await s3.send(new GetBucketVersioningCommand({ Bucket: 'site-life-1' }))).Status, 'Enabled');
    assert.equal((await s3.send(new GetPublicAccessBlockCommand({ Bucket: 'site-life-1' }))).PublicAccessBlockConfiguration?.BlockPublicPolicy, true);
    assert.match((await s3.send(new GetBucketPolicyCommand({ Bucket: 'site-life-1' }))).Policy ?? '', /AccountReadsObjects/);
    assert.deepEqual(await tagsOf('site-life-1'), { Environment: 'dev', ManagedBy: 'ballast' });
    assert.equal(await objectText('site-life-1', 'index.html'), '<h1>one</h1>');
    expectExit(await app.run(['plan', '--detailed-exitcode']), 0, 'plan after apply');

    // tags and object content update in place
    await app.setContext({ environment: 'prod', indexContent: '<h1>two</h1>' });
    const update = await app.run(['plan', '--detailed-exitcode']);
    expectExit(update, 2, 'plan of the update');
    assert.match(update.stdout, /# aws_s3_bucket\.site will be updated in-place/);
    assert.match(update.stdout, /"Environment" = "dev" -> "prod"/);
    assert.match(update.stdout, /# aws_s3_object\.index will be updated in-place/);
    assert.doesNotMatch(update.stdout, /must be replaced/);
    expectExit(await app.run(['apply', '--auto-approve']), 0, 'apply of the update');
    assert.deepEqual(await tagsOf('site-life-1'), { Environment: 'prod', ManagedBy: 'ballast' });
    assert.equal(await objectText('site-life-1', 'index.html'), '<h1>two</h1>');
    expectExit(await app.run(['plan', '--detailed-exitcode']), 0, 'plan after the update');

    // a new bucket name forces replacement of the bucket and of everything in it
    await app.setContext({ bucketName: 'site-life-2' });
    const rename = await app.run(['apply', '--auto-approve']);
    expectExit(rename, 0, 'rename');
    assert.match(rename.stdout, /# aws_s3_bucket\.site must be replaced/);
    assert.match(rename.stdout, /bucket += "site-life-1" -> "site-life-2" # forces replacement/);
    assert.deepEqual(await buckets('site-life'), ['site-life-2']);
    assert.equal(await objectText('site-life-2', 'index.html'), '<h1>two</h1>');
    expectExit(await app.run(['plan', '--detailed-exitcode']), 0, 'plan after the rename');

    const destroy = await app.run(['destroy', '--auto-approve']);
    expectExit(destroy, 0, 'destroy');
    assert.deepEqual(await buckets('site-life'), []);
    const store = new LocalDirStore(join(app.dir, '.ballast', 'aws-site'), { stack: 'aws-site' });
    assert.deepEqual((await store.current())?.resources, {});
    assert.deepEqual(
      (await store.list()).map((v) => v.reason),
      ['apply', 'apply', 'apply', 'destroy'],
    );
  });

  test('an object deleted out of band plans as create; a tag changed out of band is drift and plans as update', async () => {
    const app = await awsApp('aws-site', moto, { bucketName: 'site-drift', environment: 'dev' });
    expectExit(await app.run(['apply', '--auto-approve']), 0, 'apply');

    // gone for good: every version (a delete marker would trip a moto bug when the suspended
    // bucket is destroyed: "'FakeDeleteMarker' object has no attribute 'dispose'")
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: 'site-drift', Prefix: 'robots.txt' }));
    for (const v of versions.Versions ?? []) await s3.send(new DeleteObjectCommand({ Bucket: 'site-drift', Key: 'robots.txt', VersionId: v.VersionId }));
    await s3.send(
      new PutBucketTaggingCommand({
        Bucket: 'site-drift',
        Tagging: {
          TagSet: [
            { Key: 'Environment', Value: 'hacked' },
            { Key: 'ManagedBy', Value: 'ballast' },
          ],
        },
      }),
    );

    const plan = await app.run(['plan', '--detailed-exitcode']);
    expectExit(plan, 2, 'plan after drift');
    assert.match(plan.stdout, /Objects have changed outside of Ballast/);
    assert.match(plan.stdout, /# aws_s3_bucket\.site has changed/);
    assert.match(plan.stdout, /# aws_s3_object\.robots has been deleted/);
    assert.match(plan.stdout, /# aws_s3_object\.robots will be created/);
    assert.match(plan.stdout, /# aws_s3_bucket\.site will be updated in-place/);
    assert.match(plan.stdout, /"Environment" = "hacked" -> "dev"/);

    expectExit(await app.run(['apply', '--auto-approve']), 0, 'apply after drift');
    assert.deepEqual(await tagsOf('site-drift'), { Environment: 'dev', ManagedBy: 'ballast' });
    assert.match(await objectText('site-drift', 'robots.txt'), /Disallow/);
    expectExit(await app.run(['plan', '--detailed-exitcode']), 0, 'plan after repair');
    expectExit(await app.run(['destroy', '--auto-approve']), 0, 'destroy');
  });

  test('ballast import adopts an existing bucket; mistakes are refused', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'site-adopted' }));
    await s3.send(
      new PutBucketTaggingCommand({
        Bucket: 'site-adopted',
        Tagging: {
          TagSet: [
            { Key: 'Environment', Value: 'dev' },
            { Key: 'ManagedBy', Value: 'ballast' },
          ],
        },
      }),
    );
    const app = await awsApp('aws-site', moto, { bucketName: 'site-adopted', environment: 'dev' });

    // mistakes first: undeclared address, an id that does not exist
    const undeclared = await app.run(['import', 'aws_s3_bucket.other', 'site-adopted']);
    expectExit(undeclared, 1, 'import of an undeclared address');
    assert.match(undeclared.stderr, /Resource address "aws_s3_bucket\.other" does not exist in the configuration/);
    const missing = await app.run(['import', 'aws_s3_bucket.site', 'no-such-bucket']);
    expectExit(missing, 1, 'import of a missing bucket');
    assert.match(missing.stderr, /Cannot import non-existent remote object/);

    const imported = await app.run(['import', 'aws_s3_bucket.site', 'site-adopted']);
    expectExit(imported, 0, 'import');
    assert.match(imported.stdout, /Import successful!/);
    const store = new LocalDirStore(join(app.dir, '.ballast', 'aws-site'), { stack: 'aws-site' });
    const v1 = await store.current();
    assert.equal(v1?.reason, 'import');
    assert.deepEqual(Object.keys(v1!.resources), ['aws_s3_bucket.site']);
    assert.equal(v1!.resources['aws_s3_bucket.site'].attributes.bucket, 'site-adopted');

    const again = await app.run(['import', 'aws_s3_bucket.site', 'site-adopted']);
    expectExit(again, 1, 'second import');
    assert.match(again.stderr, /Resource already managed by Ballast/);
    assert.equal((await store.current())?.serial, 1);

    // the adopted bucket is updated (force_destroy is not readable), not created
    const plan = await app.run(['plan']);
    expectExit(plan, 0, 'plan after import');
    assert.match(plan.stdout, /# aws_s3_bucket\.site will be updated in-place/);
    assert.doesNotMatch(plan.stdout, /aws_s3_bucket\.site will be created/);
    expectExit(await app.run(['apply', '--auto-approve']), 0, 'apply after import');
    expectExit(await app.run(['plan', '--detailed-exitcode']), 0, 'plan after apply');
    expectExit(await app.run(['destroy', '--auto-approve']), 0, 'destroy');
    assert.ok(!(await buckets('site-adopted')).includes('site-adopted'));
  });

  test('an import block (importFrom) adopts an existing bucket on apply', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'site-adopted-2' }));
    await s3.send(
      new PutBucketTaggingCommand({
        Bucket: 'site-adopted-2',
        Tagging: {
          TagSet: [
            { Key: 'Environment', Value: 'dev' },
            { Key: 'ManagedBy', Value: 'ballast' },
          ],
        },
      }),
    );
    const blockApp = await awsApp('aws-site', moto, { bucketName: 'site-adopted-2', environment: 'dev', importBucket: true });
    const blockPlan = await blockApp.run(['plan', '--detailed-exitcode']);
    expectExit(blockPlan, 2, 'plan with an import block');
    assert.match(blockPlan.stdout, /# aws_s3_bucket\.site will be updated in-place\n {2}# \(imported from "site-adopted-2"\)/);
    assert.match(blockPlan.stdout, /Plan: 1 to import, 5 to add, 1 to change, 0 to destroy\./);
    const blockApply = await blockApp.run(['apply', '--auto-approve']);
    expectExit(blockApply, 0, 'apply with an import block');
    assert.deepEqual(await buckets('site-adopted-2'), ['site-adopted-2']);
    expectExit(await blockApp.run(['plan', '--detailed-exitcode']), 0, 'plan after the import apply');
    expectExit(await blockApp.run(['destroy', '--auto-approve']), 0, 'destroy');
    assert.deepEqual(await buckets('site-adopted-2'), []);
  });

  test('wrong credentials or an unreachable endpoint: one clear error, exit 1, no state change', async () => {
    const app = await awsApp('aws-site', moto, { bucketName: 'site-creds' });
    expectExit(await app.run(['apply', '--auto-approve']), 0, 'apply');
    const store = new LocalDirStore(join(app.dir, '.ballast', 'aws-site'), { stack: 'aws-site' });
    const before = (await store.list()).length;

    // moto accepts any key unless told otherwise; an unknown key with its IAM check enabled is refused
    await app.setContext({ environment: 'changed' });
    const badCreds = await app.run(['apply', '--auto-approve'], {
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_PROFILE: 'ballast-no-such-profile',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    });
    expectExit(badCreds, 1, 'apply without credentials');
    assert.doesNotMatch(badCreds.stderr, /Internal error| {4}at /);
    assert.match(badCreds.stderr, /credential/i);

    const port = new URL(moto.endpoint).port;
    const unreachable = await app.run(['apply', '--auto-approve'], { AWS_ENDPOINT_URL: `http://127.0.0.1:${Number(port) === 1 ? 2 : 1}` });
    expectExit(unreachable, 1, 'apply against an unreachable endpoint');
    assert.doesNotMatch(unreachable.stderr, /Internal error| {4}at /);
    assert.equal((await store.list()).length, before);
    assert.deepEqual(await tagsOf('site-creds'), { Environment: 'dev', ManagedBy: 'ballast' });
    expectExit(await app.run(['destroy', '--auto-approve']), 0, 'destroy');
  });
});
