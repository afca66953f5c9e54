// A bucket configuration resource (aws_s3_bucket_policy, _public_access_block, ...): one
// setting of a bucket with a get, a put and a delete call. A put writes the whole setting, so
// create and update are the same call; once the bucket is gone the setting is gone too.

import type { ValueObject } from '../../../engine/lang/value.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { isAwsError } from '../errors.ts';
import { isNoSuchBucket } from './s3-common.ts';

/** The result of a get call, or null when the bucket or (by these AWS error codes) the setting does not exist. */
export async function getBucketConfig<T>(get: () => Promise<T>, ...missingCodes: string[]): Promise<T | null> {
  try {
    return await get();
  } catch (e) {
    if (isNoSuchBucket(e) || isAwsError(e, ...missingCodes)) return null;
    throw e;
  }
}

/** Runs a delete call; a bucket (or, by these AWS error codes, a setting) that is already gone is no error. */
export async function deleteBucketConfig(del: () => Promise<unknown>, ...missingCodes: string[]): Promise<void> {
  try {
    await del();
  } catch (e) {
    if (!isNoSuchBucket(e) && !isAwsError(e, ...missingCodes)) throw e;
  }
}

export type BucketConfigSpec = Omit<AwsResource, 'describe' | 'create' | 'update'> & {
  /** writes the setting and returns its state */
  put(ctx: AwsContext, planned: ValueObject): Promise<ValueObject>;
};

/** The resource of a bucket setting: described by its bucket, created and updated by `put`. */
export function bucketConfigResource({ put, ...spec }: BucketConfigSpec): AwsResource {
  return { ...spec, describe: (s) => String(s.bucket ?? ''), create: put, update: (ctx, _prior, planned) => put(ctx, planned) };
}
