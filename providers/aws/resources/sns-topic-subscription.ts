// aws_sns_topic_subscription: id is the subscription ARN.

import { GetSubscriptionAttributesCommand, SetSubscriptionAttributesCommand, SubscribeCommand, UnsubscribeCommand } from '@aws-sdk/client-sns';
import { isUnknown, type ValueObject } from '../../../engine/lang/value.ts';
import { sameValue } from '../../schema-plan.ts';
import type { AttributeKind } from '../attribute-map.ts';
import { keepEquivalentJsonAttributes } from '../equivalent-json-plan.ts';
import { isAwsError } from '../errors.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { REGION, resourceSchema } from '../schema-overlay.ts';
import { snsAttributesToState } from './sns-attributes.ts';

const schema = resourceSchema('aws_sns_topic_subscription', {
  attributes: {
    topic_arn: { required: true, forceNew: true },
    protocol: { required: true, forceNew: true },
    endpoint: { required: true, forceNew: true },
    raw_message_delivery: { optional: true, default: false },
    filter_policy: { optional: true },
    filter_policy_scope: { optional: true, computed: true },
    delivery_policy: { optional: true },
    redrive_policy: { optional: true },
    replay_policy: { optional: true },
    subscription_role_arn: { optional: true },
    endpoint_auto_confirms: { optional: true, default: false },
    confirmation_timeout_in_minutes: { optional: true, default: 1 },
    ...REGION,
  },
});

const ATTRS: [string, string, AttributeKind][] = [
  ['raw_message_delivery', 'RawMessageDelivery', 'bool'],
  ['filter_policy', 'FilterPolicy', 'json'],
  ['filter_policy_scope', 'FilterPolicyScope', 'string'],
  ['delivery_policy', 'DeliveryPolicy', 'json'],
  ['redrive_policy', 'RedrivePolicy', 'json'],
  ['replay_policy', 'ReplayPolicy', 'json'],
  ['subscription_role_arn', 'SubscriptionRoleArn', 'string'],
];
const isGone = (e: unknown) => isAwsError(e, 'NotFound', 'NotFoundException', 'InvalidParameter');

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const arn = String(state.id ?? state.arn);
  let a: Record<string, string>;
  try {
    a = (await ctx.clients.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }))).Attributes ?? {};
  } catch (e) {
    if (isGone(e)) return null;
    throw e;
  }
  return {
    ...snsAttributesToState(ATTRS, a, state),
    id: arn,
    arn,
    topic_arn: a.TopicArn ?? state.topic_arn ?? null,
    protocol: a.Protocol ?? state.protocol ?? null,
    endpoint: a.Endpoint ?? state.endpoint ?? null,
    owner_id: a.Owner ?? null,
    pending_confirmation: a.PendingConfirmation === 'true',
    confirmation_was_authenticated: a.ConfirmationWasAuthenticated === 'true',
    region: ctx.region,
  };
}

export const snsTopicSubscription: AwsResource = {
  typeName: 'aws_sns_topic_subscription',
  schema,
  describe: (s) => String(s.arn ?? `${String(s.topic_arn ?? '')} -> ${String(s.protocol ?? '')}`),
  plan: keepEquivalentJsonAttributes('filter_policy', 'delivery_policy', 'redrive_policy', 'replay_policy'),
  async create(ctx, planned) {
    const attributes: Record<string, string> = {};
    for (const [tf, aws] of ATTRS) {
      const v = planned[tf];
      if (v === null || v === undefined || isUnknown(v) || (tf === 'raw_message_delivery' && v === false)) continue;
      attributes[aws] = String(v);
    }
    const r = await ctx.clients.sns.send(
      new SubscribeCommand({ TopicArn: String(planned.topic_arn), Protocol: String(planned.protocol), Endpoint: String(planned.endpoint), Attributes: attributes, ReturnSubscriptionArn: true }),
    );
    const state = await read(ctx, { ...planned, id: r.SubscriptionArn! });
    if (!state) throw new Error('the subscription is not visible after it was created');
    return state;
  },
  read,
  async update(ctx, prior, planned) {
    const arn = String(prior.id);
    for (const [tf, aws] of ATTRS) {
      if (sameValue(planned[tf] ?? null, prior[tf] ?? null)) continue;
      const v = planned[tf];
      await ctx.clients.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: arn, AttributeName: aws, AttributeValue: v === null || v === undefined ? '' : String(v) }));
    }
    return (await read(ctx, { ...planned, id: arn })) ?? planned;
  },
  async delete(ctx, state) {
    try {
      await ctx.clients.sns.send(new UnsubscribeCommand({ SubscriptionArn: String(state.id) }));
    } catch (e) {
      if (!isGone(e)) throw e;
    }
  },
  importState: (id) => ({ id, arn: id }),
};
