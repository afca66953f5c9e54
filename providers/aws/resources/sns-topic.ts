// aws_sns_topic: id is the topic ARN; attributes map onto SNS topic attributes.

import {
  CreateTopicCommand,
  DeleteTopicCommand,
  GetTopicAttributesCommand,
  ListTagsForResourceCommand,
  SetTopicAttributesCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-sns';
import { isUnknown, type Value, type ValueObject } from '../../../engine/lang/value.ts';
import { sameValue } from '../../schema-plan.ts';
import type { AttributeKind } from '../attribute-map.ts';
import { keepEquivalentJsonAttributes } from '../equivalent-json-plan.ts';
import { isAwsError } from '../errors.ts';
import { nameAndPrefixConflict } from '../name-prefix-conflict.ts';
import { creationTagList, tagAttributes, updateTags } from '../resource-tags.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { REGION, TAGS, resourceSchema } from '../schema-overlay.ts';
import { fromTagList, toTagList } from '../tags.ts';
import { nameFromConfig } from '../unique-name.ts';
import { snsAttributesToState } from './sns-attributes.ts';

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

const ATTRS: [string, string, AttributeKind][] = [
  ['display_name', 'DisplayName', 'string'],
  ['policy', 'Policy', 'json'],
  ['delivery_policy', 'DeliveryPolicy', 'json'],
  ['kms_master_key_id', 'KmsMasterKeyId', 'string'],
  ['signature_version', 'SignatureVersion', 'number'],
  ['tracing_config', 'TracingConfig', 'string'],
  ['content_based_deduplication', 'ContentBasedDeduplication', 'bool'],
  ['archive_policy', 'ArchivePolicy', 'json'],
  ['fifo_throughput_scope', 'FifoThroughputScope', 'string'],
  ...(['application', 'firehose', 'http', 'lambda', 'sqs'] as const).flatMap((p): [string, string, AttributeKind][] => {
    const cap = p === 'http' ? 'HTTP' : p === 'sqs' ? 'SQS' : p[0].toUpperCase() + p.slice(1);
    return [
      [`${p}_success_feedback_role_arn`, `${cap}SuccessFeedbackRoleArn`, 'string'],
      [`${p}_failure_feedback_role_arn`, `${cap}FailureFeedbackRoleArn`, 'string'],
      [`${p}_success_feedback_sample_rate`, `${cap}SuccessFeedbackSampleRate`, 'number'],
    ];
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
  return {
    ...snsAttributesToState(ATTRS, a, state),
    id: arn,
    arn,
    name: arn.slice(arn.lastIndexOf(':') + 1),
    name_prefix: state.name_prefix ?? null,
    owner: a.Owner ?? arn.split(':')[4] ?? null,
    fifo_topic: a.FifoTopic === 'true',
    beginning_archive_time: a.BeginningArchiveTime ?? null,
    region: ctx.region,
    ...tagAttributes(remoteTags, ctx.defaultTags, state.tags),
  };
}

export const snsTopic: AwsResource = {
  typeName: 'aws_sns_topic',
  schema,
  describe: (s) => String(s.arn ?? s.name ?? ''),
  validate: (config) => nameAndPrefixConflict(config),
  plan: keepEquivalentJsonAttributes('policy', 'delivery_policy', 'archive_policy'),
  async create(ctx, planned) {
    const fifo = planned.fifo_topic === true;
    const name = nameFromConfig(planned.name, planned.name_prefix, fifo && typeof planned.name !== 'string' ? '.fifo' : '');
    const attributes: Record<string, string> = {};
    for (const [tf, aws] of ATTRS) {
      const v = attrValue(planned[tf]);
      if (v !== undefined && (fifo || !FIFO_ONLY.has(tf)) && !(tf === 'content_based_deduplication' && !fifo)) attributes[aws] = v;
    }
    if (fifo) attributes.FifoTopic = 'true';
    const r = await ctx.clients.sns.send(new CreateTopicCommand({ Name: name, Attributes: attributes, Tags: creationTagList(planned) }));
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
    await updateTags(prior, planned, {
      untag: (keys) => ctx.clients.sns.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: keys })),
      tag: (set) => ctx.clients.sns.send(new TagResourceCommand({ ResourceArn: arn, Tags: toTagList(set) })),
    });
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
