// aws_s3_bucket_policy: the bucket policy document, compared by meaning.

import { DeleteBucketPolicyCommand, GetBucketPolicyCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import type { ValueObject } from '../../../engine/lang/value.ts';
import { keepEquivalentJsonAttributes } from '../equivalent-json-plan.ts';
import { isAwsError } from '../errors.ts';
import { keepEquivalentJson } from '../policy-json.ts';
import { retryWhile } from '../retry.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { REGION, resourceSchema } from '../schema-overlay.ts';
import { bucketConfigResource, deleteBucketConfig, getBucketConfig } from './s3-bucket-config.ts';

const schema = resourceSchema('aws_s3_bucket_policy', {
  attributes: { bucket: { required: true, forceNew: true }, policy: { required: true }, ...REGION },
});

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const bucket = String(state.bucket ?? state.id);
  const policy = (await getBucketConfig(() => ctx.clients.s3.send(new GetBucketPolicyCommand({ Bucket: bucket })), 'NoSuchBucketPolicy'))?.Policy;
  if (!policy) return null;
  return { ...state, id: bucket, bucket, region: ctx.region, policy: keepEquivalentJson(policy, state.policy) };
}

async function put(ctx: AwsContext, s: ValueObject): Promise<ValueObject> {
  const bucket = String(s.bucket);
  // Principals created moments ago may not be valid in a policy yet.
  await retryWhile(
    () => ctx.clients.s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: String(s.policy) })),
    (e) => isAwsError(e, 'MalformedPolicy') && /principal/i.test(String((e as Error).message)),
    { timeoutMs: 60_000, signal: ctx.signal },
  );
  return (await read(ctx, { ...s, id: bucket })) ?? s;
}

export const s3BucketPolicy: AwsResource = bucketConfigResource({
  typeName: 'aws_s3_bucket_policy',
  schema,
  plan: keepEquivalentJsonAttributes('policy'),
  put,
  read,
  delete: (ctx, state) => deleteBucketConfig(() => ctx.clients.s3.send(new DeleteBucketPolicyCommand({ Bucket: String(state.bucket) })), 'NoSuchBucketPolicy'),
  importState: (id) => ({ id, bucket: id }),
});
