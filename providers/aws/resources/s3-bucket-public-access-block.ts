// aws_s3_bucket_public_access_block: the four public-access switches of a bucket.

import { DeletePublicAccessBlockCommand, GetPublicAccessBlockCommand, PutPublicAccessBlockCommand } from '@aws-sdk/client-s3';
import type { ValueObject } from '../../../engine/lang/value.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { REGION, resourceSchema } from '../schema-overlay.ts';
import { bucketConfigResource, deleteBucketConfig, getBucketConfig } from './s3-bucket-config.ts';

const schema = resourceSchema('aws_s3_bucket_public_access_block', {
  attributes: {
    bucket: { required: true, forceNew: true },
    block_public_acls: { optional: true, default: false },
    block_public_policy: { optional: true, default: false },
    ignore_public_acls: { optional: true, default: false },
    restrict_public_buckets: { optional: true, default: false },
    skip_destroy: { optional: true },
    ...REGION,
  },
});

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const bucket = String(state.bucket ?? state.id);
  const out = await getBucketConfig(() => ctx.clients.s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket })), 'NoSuchPublicAccessBlockConfiguration');
  if (!out) return null;
  const c = out.PublicAccessBlockConfiguration;
  return {
    ...state,
    id: bucket,
    bucket,
    region: ctx.region,
    block_public_acls: c?.BlockPublicAcls ?? false,
    block_public_policy: c?.BlockPublicPolicy ?? false,
    ignore_public_acls: c?.IgnorePublicAcls ?? false,
    restrict_public_buckets: c?.RestrictPublicBuckets ?? false,
  };
}

async function put(ctx: AwsContext, s: ValueObject): Promise<ValueObject> {
  const bucket = String(s.bucket);
  await ctx.clients.s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: bucket,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: s.block_public_acls === true,
        BlockPublicPolicy: s.block_public_policy === true,
        IgnorePublicAcls: s.ignore_public_acls === true,
        RestrictPublicBuckets: s.restrict_public_buckets === true,
      },
    }),
  );
  return (await read(ctx, { ...s, id: bucket })) ?? s;
}

export const s3BucketPublicAccessBlock: AwsResource = bucketConfigResource({
  typeName: 'aws_s3_bucket_public_access_block',
  schema,
  put,
  read,
  async delete(ctx, state) {
    if (state.skip_destroy === true) return;
    await deleteBucketConfig(() => ctx.clients.s3.send(new DeletePublicAccessBlockCommand({ Bucket: String(state.bucket) })), 'NoSuchPublicAccessBlockConfiguration');
  },
  importState: (id) => ({ id, bucket: id }),
});
