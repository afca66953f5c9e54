import { test } from 'node:test';
import assert from 'node:assert/strict';
import { s3BackendFromTerraform, sseParams } from './s3-backend-config.ts';

test('reads cdktf S3Backend settings, nested endpoints winning over the flat one', () => {
  assert.deepEqual(
    s3BackendFromTerraform({
      bucket: 'b',
      key: 'app.tfstate',
      region: 'eu-west-1',
      endpoint: 'http://old',
      endpoints: { s3: 'http://127.0.0.1:9000' },
      use_path_style: true,
      use_lockfile: true,
      encrypt: true,
      kms_key_id: 'alias/k',
      profile: 'p',
      access_key: 'AK',
      secret_key: 'SK',
      dynamodb_table: 'ignored',
    }),
    {
      bucket: 'b',
      key: 'app.tfstate',
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9000',
      usePathStyle: true,
      useLockfile: true,
      encrypt: true,
      kmsKeyId: 'alias/k',
      profile: 'p',
      accessKey: 'AK',
      secretKey: 'SK',
    },
  );
  assert.deepEqual(s3BackendFromTerraform({ bucket: 'b', key: 'k', force_path_style: 'true', endpoint: 'http://e' }), {
    bucket: 'b',
    key: 'k',
    usePathStyle: true,
    endpoint: 'http://e',
  });
});

test('missing or mistyped settings name the setting', () => {
  assert.throws(() => s3BackendFromTerraform({ key: 'k' }), /"bucket" is required/);
  assert.throws(() => s3BackendFromTerraform({ bucket: 'b' }), /"key" is required/);
  assert.throws(() => s3BackendFromTerraform({ bucket: 'b', key: 'k', encrypt: 'yes' }), /"encrypt" must be a boolean/);
  assert.throws(() => s3BackendFromTerraform({ bucket: 'b', key: 'k', endpoints: { s3: 5 } }), /"endpoints.s3" must be a string/);
});

test('server-side encryption parameters', () => {
  assert.deepEqual(sseParams({}), {});
  assert.deepEqual(sseParams({ encrypt: true }), { ServerSideEncryption: 'AES256' });
  assert.deepEqual(sseParams({ encrypt: true, kmsKeyId: 'arn:k' }), { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'arn:k' });
});
