// aws_sns_topic: id is the topic ARN; attributes map onto SNS topic attributes.

import { CreateTopicCommand, DeleteTopicCommand, GetTopicAttributesCommand, ListTagsForResourceCommand, SetTopicAttributesCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-sns';
import { error } from '../../../engine/diagnostics.ts';
import { isUnknown, type Value, type ValueObject } from '../../../engine/lang/value.ts';
import { sameValue } from '../../schema-plan.ts';
import { isAwsError } from '../errors.ts';
import { keepEquivalentJson } from '../policy-json.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { REGION, TAGS, resourceSchema } from '../schema-overlay.ts';
import { diffTags, fromTagList, stateTags, tagsOf, toTagList } from '../tags.ts';
import { nameFromConfig } from '../unique-name.ts';

const schema = resourceSchema('aws_sns_topic', {
  attributes: {
    name: { optional: true, computed: true, forceNew: true },
    name_prefix: { optional: true, computed: true, forceNew: true },
    fifo_topic: { optional: true, default: false, forceNew: true },
    content_based_deduplication: { optional: true, default: false },
    policy: { optional: true, computed: true },
    delivery_policy: { optional: true },
    signature_version: { optional: true, computed: true },
    tracing_config: { optional: true, computed: true },
    fifo_throughput_scope: { optional: true, computed: true },
    ...REGION,
    ...TAGS,
  },
});

type Kind = 'number' | 'bool' | 'string' | 'json';
const ATTRS: [string, string, Kind][] = [
  ['display_name', 'DisplayName', 'string'],
  ['policy', 'Policy', 'json'],
  ['delivery_policy', 'DeliveryPolicy', 'json'],
  ['kms_master_key_id', 'KmsMasterKeyId', 'string'],
  ['signature_version', 'SignatureVersion', 'number'],
  ['tracing_config', 'TracingConfig', 'string'],
  ['content_based_deduplication', 'ContentBasedDeduplication', 'bool'],
  ['archive_policy', 'ArchivePolicy', 'json'],
  ['fifo_throughput_scope', 'FifoThroughputScope', 'string'],
  ...(['application', 'firehose', 'http', 'lambda', 'sqs'] as const).flatMap((p): [string, string, Kind][] => {
    const cap = p === 'http' ? 'HTTP' : p === 'sqs' ? 'SQS' : p[0].toUpperCase() + p.slice(1);
    return [[`${p}_success_feedback_role_arn`, `${cap}SuccessFeedbackRoleArn`, 'string'], [`${p}_failure_feedback_role_arn`, `${cap}FailureFeedbackRoleArn`, 'string'], [`${p}_success_feedback_sample_rate`, `${cap}SuccessFeedbackSampleRate`, 'number']];
  }),
];
const FIFO_ONLY = new Set(['content_based_deduplication', 'archive_policy', 'fifo_throughput_scope']);

function attrValue(v: Value | undefined): string | undefined {
  if (v === null || v === undefined || isUnknown(v)) return undefined;
  return typeof v === 'string' ? v : String(v);
}

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const arn = String(state.id ?? state.arn);
  let a: Record<string, string>;
  try {
    a = (await ctx.clients.sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes ?? {};
  } catch (e) {
    if (isAwsError(e, 'NotFound', 'NotFoundException')) return null;
    throw e;
  }
  const remoteTags = fromTagList((await ctx.clients.sns.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags);
  const out: ValueObject = { ...state };
  for (const [tf, aws, kind] of ATTRS) {
    const raw = a[aws];
    out[tf] = raw === undefined || raw === '' ? (kind === 'bool' ? false : null) : kind === 'number' ? Number(raw) : kind === 'bool' ? raw === 'true' : kind === 'json' ? keepEquivalentJson(raw, state[tf]) : raw;
  }
  return {
    ...out,
    id: arn,
    arn,
    name: arn.slice(arn.lastIndexOf(':') + 1),
    name_prefix: state.name_prefix ?? null,
    owner: a.Owner ?? arn.split(':')[4] ?? null,
    fifo_topic: a.FifoTopic === 'true',
    beginning_archive_time: a.BeginningArchiveTime ?? null,
    region: ctx.region,
    tags: stateTags(remoteTags, ctx.defaultTags, state.tags),
    tags_all: remoteTags,
  };
}

export const snsTopic: AwsResource = {
  typeName: 'aws_sns_topic',
  schema,
  describe: (s) => String(s.arn ?? s.name ?? ''),
  validate(config) {
    if (typeof config.name === 'string' && typeof config.name_prefix === 'string') return [error('Conflicting configuration arguments', '"name": conflicts with name_prefix', { attribute: 'name' })];
    return [];
  },
  plan(p) {
    for (const a of ['policy', 'delivery_policy', 'archive_policy']) p.planned[a] = keepEquivalentJson(p.planned[a], p.prior?.[a]);
  },
  async create(ctx, planned) {
    const fifo = planned.fifo_topic === true;
    const name = nameFromConfig(planned.name, planned.name_prefix, fifo && typeof planned.name !== 'string' ? '.fifo' : '');
    const attributes: Record<string, string> = {};
    for (const [tf, aws] of ATTRS) {
      const v = attrValue(planned[tf]);
      if (v !== undefined && (fifo || !FIFO_ONLY.has(tf)) && !(tf === 'content_based_deduplication' && !fifo)) attributes[aws] = v;
    }
    if (fifo) attributes.FifoTopic = 'true';
    const tags = tagsOf(planned.tags_all);
    const r = await ctx.clients.sns.send(new CreateTopicCommand({ Name: name, Attributes: attributes, Tags: Object.keys(tags).length ? toTagList(tags) : undefined }));
    const state = await read(ctx, { ...planned, id: r.TopicArn! });
    if (!state) throw new Error(`topic ${name} is not visible after it was created`);
    return state;
  },
  read,
  async update(ctx, prior, planned) {
    const arn = String(prior.id);
    for (const [tf, aws] of ATTRS) {
      if (sameValue(planned[tf] ?? null, prior[tf] ?? null)) continue;
      await ctx.clients.sns.send(new SetTopicAttributesCommand({ TopicArn: arn, AttributeName: aws, AttributeValue: attrValue(planned[tf]) ?? '' }));
    }
    const { set, remove } = diffTags(tagsOf(prior.tags_all), tagsOf(planned.tags_all));
    if (remove.length) await ctx.clients.sns.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: remove }));
    if (Object.keys(set).length) await ctx.clients.sns.send(new TagResourceCommand({ ResourceArn: arn, Tags: toTagList(set) }));
    return (await read(ctx, { ...planned, id: arn })) ?? planned;
  },
  async delete(ctx, state) {
    try {
      await ctx.clients.sns.send(new DeleteTopicCommand({ TopicArn: String(state.id) }));
    } catch (e) {
      if (!isAwsError(e, 'NotFound', 'NotFoundException')) throw e;
    }
  },
  importState: (id) => ({ id, arn: id }),
};
