// The versioned S3 state store through the real CLI against moto: a stack whose S3Backend
// (cdktf) names the bucket, history/show/rollback on object versions, two applies racing from
// two processes, a SIGKILL mid-apply, and a bucket without versioning.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { hostname, userInfo } from 'node:os';
import { CreateBucketCommand, GetBucketTaggingCommand, ListObjectsV2Command, ListObjectVersionsCommand, PutBucketVersioningCommand, type S3Client } from '@aws-sdk/client-s3';
import { startMoto, type MotoServer } from './helpers/moto.ts';
import { awsApp, removeAwsApps, expectExit, motoEnv, s3Admin } from './helpers/aws-app.ts';
import { ballastBin } from './helpers/run-ballast.ts';
import { freezeApply } from './helpers/kill-apply.ts';
import { S3Store } from '../state/s3-store.ts';
import { digestOf, serializeState } from '../state/serialize.ts';
import type { StateVersion } from '../state/model.ts';

let moto: MotoServer;
let s3: S3Client;
const stores: S3Store[] = [];

before(async () => {
  moto = await startMoto();
  s3 = s3Admin(moto);
});
after(async () => {
  for (const s of stores) await s.close();
  s3?.destroy();
  await moto?.stop();
  await removeAwsApps();
});

async function versionedBucket(name: string): Promise<string> {
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'Enabled' } }));
  return name;
}

function stateStore(bucket: string): S3Store {
  const s = new S3Store({
    bucket,
    key: 'aws-site/ballast.tfstate',
    region: moto.region,
    endpoint: moto.endpoint,
    accessKey: moto.credentials.accessKeyId,
    secretKey: moto.credentials.secretAccessKey,
  });
  stores.push(s);
  return s;
}

/** Every version, oldest first, with serials 1..n and each parent digest naming its predecessor. */
async function assertChain(store: S3Store): Promise<StateVersion[]> {
  const list = await store.list();
  const versions: StateVersion[] = [];
  for (const info of list) versions.push((await store.get(info.serial))!);
  versions.sort((a, b) => a.serial - b.serial);
  versions.forEach((v, i) => {
    assert.equal(v.serial, i + 1, 'serials are contiguous');
    assert.equal(v.parentDigest, i === 0 ? null : digestOf(serializeState(versions[i - 1])), `parent digest of serial ${v.serial}`);
  });
  return versions;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const objectKeys = async (bucket: string) => ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key!).sort();
const stateObjectKeys = (v: StateVersion) =>
  Object.values(v.resources)
    .filter((r) => r.type === 'aws_s3_object')
    .map((r) => String(r.attributes.key))
    .sort();

describe('S3 state store through the CLI', { concurrency: true }, () => {
  test('an S3Backend stack: apply, history, show N and rollback --to N on object versions', async () => {
    const stateBucket = await versionedBucket('state-backend');
    const app = await awsApp('aws-site', moto, { bucketName: 'site-s3state', environment: 'dev', stateBucket });
    expectExit(await app.run(['apply', '--auto-approve']), 0, 'first apply');
    await app.setContext({ environment: 'prod' });
    expectExit(await app.run(['apply', '--auto-approve']), 0, 'second apply');

    const history = await app.run(['history']);
    expectExit(history, 0, 'history');
    assert.match(history.stdout, /^Stack "aws-site" \(s3:\/\/state-backend\/aws-site\/ballast\.tfstate\)$/m);
    assert.match(history.stdout, /^\s+1\s+\S+\s+apply/m);
    assert.match(history.stdout, /^\s+2\s+\S+\s+apply/m);

    const show = await app.run(['show', '1', '--json']);
    expectExit(show, 0, 'show 1');
    const v1 = JSON.parse(show.stdout) as StateVersion;
    assert.equal(v1.serial, 1);
    assert.deepEqual(v1.resources['aws_s3_bucket.site'].attributes.tags as Record<string, string>, { Environment: 'dev' });

    const rollback = await app.run(['rollback', '--to', '1', '--auto-approve']);
    expectExit(rollback, 0, 'rollback');
    const tags = (await s3.send(new GetBucketTaggingCommand({ Bucket: 'site-s3state' }))).TagSet ?? [];
    assert.equal(tags.find((t) => t.Key === 'Environment')?.Value, 'dev');

    const versions = await assertChain(stateStore(stateBucket));
    assert.deepEqual(
      versions.map((v) => v.reason),
      ['apply', 'apply', 'rollback'],
    );
    assert.equal(versions[2].rollbackOf, 1);
    // one object version of the state key per state version; no local state was written
    const objectVersions = (await s3.send(new ListObjectVersionsCommand({ Bucket: stateBucket, Prefix: 'aws-site/ballast.tfstate' }))).Versions ?? [];
    assert.equal(objectVersions.filter((v) => v.Key === 'aws-site/ballast.tfstate').length, 3);
    expectExit(await app.run(['destroy', '--auto-approve']), 0, 'destroy');
  });

  test('two applies racing from two processes: each object is created once, a loser is refused clearly, no version lost', async () => {
    const stateBucket = await versionedBucket('state-race');
    const app = await awsApp('aws-site', moto, { bucketName: 'site-race', extraObjects: 8, stateBucket });
    const [a, b] = await Promise.all([app.run(['apply', '--auto-approve', '--parallelism', '1']), app.run(['apply', '--auto-approve', '--parallelism', '1'])]);
    const runs = [a, b];
    const output = `A (exit ${a.code}):\n${a.stdout}\n${a.stderr}\nB (exit ${b.code}):\n${b.stdout}\n${b.stderr}`;
    const versions = await assertChain(stateStore(stateBucket));
    const last = versions.at(-1)!;
    assert.deepEqual(stateObjectKeys(last), await objectKeys('site-race'), 'every object in the bucket is in the state');
    // whichever way the race went, no object was created twice and every created one is recorded
    const created = runs.flatMap((r) => [...r.stdout.matchAll(/^(\S+): Creation complete/gm)].map((m) => m[1])).sort();
    assert.deepEqual(created, [...new Set(created)], `an object was created by both applies:\n${output}`);
    assert.deepEqual(
      created,
      Object.keys(last.resources)
        .filter((k) => !k.startsWith('data.'))
        .sort(),
      output,
    );
    const winners = runs.filter((r) => r.code === 0);
    if (winners.length === 1) {
      // the loser was refused at the lock (the winner held it: named) or after it (its plan went stale)
      const loser = runs.find((r) => r.code !== 0)!;
      assert.equal(loser.code, 1, output);
      assert.match(
        loser.stderr,
        new RegExp(
          `state is locked by ${escapeRe(userInfo().username)}@${escapeRe(hostname())} \\(pid \\d+\\) since |state of stack "aws-site" changed since the plan was made \\(planned against serial none, now 1\\); run plan again`,
        ),
        output,
      );
      assert.doesNotMatch(loser.stderr, /Internal error|\n\s+at /, 'no stack trace');
      assert.doesNotMatch(loser.stdout, /Recorded state version/);
      assert.equal(versions.length, 1, output);
    } else {
      // both succeeded: only one after the other, the second planning against the first's version
      assert.equal(winners.length, 2, `at least one apply succeeds:\n${output}`);
      assert.equal(runs.filter((r) => /Apply complete! Resources: 0 added, 0 changed, 0 destroyed\./.test(r.stdout)).length, 1, output);
    }
    expectExit(await app.run(['plan', '--detailed-exitcode']), 0, 'plan after the race');
    expectExit(await app.run(['destroy', '--auto-approve']), 0, 'destroy');
  });

  test('an apply while another holds the lock is refused, naming the holder; the holder finishes and records', async () => {
    const stateBucket = await versionedBucket('state-held');
    const app = await awsApp('aws-site', moto, { bucketName: 'site-held', extraObjects: 5, stateBucket });
    // the first apply is frozen (SIGSTOP) once it holds the lock and created an object
    const holder = await freezeApply(app.dir, 1, ['apply', '--auto-approve', '--parallelism', '1'], motoEnv(moto));
    let resumed: Promise<number | null> | undefined;
    try {
      const refused = await app.run(['apply', '--auto-approve']);
      expectExit(refused, 1, 'apply while the lock is held');
      assert.match(refused.stderr, new RegExp(`state is locked by ${escapeRe(userInfo().username)}@${escapeRe(hostname())} \\(pid ${holder.pid}\\) since `));
      assert.doesNotMatch(refused.stderr, /Internal error|\n\s+at /, 'no stack trace');
      assert.doesNotMatch(refused.stdout, /Creation complete|Recorded state version/);
    } finally {
      resumed = holder.resume();
    }
    assert.equal(await resumed, 0, holder.output());
    const versions = await assertChain(stateStore(stateBucket));
    assert.equal(versions.length, 1);
    assert.deepEqual(stateObjectKeys(versions[0]), await objectKeys('site-held'));
    expectExit(await app.run(['plan', '--detailed-exitcode']), 0, 'plan after the holder finished');
    expectExit(await app.run(['destroy', '--auto-approve']), 0, 'destroy');
  });

  test('a SIGKILL mid-apply with the S3 store converges on the next run', async () => {
    const stateBucket = await versionedBucket('state-kill');
    const app = await awsApp('aws-site', moto, { bucketName: 'site-kill', extraObjects: 40, stateBucket });
    const killed = await new Promise<string>((resolve, reject) => {
      const child = spawn(ballastBin, ['apply', '--auto-approve', '--parallelism', '1'], { cwd: app.dir, env: { ...process.env, NO_COLOR: '1', ...motoEnv(moto) }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if ((out.match(/aws_s3_object\.\S+: Creation complete/g) ?? []).length >= 5 && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('error', reject);
      child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`apply was not killed mid-way (finished first):\n${out}`))));
    });
    assert.match(killed, /Creation complete/);
    const created = await objectKeys('site-kill');
    assert.ok(created.length >= 5 && created.length < 42, `killed part-way: ${created.length} objects`);

    const again = await app.run(['apply', '--auto-approve']);
    expectExit(again, 0, 'apply after the kill');
    const versions = await assertChain(stateStore(stateBucket));
    const last = versions.at(-1)!;
    assert.equal(stateObjectKeys(last).length, 42);
    assert.deepEqual(stateObjectKeys(last), await objectKeys('site-kill'), 'every created object is accounted for');
    expectExit(await app.run(['plan', '--detailed-exitcode']), 0, 'plan after convergence');
    expectExit(await app.run(['destroy', '--auto-approve']), 0, 'destroy');
  });

  test('a state bucket without versioning is refused with how to enable it', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'state-unversioned' }));
    const app = await awsApp('aws-table', moto, { tableName: 'never-created' });
    const r = await app.run(['apply', '--auto-approve', '--state-s3-bucket', 'state-unversioned', '--state-s3-endpoint', moto.endpoint]);
    expectExit(r, 1, 'apply with an unversioned state bucket');
    assert.match(r.stderr, /state bucket "state-unversioned" does not have versioning enabled/);
    assert.match(r.stderr, /aws s3api put-bucket-versioning --bucket state-unversioned --versioning-configuration Status=Enabled/);
    assert.doesNotMatch(r.stderr, /Internal error/);
    assert.deepEqual(await objectKeys('state-unversioned'), []);
  });
});
