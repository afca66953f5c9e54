// S3 state store benchmark (issue 3): write 1,000 state versions (compare-and-swap puts, one
// object version each) to a versioned bucket on moto, then list them with a cold store (a new
// process would) and a warm one. Numbers only; nothing asserts on time.

import { CreateBucketCommand, PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { startMoto, motoAvailable } from '../test/helpers/moto.ts';
import { S3Store } from '../state/s3-store.ts';
import { digestOf, serializeState } from '../state/serialize.ts';
import { sampleVersion } from '../state/testdata/sample-version.ts';
import type { StateVersion } from '../state/model.ts';

const VERSIONS = 1000;

export async function run(): Promise<void> {
  if (!motoAvailable()) {
    console.log('moto is not installed (scripts/setup-venv.sh); skipping the S3 state benchmark');
    return;
  }
  const moto = await startMoto();
  const admin = new S3Client({ endpoint: moto.endpoint, region: moto.region, credentials: moto.credentials, forcePathStyle: true });
  const config = {
    bucket: 'bench-state',
    key: 'app/ballast.tfstate',
    region: moto.region,
    endpoint: moto.endpoint,
    accessKey: moto.credentials.accessKeyId,
    secretKey: moto.credentials.secretAccessKey,
  };
  const stores: S3Store[] = [];
  const open = () => {
    const s = new S3Store(config);
    stores.push(s);
    return s;
  };
  try {
    await admin.send(new CreateBucketCommand({ Bucket: config.bucket }));
    await admin.send(new PutBucketVersioningCommand({ Bucket: config.bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    const writer = open();
    let parent: StateVersion | null = null;
    const t0 = performance.now();
    for (let serial = 1; serial <= VERSIONS; serial++) {
      const v = sampleVersion(serial, parent ? digestOf(serializeState(parent)) : null);
      await writer.put(v, { expectedSerial: parent?.serial ?? null });
      parent = v;
    }
    const writeMs = performance.now() - t0;
    console.log(`write ${VERSIONS} state versions: ${(writeMs / 1000).toFixed(2)} s (${(writeMs / VERSIONS).toFixed(1)} ms per version)`);

    const cold = open();
    const t1 = performance.now();
    const listed = await cold.list();
    const coldMs = performance.now() - t1;
    const t2 = performance.now();
    await cold.list();
    const warmMs = performance.now() - t2;
    const t3 = performance.now();
    await open().get(500);
    const getMs = performance.now() - t3;
    console.log(`list ${listed.length} versions, cold store: ${(coldMs / 1000).toFixed(2)} s; warm (same store again): ${(warmMs / 1000).toFixed(2)} s`);
    console.log(`get version 500, cold store: ${(getMs / 1000).toFixed(2)} s`);
  } finally {
    for (const s of stores) await s.close();
    admin.destroy();
    await moto.stop();
  }
}
