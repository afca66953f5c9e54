// Tamper-evident history (issue 7 item 4): a state version changed, removed or added outside
// Ballast breaks the digest chain, and every read that relies on a version (current, get,
// list) refuses it, naming the broken link — for the local store and the S3 store (moto).
// Before, an edited version 1 was shown by `show 1` and applied by `rollback --to 1`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, DeleteObjectCommand, ListObjectVersionsCommand, PutBucketVersioningCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LocalDirStore } from '../state/local-dir-store.ts';
import { S3Store } from '../state/s3-store.ts';
import { BrokenChainError, checkChain, chainEntry } from '../state/chain.ts';
import { digestOf, serializeState } from '../state/serialize.ts';
import { sampleVersion } from '../state/testdata/sample-version.ts';
import type { StateStore } from '../state/store.ts';
import type { StateVersion } from '../state/model.ts';
import { startMoto, type MotoServer } from './helpers/moto.ts';

async function putChain(store: StateStore, n: number): Promise<StateVersion[]> {
  const out: StateVersion[] = [];
  let parent: StateVersion | null = null;
  for (let s = 1; s <= n; s++) {
    const v = sampleVersion(s, parent ? digestOf(serializeState(parent)) : null, { changes: { add: s, change: 0, destroy: 0 } });
    await store.put(v, { expectedSerial: parent?.serial ?? null });
    out.push(v);
    parent = v;
  }
  return out;
}

const broken = (serial: number, text: RegExp) => (e: unknown) => e instanceof BrokenChainError && e.serial === serial && text.test(e.message) && /ballast history --verify/.test(e.message);

/** Every read that hands out a version refuses the broken history. */
async function allReadsRefuse(store: StateStore, serial: number, text: RegExp): Promise<void> {
  await assert.rejects(store.current(), broken(serial, text));
  await assert.rejects(store.get(1), broken(serial, text));
  await assert.rejects(store.list(), broken(serial, text));
  await assert.rejects(store.verify(), broken(serial, text));
}

test('checkChain names gaps, duplicates, foreign lineages and changed parents', () => {
  const vs: StateVersion[] = [];
  for (const s of [1, 2, 3]) vs.push(sampleVersion(s, vs.length ? digestOf(serializeState(vs[vs.length - 1])) : null));
  const entries = vs.map((v) => chainEntry(v, digestOf(serializeState(v)), `v${v.serial}`));
  assert.deepEqual(
    checkChain([...entries].reverse(), 'x').map((e) => e.serial),
    [1, 2, 3],
  );
  assert.throws(() => checkChain([entries[0], entries[2]], 'x'), broken(2, /version 2 is missing/));
  assert.throws(() => checkChain([entries[0], entries[1], entries[1], entries[2]], 'x'), broken(2, /two stored versions claim serial 2/));
  assert.throws(() => checkChain([entries[0], { ...entries[1], lineage: 'other' }], 'x'), broken(2, /lineage other/));
  assert.throws(() => checkChain([{ ...entries[0], digest: 'sha256:edited' }, entries[1], entries[2]], 'x'), broken(2, /link from version 1 to version 2 is broken/));
  assert.throws(() => checkChain([entries[1], entries[2]], 'x'), broken(1, /version 1 is missing/));
});

test('local store: an edited, removed or inserted version is refused by every read', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ballast-chain-'));
  try {
    const store = new LocalDirStore(dir, { stack: 'app' });
    await putChain(store, 3);
    assert.equal((await store.get(1))?.resources['random_pet.name'].attributes.id, 'pet-1');
    assert.equal((await store.verify()).length, 3);

    // still valid JSON, still a valid version: only the chain tells
    const v1 = join(dir, 'versions', '00000001.json');
    const original = await readFile(v1, 'utf8');
    await writeFile(v1, original.replace('"pet-1"', '"pet-evil"'));
    await allReadsRefuse(store, 2, /version 2 \(file .*00000002\.json\) records its parent's digest as sha256:[0-9a-f]+, but version 1 \(file .*00000001\.json\) now has digest/);
    // a fresh store instance (another process) sees the same
    await allReadsRefuse(new LocalDirStore(dir, { stack: 'app' }), 2, /link from version 1 to version 2 is broken/);
    await writeFile(v1, original);
    assert.equal((await store.get(1))?.resources['random_pet.name'].attributes.id, 'pet-1');

    const v2 = join(dir, 'versions', '00000002.json');
    const second = await readFile(v2);
    await unlink(v2);
    await allReadsRefuse(store, 2, /version 2 is missing/);
    await writeFile(v2, second);
    assert.equal((await store.list()).length, 3);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

let moto: MotoServer | undefined;
let admin: S3Client | undefined;
before(async () => {
  moto = await startMoto();
  admin = new S3Client({ endpoint: moto.endpoint, region: moto.region, credentials: moto.credentials, forcePathStyle: true });
});
after(async () => {
  admin?.destroy();
  await moto?.stop();
});

test('S3 store: a forged object version or a deleted one breaks the chain for every read', async () => {
  const bucket = 'ballast-chain';
  const key = 'app/terraform.tfstate';
  await admin!.send(new CreateBucketCommand({ Bucket: bucket }));
  await admin!.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  const open = () => new S3Store({ bucket, key, region: moto!.region, endpoint: moto!.endpoint, accessKey: moto!.credentials.accessKeyId, secretKey: moto!.credentials.secretAccessKey });
  const store = open();
  try {
    const written = await putChain(store, 3);
    assert.equal((await store.verify()).length, 3);

    // someone uploads an edited copy of version 2 as a new object version (with matching metadata)
    const forged = { ...written[1], resources: { ...written[1].resources, 'random_pet.name': { ...written[1].resources['random_pet.name'], attributes: { id: 'pet-evil', length: 2, keepers: {} } } } };
    const bytes = serializeState(forged);
    const put = await admin!.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, Metadata: { 'ballast-serial': '2', 'ballast-digest': digestOf(bytes) } }));
    for (const s of [store, open()]) await allReadsRefuse(s, 2, /two stored versions claim serial 2/);
    await admin!.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: put.VersionId }));
    assert.equal((await store.current())?.serial, 3);

    // an old version removed from the bucket
    const listed = await admin!.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }));
    // S3 lists the versions of a key newest first
    const ours = (listed.Versions ?? []).filter((v) => v.Key === key);
    const oldest = ours[ours.length - 1];
    await admin!.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: oldest.VersionId }));
    for (const s of [store, open()]) await allReadsRefuse(s, 1, /version 1 is missing/);
  } finally {
    await store.close();
  }
});
