// The S3 state store against a real S3 API endpoint (moto server on 127.0.0.1).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { DiagnosticsError } from '../engine/diagnostics.ts';
import { LockHeldError, LockIdMismatchError, LockLostError, StateConflictError } from '../engine/errors.ts';
import type { JournalEntry } from '../state/journal.ts';
import type { StateVersion } from '../state/model.ts';
import type { StateStore } from '../state/store.ts';
import { S3Store, type S3BackendConfig } from '../state/s3-store.ts';
import { digestOf, serializeState } from '../state/serialize.ts';
import { sampleVersion } from '../state/testdata/sample-version.ts';
import { stateStoreContract } from '../state/testdata/store-contract.ts';
import { startMoto, type MotoServer } from './helpers/moto.ts';

let moto: MotoServer;
let admin: S3Client;
let bucketCount = 0;
const stores: S3Store[] = [];

before(async () => {
  moto = await startMoto();
  admin = new S3Client({ endpoint: moto.endpoint, region: moto.region, credentials: moto.credentials, forcePathStyle: true });
});

after(async () => {
  for (const s of stores) await s.close();
  admin?.destroy();
  await moto?.stop();
});

async function newBucket(versioning: 'Enabled' | 'Suspended' | 'never' = 'Enabled'): Promise<string> {
  const bucket = `ballast-state-${++bucketCount}`;
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  if (versioning !== 'never') {
    await admin.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: versioning } }));
  }
  return bucket;
}

function storeFor(bucket: string, extra: Partial<S3BackendConfig> = {}): S3Store {
  const s = new S3Store({
    bucket,
    key: 'stacks/app/terraform.tfstate',
    region: moto.region,
    endpoint: moto.endpoint,
    accessKey: moto.credentials.accessKeyId,
    secretKey: moto.credentials.secretAccessKey,
    ...extra,
  });
  stores.push(s);
  return s;
}

/** Writes versions 1..n in order, each naming its parent's digest. */
async function writeChain(store: S3Store, n: number, from: StateVersion | null = null): Promise<StateVersion[]> {
  const written: StateVersion[] = [];
  let parent = from;
  for (let serial = (from?.serial ?? 0) + 1; serial <= (from?.serial ?? 0) + n; serial++) {
    const v = sampleVersion(serial, parent ? digestOf(serializeState(parent)) : null);
    await store.put(v, { expectedSerial: parent?.serial ?? null });
    written.push(v);
    parent = v;
  }
  return written;
}

const next = (parent: StateVersion, extra: Partial<StateVersion> = {}) => sampleVersion(parent.serial + 1, digestOf(serializeState(parent)), extra);

const contractBuckets = new Map<StateStore, string>();
stateStoreContract('S3Store', {
  fresh: async () => {
    const bucket = await newBucket();
    const store = storeFor(bucket);
    contractBuckets.set(store, bucket);
    return store;
  },
  again: async (store) => storeFor(contractBuckets.get(store)!),
});

describe('S3Store versions', () => {
  test('put, get, list and current', async () => {
    const store = storeFor(await newBucket());
    assert.equal(await store.current(), null);
    assert.deepEqual(await store.list(), []);

    const [v1, v2, v3] = await writeChain(store, 3);
    assert.deepEqual(await store.current(), v3);
    assert.deepEqual(await store.get(2), v2);
    assert.deepEqual(await store.get(1), v1);
    assert.equal(await store.get(4), null);

    const list = await store.list();
    assert.deepEqual(
      list.map((i) => i.serial),
      [1, 2, 3],
    );
    assert.deepEqual(
      list.map((i) => i.digest),
      [v1, v2, v3].map((v) => digestOf(serializeState(v))),
    );
    assert.equal(list[2].sourceRevision, v3.sourceRevision);

    // a second store instance (no shared cache) sees the same history
    const fresh = storeFor(store.config.bucket);
    assert.deepEqual(await fresh.list(), list);

    // every version is its own object version; nothing was overwritten
    const versions = await admin.send(new ListObjectVersionsCommand({ Bucket: store.config.bucket, Prefix: store.config.key }));
    assert.equal(versions.Versions?.filter((v) => v.Key === store.config.key).length, 3);
  });

  test('a stale expectedSerial is a StateConflictError and writes nothing', async () => {
    const store = storeFor(await newBucket());
    const [v1, v2] = await writeChain(store, 2);
    await assert.rejects(store.put(next(v1), { expectedSerial: 1 }), (e: unknown) => {
      assert.ok(e instanceof StateConflictError);
      assert.match(e.message, /expected serial 1, but the current serial is 2/);
      return true;
    });
    await assert.rejects(store.put(sampleVersion(1, null), { expectedSerial: null }), StateConflictError);
    await assert.rejects(store.put(next(v2, { lineage: 'another-lineage' }), { expectedSerial: 2 }), /lineage another-lineage/);
    assert.deepEqual(
      (await store.list()).map((i) => i.serial),
      [1, 2],
    );
    assert.deepEqual(await store.current(), v2);
  });

  test('racing writers: exactly one wins, the others get StateConflictError, no version is lost', async () => {
    const bucket = await newBucket();
    const writers = Array.from({ length: 6 }, () => storeFor(bucket));
    let parent: StateVersion | null = null;
    for (let round = 0; round < 5; round++) {
      // every writer read the same parent and writes its own candidate for the next serial
      const candidates = writers.map((_, i) => sampleVersion((parent?.serial ?? 0) + 1, parent ? digestOf(serializeState(parent)) : null, { author: `writer-${i}` }));
      const results = await Promise.allSettled(writers.map((w, i) => w.put(candidates[i], { expectedSerial: parent?.serial ?? null })));
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      assert.equal(won.length, 1, `round ${round}: ${won.length} writers won`);
      for (const r of results) {
        if (r.status === 'rejected') assert.ok(r.reason instanceof StateConflictError, String(r.reason));
      }
      const current = await writers[0].current();
      assert.deepEqual(current, candidates[won[0]]);
      parent = current;
    }
    assert.deepEqual(
      (await writers[1].list()).map((i) => i.serial),
      [1, 2, 3, 4, 5],
    );
  });

  test('a bucket without versioning is refused with the command that fixes it', async () => {
    for (const status of ['never', 'Suspended'] as const) {
      const bucket = await newBucket(status);
      const store = storeFor(bucket);
      await assert.rejects(store.put(sampleVersion(1, null), { expectedSerial: null }), (e: unknown) => {
        assert.ok(e instanceof DiagnosticsError);
        assert.ok(
          e.message.includes(
            `state bucket "${bucket}" does not have versioning enabled; Ballast keeps every state version as an S3 object version. ` +
              `Enable it with: aws s3api put-bucket-versioning --bucket ${bucket} --versioning-configuration Status=Enabled`,
          ),
          e.message,
        );
        return true;
      });
      await assert.rejects(store.list(), DiagnosticsError);
      const objects = await admin.send(new ListObjectsV2Command({ Bucket: bucket }));
      assert.equal(objects.KeyCount ?? 0, 0);
    }
  });

  test('a deleted state object (delete marker) keeps its history and blocks writes with a clear error', async () => {
    const store = storeFor(await newBucket());
    const [, v2] = await writeChain(store, 2);
    await admin.send(new DeleteObjectCommand({ Bucket: store.config.bucket, Key: store.config.key }));
    assert.deepEqual(await store.current(), v2);
    assert.deepEqual(
      (await store.list()).map((i) => i.serial),
      [1, 2],
    );
    await assert.rejects(store.put(next(v2), { expectedSerial: 2 }), /delete marker/);
  });

  test('the endpoint can come from AWS_ENDPOINT_URL_S3', async () => {
    const bucket = await newBucket();
    const saved = process.env.AWS_ENDPOINT_URL_S3;
    process.env.AWS_ENDPOINT_URL_S3 = moto.endpoint;
    try {
      const store = storeFor(bucket, { endpoint: undefined });
      await writeChain(store, 1);
      assert.equal((await store.current())?.serial, 1);
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_S3;
      else process.env.AWS_ENDPOINT_URL_S3 = saved;
    }
  });

  test('1,005 versions write and list (timing is printed, not asserted)', async () => {
    const store = storeFor(await newBucket());
    await store.putConfig(Buffer.from('{"sorts":"after the state key"}'));
    const t0 = performance.now();
    const written = await writeChain(store, 1005);
    const t1 = performance.now();
    const list = await storeFor(store.config.bucket).list(); // fresh instance: no cached metadata
    const t2 = performance.now();
    const again = await store.list();
    const t3 = performance.now();
    assert.deepEqual(
      list.map((i) => i.serial),
      written.map((v) => v.serial),
    );
    assert.deepEqual(again, list);
    assert.deepEqual(await store.get(500), written[499]);
    console.log(
      `# s3 store against moto: wrote 1005 versions in ${(t1 - t0).toFixed(0)} ms, ` + `listed them in ${(t2 - t1).toFixed(0)} ms (fresh store), ${(t3 - t2).toFixed(0)} ms (cached metadata)`,
    );
  });
});

describe('S3Store lock', () => {
  test('a held lock is a LockHeldError naming the holder; release frees it', async () => {
    const bucket = await newBucket();
    const a = storeFor(bucket);
    const b = storeFor(bucket);
    const lock = await a.lock({ operation: 'apply' });
    assert.equal(lock.tookOver, undefined);
    assert.deepEqual(await b.currentLock(), lock.info);
    await assert.rejects(b.lock({ operation: 'plan' }), (e: unknown) => {
      assert.ok(e instanceof LockHeldError);
      assert.equal(e.holder.id, lock.info.id);
      assert.ok(e.message.includes(`${lock.info.who}@${lock.info.host} (pid ${process.pid})`), e.message);
      assert.ok(e.message.includes(`s3://${bucket}/`), e.message);
      return true;
    });
    await lock.renew();
    assert.ok(Date.parse(lock.info.expires) >= Date.parse((await b.currentLock())!.created));
    await lock.release();
    assert.equal(await b.currentLock(), null);
    const second = await b.lock({ operation: 'plan' });
    assert.notEqual(second.info.id, lock.info.id);
    await second.release();
  });

  test('waitMs waits for the holder to release', async () => {
    const bucket = await newBucket();
    const held = await storeFor(bucket).lock({ operation: 'apply' });
    const waiting = storeFor(bucket).lock({ operation: 'apply', waitMs: 20_000 });
    setTimeout(() => void held.release(), 300);
    const got = await waiting;
    assert.equal((await storeFor(bucket).currentLock())?.id, got.info.id);
    await got.release();
  });

  test('an expired lock is taken over visibly; the old holder learns it lost the lock', async () => {
    const bucket = await newBucket();
    const a = storeFor(bucket);
    const b = storeFor(bucket);
    const old = await a.lock({ operation: 'apply', ttlMs: 1 });
    await new Promise((r) => setTimeout(r, 20));
    const taken = await b.lock({ operation: 'apply' });
    assert.deepEqual(taken.tookOver, old.info);
    await assert.rejects(old.renew(), LockLostError);
    await old.release(); // must not remove b's lock
    assert.equal((await a.currentLock())?.id, taken.info.id);
    await taken.release();
  });

  test('a live lock of another host is not taken over; an expired one is', async () => {
    const bucket = await newBucket();
    const store = storeFor(bucket);
    const lockKey = `${store.config.key}.lock`;
    const planted = (expires: string) => ({
      id: 'planted-lock',
      operation: 'apply',
      who: 'someone',
      host: 'another-host',
      pid: 4242,
      created: '2025-01-01T00:00:00.000Z',
      expires,
    });
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: lockKey, Body: JSON.stringify(planted('2999-01-01T00:00:00.000Z')) }));
    await assert.rejects(store.lock({ operation: 'apply' }), /locked by someone@another-host \(pid 4242\)/);
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: lockKey, Body: JSON.stringify(planted('2020-01-01T00:00:00.000Z')) }));
    const lock = await store.lock({ operation: 'apply' });
    assert.equal(lock.tookOver?.id, 'planted-lock');
    await lock.release();
  });

  test('forceUnlock removes the lock only with its id', async () => {
    const bucket = await newBucket();
    const a = storeFor(bucket);
    const lock = await a.lock({ operation: 'apply' });
    const other = storeFor(bucket);
    await assert.rejects(other.forceUnlock('not-the-id'), LockIdMismatchError);
    assert.equal((await other.currentLock())?.id, lock.info.id);
    await other.forceUnlock(lock.info.id);
    assert.equal(await other.currentLock(), null);
    await assert.rejects(other.forceUnlock(lock.info.id), LockIdMismatchError);
    await assert.rejects(lock.renew(), LockLostError);
  });
});

describe('S3Store configs and journals', () => {
  test('config snapshots are content-addressed and stored once', async () => {
    const store = storeFor(await newBucket());
    const bytes = Buffer.from('{"resource":{"null_resource":{"a":{}}}}\n');
    const digest = await store.putConfig(bytes);
    assert.match(digest, /^sha256:[0-9a-f]{64}$/);
    assert.equal(await store.putConfig(Buffer.from(bytes)), digest);
    assert.deepEqual(await store.getConfig(digest), bytes);
    assert.equal(await store.getConfig(`sha256:${'0'.repeat(64)}`), null);
    await assert.rejects(store.getConfig('sha256:../../etc'), /not a sha256 digest/);
    const versions = await admin.send(new ListObjectVersionsCommand({ Bucket: store.config.bucket, Prefix: `${store.config.key}.configs/` }));
    assert.equal(versions.Versions?.length, 1);
  });

  test('journal round trip with batched concurrent appends', async () => {
    const store = storeFor(await newBucket());
    const journal = await store.openJournal('apply-1');
    const entries = Array.from(
      { length: 20 },
      (_, i): JournalEntry => ({
        kind: 'intent',
        address: `null_resource.r[${i}]`,
        operation: 'create',
        prior: null,
        planned: { i },
        provider: 'provider["registry.terraform.io/hashicorp/null"]',
        dependencies: [],
        schemaVersion: 0,
        time: '2025-01-01T00:00:00.000Z',
      }),
    );
    await Promise.all(entries.slice(0, 10).map((e) => journal.append(e)));
    for (const e of entries.slice(10)) await journal.append(e);
    await journal.close();
    await assert.rejects(journal.append(entries[0]), /closed/);

    const other = await store.openJournal('apply-2');
    await other.append({ kind: 'done', address: 'null_resource.x', operation: 'delete', state: null, time: '2025-01-01T00:00:00.000Z' });
    await other.close();

    const pending = await storeFor(store.config.bucket).pendingJournals();
    assert.deepEqual(
      pending.map((p) => p.applyId),
      ['apply-1', 'apply-2'],
    );
    assert.deepEqual(pending[0].entries, entries);
    // the ten concurrent appends shared one object: 1 + 10 objects, not 20
    const objects = await admin.send(new ListObjectsV2Command({ Bucket: store.config.bucket, Prefix: `${store.config.key}.journal/apply-1/` }));
    assert.equal(objects.KeyCount, 11);

    await store.discardJournal('apply-1');
    assert.deepEqual(
      (await store.pendingJournals()).map((p) => p.applyId),
      ['apply-2'],
    );
    await assert.rejects(store.openJournal('../escape'), /invalid apply id/);
  });
});

describe('S3Store server-side encryption', () => {
  for (const [name, extra, expected] of [
    ['AES256', { encrypt: true }, 'AES256'],
    ['aws:kms', { encrypt: true, kmsKeyId: 'alias/ballast-state' }, 'aws:kms'],
  ] as const) {
    test(`every written object carries ${name}`, async () => {
      const store = storeFor(await newBucket(), extra);
      const [v1] = await writeChain(store, 1);
      const digest = await store.putConfig(Buffer.from('{}'));
      const lock = await store.lock({ operation: 'apply' });
      await lock.renew();
      const journal = await store.openJournal('apply-sse');
      await journal.append({ kind: 'done', address: 'null_resource.x', operation: 'create', state: null, time: v1.time });
      await journal.close();

      const bucket = store.config.bucket;
      const key = store.config.key;
      const journalKeys = await admin.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `${key}.journal/` }));
      const keys = [key, `${key}.lock`, `${key}.configs/${digest.slice(7)}.json`, ...(journalKeys.Contents ?? []).map((o) => o.Key!)];
      assert.equal(keys.length, 4);
      for (const k of keys) {
        const head = await admin.send(new HeadObjectCommand({ Bucket: bucket, Key: k }));
        assert.equal(head.ServerSideEncryption, expected, k);
        if (expected === 'aws:kms') assert.match(head.SSEKMSKeyId ?? '', /ballast-state/, k);
      }
      await lock.release();
    });
  }
});
