// aws_s3_bucket_versioning: the bucket's versioning state. Destroying an Enabled
// configuration suspends versioning (S3 cannot turn it off again).

import { GetBucketVersioningCommand, PutBucketVersioningCommand, type BucketVersioningStatus, type MFADelete } from '@aws-sdk/client-s3';
import { isObject, type ValueObject } from '../../../engine/lang/value.ts';
import { blockItems } from '../../schema-plan.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { REGION, resourceSchema } from '../schema-overlay.ts';
import { deleteBucketConfig, getBucketConfig } from './s3-bucket-config.ts';
import { bucketAndOwner, bucketOwnerId, ownerOf } from './s3-common.ts';

const schema = resourceSchema('aws_s3_bucket_versioning', {
  attributes: {
    bucket: { required: true, forceNew: true },
    expected_bucket_owner: { optional: true, forceNew: true },
    mfa: { optional: true, sensitive: false },
    ...REGION,
  },
  blocks: {
    versioning_configuration: { nesting: 'list', minItems: 1, maxItems: 1, block: { attributes: { status: { required: true }, mfa_delete: { optional: true, computed: true } } } },
  },
});

const configOf = (s: ValueObject): ValueObject => (blockItems(s.versioning_configuration ?? null).find(isObject) as ValueObject | undefined) ?? {};

async function put(ctx: AwsContext, s: ValueObject, status: string): Promise<void> {
  const c = configOf(s);
  await ctx.clients.s3.send(
    new PutBucketVersioningCommand({
      Bucket: String(s.bucket),
      ExpectedBucketOwner: ownerOf(s.expected_bucket_owner),
      MFA: typeof s.mfa === 'string' ? s.mfa : undefined,
      VersioningConfiguration: { Status: status as BucketVersioningStatus, MFADelete: typeof c.mfa_delete === 'string' ? (c.mfa_delete as MFADelete) : undefined },
    }),
  );
}

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const bucket = String(state.bucket);
  const r = await getBucketConfig(() => ctx.clients.s3.send(new GetBucketVersioningCommand({ Bucket: bucket, ExpectedBucketOwner: ownerOf(state.expected_bucket_owner) })));
  if (!r) return null;
  const prior = configOf(state);
  return {
    ...state,
    id: bucketOwnerId(bucket, state.expected_bucket_owner),
    region: ctx.region,
    versioning_configuration: [{ status: r.Status ?? 'Disabled', mfa_delete: r.MFADelete ?? (prior.mfa_delete as string | null | undefined) ?? null }],
  };
}

export const s3BucketVersioning: AwsResource = {
  typeName: 'aws_s3_bucket_versioning',
  schema,
  describe: (s) => String(s.bucket ?? ''),
  async create(ctx, planned) {
    const status = String(configOf(planned).status);
    // A bucket that never had versioning is already "Disabled"; S3 does not accept that status.
    if (status !== 'Disabled') await put(ctx, planned, status);
    return (await read(ctx, planned)) ?? planned;
  },
  read,
  async update(ctx, _prior, planned) {
    const status = String(configOf(planned).status);
    await put(ctx, planned, status === 'Disabled' ? 'Suspended' : status);
    return (await read(ctx, planned)) ?? planned;
  },
  async delete(ctx, state) {
    if (configOf(state).status !== 'Enabled') return;
    await deleteBucketConfig(() => put(ctx, state, 'Suspended'));
  },
  importState: (id) => ({ ...bucketAndOwner(id), id }),
};
