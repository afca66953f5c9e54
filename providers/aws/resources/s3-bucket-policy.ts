// aws_s3_bucket_policy: the bucket policy document, compared by meaning.

import { DeleteBucketPolicyCommand, GetBucketPolicyCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import type { ValueObject } from '../../../engine/lang/value.ts';
import { isAwsError } from '../errors.ts';
import { keepEquivalentJson } from '../policy-json.ts';
import { retryWhile } from '../retry.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { REGION, resourceSchema } from '../schema-overlay.ts';
import { isNoSuchBucket } from './s3-common.ts';

const schema = resourceSchema('aws_s3_bucket_policy', {
  attributes: { bucket: { required: true, forceNew: true }, policy: { required: true }, ...REGION },
});

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const bucket = String(state.bucket ?? state.id);
  let policy: string | undefined;
  try {
    policy = (await ctx.clients.s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy;
  } catch (e) {
    if (isNoSuchBucket(e) || isAwsError(e, 'NoSuchBucketPolicy')) return null;
    throw e;
  }
  if (!policy) return null;
  return { ...state, id: bucket, bucket, region: ctx.region, policy: keepEquivalentJson(policy, state.policy) };
}

async function put(ctx: AwsContext, s: ValueObject): Promise<ValueObject> {
  const bucket = String(s.bucket);
  // Principals created moments ago may not be valid in a policy yet.
  await retryWhile(() => ctx.clients.s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: String(s.policy) })), (e) => isAwsError(e, 'MalformedPolicy') && /principal/i.test(String((e as Error).message)), { timeoutMs: 60_000, signal: ctx.signal });
  return (await read(ctx, { ...s, id: bucket })) ?? s;
}

export const s3BucketPolicy: AwsResource = {
  typeName: 'aws_s3_bucket_policy',
  schema,
  describe: (s) => String(s.bucket ?? ''),
  plan(p) {
    p.planned.policy = keepEquivalentJson(p.planned.policy, p.prior?.policy);
  },
  create: put,
  read,
  update: (ctx, _prior, planned) => put(ctx, planned),
  async delete(ctx, state) {
    try {
      await ctx.clients.s3.send(new DeleteBucketPolicyCommand({ Bucket: String(state.bucket) }));
    } catch (e) {
      if (!isNoSuchBucket(e) && !isAwsError(e, 'NoSuchBucketPolicy')) throw e;
    }
  },
  importState: (id) => ({ id, bucket: id }),
};
