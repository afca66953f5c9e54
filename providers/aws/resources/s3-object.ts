// aws_s3_object: one object, from `content`, `content_base64` or a `source` file. Content
// changes re-upload the object; tag-only changes use the tagging API.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GetObjectTaggingCommand, HeadObjectCommand, PutObjectCommand, PutObjectTaggingCommand, type ObjectCannedACL, type ServerSideEncryption, type StorageClass } from '@aws-sdk/client-s3';
import { error } from '../../../engine/diagnostics.ts';
import { Unknown, isObject, isUnknown, type Value, type ValueObject } from '../../../engine/lang/value.ts';
import { sameValue } from '../../schema-plan.ts';
import { AwsUserError, httpStatus, isAwsError } from '../errors.ts';
import { tagAttributes } from '../resource-tags.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { TAGS, resourceSchema } from '../schema-overlay.ts';
import { diffTags, fromTagList, tagsOf } from '../tags.ts';
import { deleteAllVersions, isNoSuchBucket } from './s3-common.ts';

const schema = resourceSchema('aws_s3_object', {
  attributes: {
    bucket: { required: true, forceNew: true },
    key: { required: true, forceNew: true },
    etag: { optional: true, computed: true },
    content_type: { optional: true, computed: true },
    server_side_encryption: { optional: true, computed: true },
    kms_key_id: { optional: true, computed: true },
    storage_class: { optional: true, computed: true },
    bucket_key_enabled: { optional: true, computed: true },
    checksum_algorithm: { optional: true },
    force_destroy: { optional: true, default: false },
    acl: { optional: true },
    region: { optional: true, computed: true },
    ...TAGS,
  },
});

/** Attributes whose change means uploading the object again. */
const CONTENT_ATTRS = [
  'content',
  'content_base64',
  'source',
  'source_hash',
  'etag',
  'content_type',
  'cache_control',
  'content_disposition',
  'content_encoding',
  'content_language',
  'metadata',
  'server_side_encryption',
  'kms_key_id',
  'storage_class',
  'website_redirect',
  'bucket_key_enabled',
  'acl',
  'object_lock_legal_hold_status',
  'object_lock_mode',
  'object_lock_retain_until_date',
  'checksum_algorithm',
];
const str = (v: Value | undefined) => (typeof v === 'string' && v !== '' ? v : undefined);

function body(s: ValueObject, workingDir: string): Buffer {
  if (typeof s.content === 'string') return Buffer.from(s.content, 'utf8');
  if (typeof s.content_base64 === 'string') return Buffer.from(s.content_base64, 'base64');
  if (typeof s.source === 'string') {
    try {
      return readFileSync(resolve(workingDir, s.source));
    } catch (e) {
      throw new AwsUserError(`Cannot read the source file "${s.source}"`, `${(e as Error).message} (relative paths are resolved against ${workingDir})`, 'source');
    }
  }
  return Buffer.alloc(0);
}

/** The etag S3 will report for a single-part upload without KMS encryption, when it can be known now. */
function expectedEtag(s: ValueObject, workingDir: string): Value {
  if ([s.content, s.content_base64, s.source].some(isUnknown)) return new Unknown();
  if (str(s.kms_key_id) || s.server_side_encryption === 'aws:kms' || s.server_side_encryption === 'aws:kms:dsse') return new Unknown();
  try {
    return createHash('md5').update(body(s, workingDir)).digest('hex');
  } catch {
    return new Unknown();
  }
}

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const Bucket = String(state.bucket);
  const Key = String(state.key);
  let h;
  try {
    h = await ctx.clients.s3.send(new HeadObjectCommand({ Bucket, Key }));
  } catch (e) {
    if (isNoSuchBucket(e) || isAwsError(e, 'NoSuchKey', 'NotFound') || httpStatus(e) === 404) return null;
    throw e;
  }
  const remoteTags = fromTagList((await ctx.clients.s3.send(new GetObjectTaggingCommand({ Bucket, Key }))).TagSet);
  const metadata = h.Metadata && Object.keys(h.Metadata).length > 0 ? { ...h.Metadata } : isObject(state.metadata) ? {} : null;
  return {
    ...state,
    id: Key,
    arn: `arn:${ctx.partition}:s3:::${Bucket}/${Key}`,
    region: ctx.region,
    etag: (h.ETag ?? '').replace(/"/g, ''),
    version_id: h.VersionId ?? '',
    content_type: h.ContentType ?? null,
    cache_control: h.CacheControl ?? null,
    content_disposition: h.ContentDisposition ?? null,
    content_encoding: h.ContentEncoding ?? null,
    content_language: h.ContentLanguage ?? null,
    website_redirect: h.WebsiteRedirectLocation ?? null,
    metadata,
    server_side_encryption: h.ServerSideEncryption ?? null,
    kms_key_id: h.SSEKMSKeyId ?? null,
    bucket_key_enabled: h.BucketKeyEnabled ?? false,
    storage_class: h.StorageClass ?? 'STANDARD',
    ...tagAttributes(remoteTags, ctx.defaultTags, state.tags),
  };
}

async function upload(ctx: AwsContext, s: ValueObject): Promise<ValueObject> {
  const tags = tagsOf(s.tags_all);
  const metadata: Record<string, string> = {};
  if (isObject(s.metadata)) for (const [k, v] of Object.entries(s.metadata)) metadata[k] = String(v);
  await ctx.clients.s3.send(
    new PutObjectCommand({
      Bucket: String(s.bucket),
      Key: String(s.key),
      Body: body(s, ctx.workingDir),
      ContentType: str(s.content_type),
      CacheControl: str(s.cache_control),
      ContentDisposition: str(s.content_disposition),
      ContentEncoding: str(s.content_encoding),
      ContentLanguage: str(s.content_language),
      WebsiteRedirectLocation: str(s.website_redirect),
      Metadata: Object.keys(metadata).length ? metadata : undefined,
      ServerSideEncryption: str(s.server_side_encryption) as ServerSideEncryption | undefined,
      SSEKMSKeyId: str(s.kms_key_id),
      BucketKeyEnabled: s.bucket_key_enabled === true ? true : undefined,
      StorageClass: str(s.storage_class) as StorageClass | undefined,
      ACL: str(s.acl) as ObjectCannedACL | undefined,
      Tagging: Object.keys(tags).length ? new URLSearchParams(tags).toString() : undefined,
    }),
  );
  const state = await read(ctx, s);
  if (!state) throw new Error(`object s3://${String(s.bucket)}/${String(s.key)} is not visible after upload`);
  return state;
}

export const s3Object: AwsResource = {
  typeName: 'aws_s3_object',
  schema,
  describe: (s) => `s3://${String(s.bucket ?? '')}/${String(s.key ?? '')}`,
  validate(config) {
    const set = ['content', 'content_base64', 'source'].filter((k) => config[k] !== null && config[k] !== undefined);
    return set.length > 1
      ? [error('Conflicting configuration arguments', `Only one of content, content_base64 and source may be set; the configuration sets ${set.join(', ')}.`, { attribute: set[1] })]
      : [];
  },
  plan(p, pctx) {
    const { planned, prior, config } = p;
    const etagConfigured = typeof config.etag === 'string';
    const changed = prior !== null && CONTENT_ATTRS.some((a) => a !== 'etag' && !sameValue(planned[a] ?? null, prior[a] ?? null));
    if (!etagConfigured) {
      const expected = expectedEtag(planned, pctx.workingDir);
      if (prior === null || changed || (typeof expected === 'string' && expected !== prior.etag)) planned.etag = expected;
    }
    if (prior !== null && (changed || !sameValue(planned.etag, prior.etag ?? null))) planned.version_id = new Unknown();
  },
  create: upload,
  read,
  async update(ctx, prior, planned) {
    const contentChanged = CONTENT_ATTRS.some((a) => !sameValue(planned[a] ?? null, prior[a] ?? null));
    if (contentChanged) return upload(ctx, planned);
    const { set, remove } = diffTags(tagsOf(prior.tags_all), tagsOf(planned.tags_all));
    if (Object.keys(set).length || remove.length) {
      const all = tagsOf(planned.tags_all);
      await ctx.clients.s3.send(
        new PutObjectTaggingCommand({ Bucket: String(planned.bucket), Key: String(planned.key), Tagging: { TagSet: Object.entries(all).map(([Key, Value]) => ({ Key, Value })) } }),
      );
    }
    return (await read(ctx, planned)) ?? planned;
  },
  async delete(ctx, state) {
    try {
      await deleteAllVersions(ctx.clients.s3, String(state.bucket), String(state.key));
    } catch (e) {
      if (!isNoSuchBucket(e)) throw e;
    }
  },
  importState(id) {
    const m = /^(?:s3:\/\/)?([^/]+)\/(.+)$/.exec(id);
    if (!m) return error('Invalid import id', `aws_s3_object import ids are "bucket/key" or "s3://bucket/key", got "${id}".`);
    return { id: m[2], bucket: m[1], key: m[2] };
  },
};
