// aws_s3_bucket_server_side_encryption_configuration: default encryption of new objects.

import { DeleteBucketEncryptionCommand, GetBucketEncryptionCommand, PutBucketEncryptionCommand, type ServerSideEncryption } from '@aws-sdk/client-s3';
import { isObject, markSet, type ValueObject } from '../../../engine/lang/value.ts';
import { blockItems } from '../../schema-plan.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { REGION, resourceSchema } from '../schema-overlay.ts';
import { bucketConfigResource, deleteBucketConfig, getBucketConfig } from './s3-bucket-config.ts';
import { bucketAndOwner, bucketOwnerId, ownerOf } from './s3-common.ts';

const schema = resourceSchema('aws_s3_bucket_server_side_encryption_configuration', {
  attributes: { bucket: { required: true, forceNew: true }, expected_bucket_owner: { optional: true, forceNew: true }, ...REGION },
  blocks: {
    rule: {
      nesting: 'set',
      minItems: 1,
      block: {
        attributes: { bucket_key_enabled: { optional: true } },
        blocks: { apply_server_side_encryption_by_default: { nesting: 'list', maxItems: 1, block: { attributes: { sse_algorithm: { required: true }, kms_master_key_id: { optional: true } } } } },
      },
    },
  },
});

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const bucket = String(state.bucket);
  const out = await getBucketConfig(
    () => ctx.clients.s3.send(new GetBucketEncryptionCommand({ Bucket: bucket, ExpectedBucketOwner: ownerOf(state.expected_bucket_owner) })),
    'ServerSideEncryptionConfigurationNotFoundError',
  );
  if (!out) return null;
  const rules = out.ServerSideEncryptionConfiguration?.Rules ?? [];
  return {
    ...state,
    id: bucketOwnerId(bucket, state.expected_bucket_owner),
    region: ctx.region,
    rule: markSet(
      rules.map((r) => ({
        bucket_key_enabled: r.BucketKeyEnabled ?? null,
        apply_server_side_encryption_by_default: r.ApplyServerSideEncryptionByDefault
          ? [{ sse_algorithm: r.ApplyServerSideEncryptionByDefault.SSEAlgorithm ?? null, kms_master_key_id: r.ApplyServerSideEncryptionByDefault.KMSMasterKeyID ?? null }]
          : [],
      })),
    ),
  };
}

async function put(ctx: AwsContext, s: ValueObject): Promise<ValueObject> {
  const rules = blockItems(s.rule ?? null)
    .filter(isObject)
    .map((r) => {
      const d = blockItems(r.apply_server_side_encryption_by_default ?? null).find(isObject);
      return {
        BucketKeyEnabled: typeof r.bucket_key_enabled === 'boolean' ? r.bucket_key_enabled : undefined,
        ApplyServerSideEncryptionByDefault: d ? { SSEAlgorithm: String(d.sse_algorithm) as ServerSideEncryption, KMSMasterKeyID: str(d.kms_master_key_id) } : undefined,
      };
    });
  await ctx.clients.s3.send(new PutBucketEncryptionCommand({ Bucket: String(s.bucket), ExpectedBucketOwner: ownerOf(s.expected_bucket_owner), ServerSideEncryptionConfiguration: { Rules: rules } }));
  return (await read(ctx, s)) ?? s;
}

export const s3BucketServerSideEncryptionConfiguration: AwsResource = bucketConfigResource({
  typeName: 'aws_s3_bucket_server_side_encryption_configuration',
  schema,
  put,
  read,
  delete: (ctx, state) => deleteBucketConfig(() => ctx.clients.s3.send(new DeleteBucketEncryptionCommand({ Bucket: String(state.bucket), ExpectedBucketOwner: ownerOf(state.expected_bucket_owner) }))),
  importState: (id) => ({ ...bucketAndOwner(id), id }),
});
