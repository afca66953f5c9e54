// aws_s3_bucket: the bucket itself, its tags and object lock; everything else lives in the
// separate aws_s3_bucket_* resources (the legacy inline blocks are accepted, not acted on).

import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketTaggingCommand,
  GetBucketTaggingCommand,
  GetObjectLockConfigurationCommand,
  PutBucketTaggingCommand,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import type { ValueObject } from '../../../engine/lang/value.ts';
import { isAwsError } from '../errors.ts';
import { nameAndPrefixConflict } from '../name-prefix-conflict.ts';
import { tagAttributes } from '../resource-tags.ts';
import { retryWhile } from '../retry.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { TAGS, resourceSchema } from '../schema-overlay.ts';
import { diffTags, fromTagList, tagsOf, toTagList, type Tags } from '../tags.ts';
import { nameFromConfig } from '../unique-name.ts';
import { bucketAddresses } from './s3-bucket-addresses.ts';
import { bucketExists, bucketRegion, deleteAllVersions } from './s3-common.ts';

const schema = resourceSchema('aws_s3_bucket', {
  attributes: {
    bucket: { optional: true, computed: true, forceNew: true },
    bucket_prefix: { optional: true, forceNew: true },
    force_destroy: { optional: true, default: false },
    object_lock_enabled: { optional: true, computed: true, forceNew: true },
    acceleration_status: { optional: true, computed: true },
    acl: { optional: true },
    policy: { optional: true, computed: true },
    request_payer: { optional: true, computed: true },
    region: { optional: true, computed: true },
    ...TAGS,
  },
});

async function putTags(ctx: AwsContext, bucket: string, before: Tags, after: Tags): Promise<void> {
  const { set, remove } = diffTags(before, after);
  if (Object.keys(set).length === 0 && remove.length === 0) return;
  if (Object.keys(after).length === 0) await ctx.clients.s3.send(new DeleteBucketTaggingCommand({ Bucket: bucket }));
  else await ctx.clients.s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: toTagList(after) } }));
}

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const s3 = ctx.clients.s3;
  const bucket = String(state.id ?? state.bucket);
  if (!(await bucketExists(s3, bucket))) return null;
  const region = await bucketRegion(s3, bucket, ctx.region);
  let remoteTags: Tags = {};
  try {
    remoteTags = fromTagList((await s3.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet);
  } catch (e) {
    if (!isAwsError(e, 'NoSuchTagSet', 'NoSuchTagSetError')) throw e;
  }
  let objectLock = false;
  try {
    const r = await s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }));
    objectLock = r.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled';
  } catch (e) {
    if (!isAwsError(e, 'ObjectLockConfigurationNotFoundError', 'NoSuchObjectLockConfiguration')) throw e;
  }
  return {
    ...state,
    id: bucket,
    bucket,
    ...bucketAddresses(ctx, bucket, region),
    object_lock_enabled: objectLock,
    ...tagAttributes(remoteTags, ctx.defaultTags, state.tags),
  };
}

export const s3Bucket: AwsResource = {
  typeName: 'aws_s3_bucket',
  schema,
  describe: (s) => String(s.bucket ?? s.id ?? ''),
  validate: (config) => nameAndPrefixConflict(config, 'bucket'),
  async create(ctx, planned) {
    const bucket = nameFromConfig(planned.bucket, planned.bucket_prefix);
    await ctx.clients.s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        CreateBucketConfiguration: ctx.region === 'us-east-1' ? undefined : { LocationConstraint: ctx.region as BucketLocationConstraint },
        ObjectLockEnabledForBucket: planned.object_lock_enabled === true ? true : undefined,
      }),
    );
    // A new bucket can take a moment to be visible to the tagging API.
    await retryWhile(
      () => putTags(ctx, bucket, {}, tagsOf(planned.tags_all)),
      (e) => isAwsError(e, 'NoSuchBucket'),
      { timeoutMs: 30_000, signal: ctx.signal },
    );
    const state = await read(ctx, { ...planned, id: bucket, bucket });
    if (!state) throw new Error(`bucket ${bucket} disappeared right after it was created`);
    return state;
  },
  read,
  async update(ctx, prior, planned) {
    const bucket = String(prior.id);
    await putTags(ctx, bucket, tagsOf(prior.tags_all), tagsOf(planned.tags_all));
    return (await read(ctx, { ...planned, id: bucket })) ?? planned;
  },
  async delete(ctx, state) {
    const bucket = String(state.id);
    try {
      await ctx.clients.s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    } catch (e) {
      if (isAwsError(e, 'NoSuchBucket')) return;
      if (!isAwsError(e, 'BucketNotEmpty') || state.force_destroy !== true) throw e;
      await deleteAllVersions(ctx.clients.s3, bucket);
      await ctx.clients.s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    }
  },
  importState: (id) => ({ id, bucket: id }),
};
