// aws_sqs_queue: id is the queue URL; attributes map one-to-one onto SQS queue attributes.

import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueueTagsCommand,
  SetQueueAttributesCommand,
  TagQueueCommand,
  UntagQueueCommand,
  type QueueAttributeName,
} from '@aws-sdk/client-sqs';
import { error } from '../../../engine/diagnostics.ts';
import { isUnknown, type Value, type ValueObject } from '../../../engine/lang/value.ts';
import { sameValue } from '../../schema-plan.ts';
import { fromAwsAttribute, type AttributeKind } from '../attribute-map.ts';
import { keepEquivalentJsonAttributes } from '../equivalent-json-plan.ts';
import { isAwsError } from '../errors.ts';
import { nameAndPrefixConflict } from '../name-prefix-conflict.ts';
import { tagAttributes, updateTags } from '../resource-tags.ts';
import { retryWhile } from '../retry.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { REGION, TAGS, resourceSchema } from '../schema-overlay.ts';
import { tagsOf } from '../tags.ts';
import { nameFromConfig } from '../unique-name.ts';

const schema = resourceSchema('aws_sqs_queue', {
  attributes: {
    name: { optional: true, computed: true, forceNew: true },
    name_prefix: { optional: true, computed: true, forceNew: true },
    fifo_queue: { optional: true, default: false, forceNew: true },
    content_based_deduplication: { optional: true, default: false },
    deduplication_scope: { optional: true, computed: true },
    fifo_throughput_limit: { optional: true, computed: true },
    visibility_timeout_seconds: { optional: true, default: 30 },
    message_retention_seconds: { optional: true, default: 345600 },
    delay_seconds: { optional: true, default: 0 },
    max_message_size: { optional: true, default: 262144 },
    receive_wait_time_seconds: { optional: true, default: 0 },
    policy: { optional: true, computed: true },
    redrive_policy: { optional: true, computed: true },
    redrive_allow_policy: { optional: true, computed: true },
    kms_master_key_id: { optional: true, computed: true },
    kms_data_key_reuse_period_seconds: { optional: true, computed: true },
    sqs_managed_sse_enabled: { optional: true, computed: true },
    ...REGION,
    ...TAGS,
  },
});

/** Terraform attribute -> SQS attribute. */
const ATTRS: [string, QueueAttributeName, AttributeKind][] = [
  ['visibility_timeout_seconds', 'VisibilityTimeout', 'number'],
  ['message_retention_seconds', 'MessageRetentionPeriod', 'number'],
  ['delay_seconds', 'DelaySeconds', 'number'],
  ['max_message_size', 'MaximumMessageSize', 'number'],
  ['receive_wait_time_seconds', 'ReceiveMessageWaitTimeSeconds', 'number'],
  ['policy', 'Policy', 'json'],
  ['redrive_policy', 'RedrivePolicy', 'json'],
  ['redrive_allow_policy', 'RedriveAllowPolicy', 'json'],
  ['kms_master_key_id', 'KmsMasterKeyId', 'string'],
  ['kms_data_key_reuse_period_seconds', 'KmsDataKeyReusePeriodSeconds', 'number'],
  ['sqs_managed_sse_enabled', 'SqsManagedSseEnabled', 'bool'],
  ['content_based_deduplication', 'ContentBasedDeduplication', 'bool'],
  ['deduplication_scope', 'DeduplicationScope', 'string'],
  ['fifo_throughput_limit', 'FifoThroughputLimit', 'string'],
];
const FIFO_ONLY = new Set(['content_based_deduplication', 'deduplication_scope', 'fifo_throughput_limit']);

function toAttributes(s: ValueObject, only?: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  const fifo = s.fifo_queue === true;
  for (const [tf, aws] of ATTRS) {
    if (only && !only.has(tf)) continue;
    if (FIFO_ONLY.has(tf) && !fifo) continue;
    const v = s[tf];
    if (v === null || v === undefined || isUnknown(v)) continue;
    out[aws] = typeof v === 'string' ? v : String(v);
  }
  if (fifo && !only) out.FifoQueue = 'true';
  return out;
}

function fromAttributes(a: Record<string, string>, prior: ValueObject): ValueObject {
  const out: ValueObject = {};
  for (const [tf, aws, kind] of ATTRS) {
    const raw = a[aws];
    let v: Value = null;
    if (raw !== undefined) v = fromAwsAttribute(raw, kind, prior[tf]);
    out[tf] = v;
  }
  return out;
}

const nameFromUrl = (url: string): string => url.slice(url.lastIndexOf('/') + 1);

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const url = String(state.id ?? state.url);
  let attrs: Record<string, string>;
  try {
    attrs = (await ctx.clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes ?? {};
  } catch (e) {
    if (isAwsError(e, 'AWS.SimpleQueueService.NonExistentQueue', 'QueueDoesNotExist', 'NonExistentQueue')) return null;
    throw e;
  }
  const remoteTags = (await ctx.clients.sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags ?? {};
  const name = nameFromUrl(url);
  const fifo = attrs.FifoQueue === 'true';
  return {
    ...state,
    ...fromAttributes(attrs, state),
    id: url,
    url,
    arn: attrs.QueueArn ?? null,
    name,
    name_prefix: state.name_prefix ?? null,
    fifo_queue: fifo,
    content_based_deduplication: attrs.ContentBasedDeduplication === 'true',
    region: ctx.region,
    ...tagAttributes(remoteTags, ctx.defaultTags, state.tags),
  };
}

export const sqsQueue: AwsResource = {
  typeName: 'aws_sqs_queue',
  schema,
  describe: (s) => String(s.url ?? s.name ?? ''),
  validate(config) {
    const out = nameAndPrefixConflict(config);
    if (typeof config.name === 'string' && config.fifo_queue === true && !config.name.endsWith('.fifo'))
      out.push(error('Invalid queue name', `A FIFO queue name must end with ".fifo"; got "${config.name}".`, { attribute: 'name' }));
    return out;
  },
  plan: keepEquivalentJsonAttributes('policy', 'redrive_policy', 'redrive_allow_policy'),
  async create(ctx, planned) {
    const fifo = planned.fifo_queue === true;
    const name = nameFromConfig(planned.name, planned.name_prefix, fifo && typeof planned.name !== 'string' ? '.fifo' : '');
    const tags = tagsOf(planned.tags_all);
    // A queue deleted less than 60 s ago cannot be recreated under its name yet.
    const r = await retryWhile(
      () => ctx.clients.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: toAttributes(planned), tags: Object.keys(tags).length ? tags : undefined })),
      (e) => isAwsError(e, 'AWS.SimpleQueueService.QueueDeletedRecently', 'QueueDeletedRecently'),
      { timeoutMs: 70_000, signal: ctx.signal },
    );
    const state = await read(ctx, { ...planned, id: r.QueueUrl!, name });
    if (!state) throw new Error(`queue ${name} is not visible after it was created`);
    return state;
  },
  read,
  async update(ctx, prior, planned) {
    const url = String(prior.id);
    const changed = new Set(ATTRS.map(([tf]) => tf).filter((tf) => !sameValue(planned[tf] ?? null, prior[tf] ?? null)));
    const attrs = toAttributes(planned, changed);
    if (Object.keys(attrs).length) await ctx.clients.sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attrs }));
    await updateTags(prior, planned, {
      untag: (keys) => ctx.clients.sqs.send(new UntagQueueCommand({ QueueUrl: url, TagKeys: keys })),
      tag: (set) => ctx.clients.sqs.send(new TagQueueCommand({ QueueUrl: url, Tags: set })),
    });
    return (await read(ctx, { ...planned, id: url })) ?? planned;
  },
  async delete(ctx, state) {
    try {
      await ctx.clients.sqs.send(new DeleteQueueCommand({ QueueUrl: String(state.id) }));
    } catch (e) {
      if (!isAwsError(e, 'AWS.SimpleQueueService.NonExistentQueue', 'QueueDoesNotExist', 'NonExistentQueue')) throw e;
    }
  },
  importState: (id) => ({ id, url: id }),
};

/** The URL of a queue by name (used by tests and data lookups). */
export async function queueUrl(ctx: AwsContext, name: string): Promise<string> {
  return (await ctx.clients.sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
}
