import { test } from 'node:test';
import assert from 'node:assert/strict';
import { S3Client, CreateBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { startMoto } from './helpers/moto.ts';
test('moto', async () => {
  const m = await startMoto();
  try {
    const s3 = new S3Client({ endpoint: m.endpoint, region: m.region, credentials: m.credentials, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'ballast-smoke' }));
    const r = await s3.send(new ListBucketsCommand({}));
    assert.equal(r.Buckets?.[0].Name, 'ballast-smoke');
  } finally {
    await m.stop();
  }
});
