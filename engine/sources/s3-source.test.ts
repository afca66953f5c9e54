import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, DeleteObjectCommand, PutBucketVersioningCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SourceUnreachableError } from '../errors.ts';
import { S3Source } from './s3-source.ts';
import { startMoto, type MotoServer } from '../../test/helpers/moto.ts';
import { freeLoopbackPort } from '../../test/helpers/git-daemon.ts';

let moto: MotoServer;
let s3: S3Client;
let n = 0;
const cleanup: (() => void | Promise<void>)[] = [];
const signal = () => new AbortController().signal;

before(async () => {
  moto = await startMoto();
  s3 = new S3Client({ endpoint: moto.endpoint, region: moto.region, credentials: moto.credentials, forcePathStyle: true });
  // the source uses the default credential chain, as the agent does
  for (const [k, v] of Object.entries({ AWS_ACCESS_KEY_ID: moto.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: moto.credentials.secretAccessKey })) {
    const saved = process.env[k];
    process.env[k] = v;
    cleanup.push(() => {
      if (saved === undefined) delete process.env[k];
      else process.env[k] = saved;
    });
  }
});
after(async () => {
  for (const c of cleanup.reverse()) await c();
  s3?.destroy();
  await moto?.stop();
});

async function setup(): Promise<{ bucket: string; src: S3Source; workDir: string; put(key: string, body: string): Promise<void> }> {
  const bucket = `ballast-src-${++n}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  const workDir = mkdtempSync(join(tmpdir(), 'ballast-s3src-'));
  const src = new S3Source({ bucket, prefix: 'stacks/', workDir, region: moto.region, endpoint: moto.endpoint, keep: 2 });
  cleanup.push(async () => {
    await src.close();
    rmSync(workDir, { recursive: true, force: true });
  });
  return {
    bucket,
    src,
    workDir,
    put: async (key, body) => {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    },
  };
}

describe('S3Source', () => {
  test('objects added, changed and deleted change the revision and the fetched tree', async () => {
    const { bucket, src, put } = await setup();
    await put('stacks/app/main.ts', 'v1');
    await put('stacks/app/package.json', '{}');
    await put('elsewhere/ignored.txt', 'not under the prefix');
    const a1 = await src.fetch(signal());
    assert.match(a1.revision, /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(readdirSync(join(a1.dir, 'app')).sort(), ['main.ts', 'package.json']);
    assert.equal(readFileSync(join(a1.dir, 'app/main.ts'), 'utf8'), 'v1');

    const again = await src.fetch(signal());
    assert.equal(again.revision, a1.revision);
    assert.equal(again.dir, a1.dir);

    await put('stacks/app/main.ts', 'v2');
    const a2 = await src.fetch(signal());
    assert.notEqual(a2.revision, a1.revision);
    assert.equal(readFileSync(join(a2.dir, 'app/main.ts'), 'utf8'), 'v2');

    await put('stacks/app/extra.ts', 'x');
    const a3 = await src.fetch(signal());
    assert.notEqual(a3.revision, a2.revision);
    assert.equal(readFileSync(join(a3.dir, 'app/extra.ts'), 'utf8'), 'x');

    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'stacks/app/extra.ts' }));
    const a4 = await src.fetch(signal());
    assert.notEqual(a4.revision, a3.revision);
    assert.equal(existsSync(join(a4.dir, 'app/extra.ts')), false);
    // same content as a2 but not the same object versions: the same revision as a2 again
    assert.equal(a4.revision, a2.revision);

    // keep: 2 -> older snapshot directories are pruned, the current one stays
    assert.equal(existsSync(a4.dir), true);
    assert.equal(existsSync(a1.dir), false);
  });

  test('the snapshot is the listed versions even if an object is overwritten before download', async () => {
    const { src, put } = await setup();
    await put('stacks/main.ts', 'listed');
    const snapshot = await src.listSnapshot(signal());
    await put('stacks/main.ts', 'written after listing');
    const artifact = await src.download(snapshot, signal());
    assert.equal(artifact.revision, snapshot.revision);
    assert.equal(readFileSync(join(artifact.dir, 'main.ts'), 'utf8'), 'listed');
    const latest = await src.fetch(signal());
    assert.notEqual(latest.revision, snapshot.revision);
    assert.equal(readFileSync(join(latest.dir, 'main.ts'), 'utf8'), 'written after listing');
  });

  test('pagination: more than 1,000 keys', async () => {
    const { src, bucket } = await setup();
    for (let i = 0; i < 1003; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, 1003 - i) }, (_, j) => s3.send(new PutObjectCommand({ Bucket: bucket, Key: `stacks/f/${String(i + j).padStart(4, '0')}.txt`, Body: String(i + j) }))),
      );
    }
    const snapshot = await src.listSnapshot(signal());
    assert.equal(snapshot.entries.length, 1003);
    const artifact = await src.download(snapshot, signal());
    assert.equal(readdirSync(join(artifact.dir, 'f')).length, 1003);
    assert.equal(readFileSync(join(artifact.dir, 'f/1002.txt'), 'utf8'), '1002');
  });

  test('an unreachable endpoint is a SourceUnreachableError', async () => {
    const port = await freeLoopbackPort();
    const workDir = mkdtempSync(join(tmpdir(), 'ballast-s3src-'));
    const src = new S3Source({ bucket: 'b-x', prefix: '', workDir, region: 'us-east-1', endpoint: `http://127.0.0.1:${port}` });
    try {
      await assert.rejects(src.fetch(signal()), (e: unknown) => {
        assert.ok(e instanceof SourceUnreachableError, String(e));
        assert.match(e.message, /s3:\/\/b-x\//);
        return true;
      });
      await assert.rejects(new S3Source({ bucket: 'no-such-bucket', prefix: '', workDir, region: moto.region, endpoint: moto.endpoint }).fetch(signal()), SourceUnreachableError);
    } finally {
      await src.close();
      rmSync(workDir, { recursive: true, force: true });
    }
  });

  test('an aborted fetch rejects', async () => {
    const { src, put } = await setup();
    await put('stacks/a.txt', 'a');
    const ctl = new AbortController();
    ctl.abort(new Error('stopped by test'));
    await assert.rejects(src.fetch(ctl.signal), /stopped by test/);
  });
});
