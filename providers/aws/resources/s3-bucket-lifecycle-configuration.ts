// aws_s3_bucket_lifecycle_configuration: expiration/transition rules of a bucket. The rule
// shapes are translated both ways so that a read gives back what the configuration wrote.

import { DeleteBucketLifecycleCommand, GetBucketLifecycleConfigurationCommand, PutBucketLifecycleConfigurationCommand, type LifecycleRule, type LifecycleRuleFilter } from '@aws-sdk/client-s3';
import { isObject, markSet, type Value, type ValueObject } from '../../../engine/lang/value.ts';
import { blockItems } from '../../schema-plan.ts';
import { isAwsError } from '../errors.ts';
import { retryWhile } from '../retry.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { REGION, resourceSchema } from '../schema-overlay.ts';
import { bucketConfigResource, deleteBucketConfig, getBucketConfig } from './s3-bucket-config.ts';
import { bucketAndOwner, bucketOwnerId, ownerOf } from './s3-common.ts';

const one = { nesting: 'list' as const, maxItems: 1 };
const schema = resourceSchema('aws_s3_bucket_lifecycle_configuration', {
  attributes: {
    bucket: { required: true, forceNew: true },
    expected_bucket_owner: { optional: true, forceNew: true },
    transition_default_minimum_object_size: { optional: true, computed: true },
    ...REGION,
  },
  blocks: {
    rule: {
      nesting: 'list',
      minItems: 1,
      block: {
        attributes: { prefix: { optional: true } },
        blocks: {
          abort_incomplete_multipart_upload: one,
          expiration: { ...one, block: { attributes: { expired_object_delete_marker: { optional: true } } } },
          filter: { ...one, block: { blocks: { and: one, tag: one } } },
          noncurrent_version_expiration: one,
        },
      },
    },
  },
});

const items = (v: Value | undefined): ValueObject[] => blockItems(v ?? null).filter(isObject);
const first = (v: Value | undefined): ValueObject | undefined => items(v)[0];
const num = (v: Value | undefined) => (typeof v === 'number' ? v : undefined);
const str = (v: Value | undefined) => (typeof v === 'string' ? v : undefined);
const n = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function toFilter(f: ValueObject | undefined): LifecycleRuleFilter | undefined {
  if (!f) return undefined;
  const and = first(f.and);
  const tag = first(f.tag);
  if (and) {
    return {
      And: {
        Prefix: str(and.prefix),
        ObjectSizeGreaterThan: num(and.object_size_greater_than),
        ObjectSizeLessThan: num(and.object_size_less_than),
        Tags: isObject(and.tags) ? Object.entries(and.tags).map(([Key, V]) => ({ Key, Value: String(V) })) : undefined,
      },
    };
  }
  if (tag) return { Tag: { Key: String(tag.key), Value: String(tag.value) } };
  if (num(f.object_size_greater_than) !== undefined) return { ObjectSizeGreaterThan: num(f.object_size_greater_than) };
  if (num(f.object_size_less_than) !== undefined) return { ObjectSizeLessThan: num(f.object_size_less_than) };
  return { Prefix: str(f.prefix) ?? '' };
}

function toRule(r: ValueObject): LifecycleRule {
  const exp = first(r.expiration);
  const nve = first(r.noncurrent_version_expiration);
  const abort = first(r.abort_incomplete_multipart_upload);
  const filter = toFilter(first(r.filter));
  return {
    ID: str(r.id),
    Status: str(r.status) as LifecycleRule['Status'],
    ...(filter ? { Filter: filter } : { Prefix: str(r.prefix) ?? (first(r.filter) ? undefined : '') }),
    Expiration: exp
      ? { Days: num(exp.days) || undefined, Date: str(exp.date) ? new Date(str(exp.date)!) : undefined, ExpiredObjectDeleteMarker: exp.expired_object_delete_marker === true ? true : undefined }
      : undefined,
    NoncurrentVersionExpiration: nve ? { NoncurrentDays: num(nve.noncurrent_days), NewerNoncurrentVersions: num(nve.newer_noncurrent_versions) } : undefined,
    AbortIncompleteMultipartUpload: abort ? { DaysAfterInitiation: num(abort.days_after_initiation) } : undefined,
    Transitions: items(r.transition).map((t) => ({ Days: num(t.days), Date: str(t.date) ? new Date(str(t.date)!) : undefined, StorageClass: str(t.storage_class) as never })),
    NoncurrentVersionTransitions: items(r.noncurrent_version_transition).map((t) => ({
      NoncurrentDays: num(t.noncurrent_days),
      NewerNoncurrentVersions: num(t.newer_noncurrent_versions),
      StorageClass: str(t.storage_class) as never,
    })),
  };
}

const isoDate = (d: Date | undefined): string | null => (d ? d.toISOString().replace('.000Z', 'Z') : null);

function fromFilter(f: LifecycleRuleFilter | undefined): ValueObject[] {
  if (!f) return [];
  const base = { prefix: null, object_size_greater_than: null, object_size_less_than: null, and: [], tag: [] } as ValueObject;
  if (f.And) {
    const tags: ValueObject = {};
    for (const t of f.And.Tags ?? []) if (t.Key) tags[t.Key] = t.Value ?? '';
    return [
      {
        ...base,
        and: [{ prefix: n(f.And.Prefix), object_size_greater_than: n(f.And.ObjectSizeGreaterThan), object_size_less_than: n(f.And.ObjectSizeLessThan), tags: Object.keys(tags).length ? tags : null }],
      },
    ];
  }
  if (f.Tag) return [{ ...base, tag: [{ key: f.Tag.Key ?? '', value: f.Tag.Value ?? '' }] }];
  return [{ ...base, prefix: n(f.Prefix), object_size_greater_than: n(f.ObjectSizeGreaterThan), object_size_less_than: n(f.ObjectSizeLessThan) }];
}

function fromRule(r: LifecycleRule): ValueObject {
  return {
    id: r.ID ?? '',
    status: r.Status ?? '',
    prefix: n((r as { Prefix?: string }).Prefix),
    filter: fromFilter(r.Filter),
    expiration: r.Expiration ? [{ days: n(r.Expiration.Days), date: isoDate(r.Expiration.Date), expired_object_delete_marker: n(r.Expiration.ExpiredObjectDeleteMarker) }] : [],
    noncurrent_version_expiration: r.NoncurrentVersionExpiration
      ? [{ noncurrent_days: n(r.NoncurrentVersionExpiration.NoncurrentDays), newer_noncurrent_versions: n(r.NoncurrentVersionExpiration.NewerNoncurrentVersions) }]
      : [],
    abort_incomplete_multipart_upload: r.AbortIncompleteMultipartUpload ? [{ days_after_initiation: n(r.AbortIncompleteMultipartUpload.DaysAfterInitiation) }] : [],
    transition: markSet((r.Transitions ?? []).map((t) => ({ days: n(t.Days), date: isoDate(t.Date), storage_class: n(t.StorageClass as string | undefined) }))),
    noncurrent_version_transition: markSet(
      (r.NoncurrentVersionTransitions ?? []).map((t) => ({
        noncurrent_days: n(t.NoncurrentDays),
        newer_noncurrent_versions: n(t.NewerNoncurrentVersions),
        storage_class: n(t.StorageClass as string | undefined),
      })),
    ),
  };
}

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const bucket = String(state.bucket);
  const out = await getBucketConfig(
    () => ctx.clients.s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket, ExpectedBucketOwner: ownerOf(state.expected_bucket_owner) })),
    'NoSuchLifecycleConfiguration',
  );
  if (!out) return null;
  return {
    ...state,
    id: bucketOwnerId(bucket, state.expected_bucket_owner),
    region: ctx.region,
    transition_default_minimum_object_size: out.TransitionDefaultMinimumObjectSize ?? state.transition_default_minimum_object_size ?? 'all_storage_classes_128K',
    rule: (out.Rules ?? []).map(fromRule),
  };
}

async function put(ctx: AwsContext, s: ValueObject): Promise<ValueObject> {
  const input = {
    Bucket: String(s.bucket),
    ExpectedBucketOwner: ownerOf(s.expected_bucket_owner),
    TransitionDefaultMinimumObjectSize: str(s.transition_default_minimum_object_size) as never,
    LifecycleConfiguration: { Rules: items(s.rule).map(toRule) },
  };
  await ctx.clients.s3.send(new PutBucketLifecycleConfigurationCommand(input));
  // S3 applies lifecycle changes eventually; wait until a read shows them.
  const state = await retryWhile(
    async () => {
      const r = await read(ctx, s);
      if (!r) throw Object.assign(new Error('lifecycle configuration not visible yet'), { name: 'NoSuchLifecycleConfiguration' });
      return r;
    },
    (e) => isAwsError(e, 'NoSuchLifecycleConfiguration'),
    { timeoutMs: 30_000, signal: ctx.signal },
  );
  return state;
}

export const s3BucketLifecycleConfiguration: AwsResource = bucketConfigResource({
  typeName: 'aws_s3_bucket_lifecycle_configuration',
  schema,
  put,
  read,
  delete: (ctx, state) => deleteBucketConfig(() => ctx.clients.s3.send(new DeleteBucketLifecycleCommand({ Bucket: String(state.bucket), ExpectedBucketOwner: ownerOf(state.expected_bucket_owner) }))),
  importState: (id) => ({ ...bucketAndOwner(id), id }),
});
