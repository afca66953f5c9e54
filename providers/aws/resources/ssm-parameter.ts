// aws_ssm_parameter: id is the parameter name; `value` is sensitive and never leaves state.

import {
  AddTagsToResourceCommand,
  DeleteParameterCommand,
  DescribeParametersCommand,
  GetParameterCommand,
  ListTagsForResourceCommand,
  PutParameterCommand,
  RemoveTagsFromResourceCommand,
  type ParameterTier,
  type ParameterType,
} from '@aws-sdk/client-ssm';
import { error } from '../../../engine/diagnostics.ts';
import { Unknown, type ValueObject } from '../../../engine/lang/value.ts';
import { sameValue } from '../../schema-plan.ts';
import { isAwsError } from '../errors.ts';
import { tagAttributes, updateTags } from '../resource-tags.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { REGION, TAGS, resourceSchema } from '../schema-overlay.ts';
import { fromTagList, tagsOf, toTagList } from '../tags.ts';

const schema = resourceSchema('aws_ssm_parameter', {
  attributes: {
    name: { required: true, forceNew: true },
    type: { required: true },
    value: { optional: true, computed: true, sensitive: true },
    insecure_value: { optional: true, computed: true },
    description: { optional: true },
    tier: { optional: true, default: 'Standard' },
    key_id: { optional: true, computed: true },
    data_type: { optional: true, computed: true, forceNew: true },
    allowed_pattern: { optional: true },
    overwrite: { optional: true },
    arn: { optional: true, computed: true },
    version: { type: 'number', computed: true },
    ...REGION,
    ...TAGS,
  },
});

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const isGone = (e: unknown) => isAwsError(e, 'ParameterNotFound', 'InvalidResourceId');
const parameterValue = (s: ValueObject) => (typeof s.value === 'string' ? s.value : typeof s.insecure_value === 'string' ? s.insecure_value : '');

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const name = String(state.id ?? state.name);
  const ssm = ctx.clients.ssm;
  let p;
  try {
    p = (await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }))).Parameter;
  } catch (e) {
    if (isGone(e)) return null;
    throw e;
  }
  if (!p) return null;
  const meta = (await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: [name] }] }))).Parameters?.[0];
  const remoteTags = fromTagList((await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: name }))).TagList);
  const insecure = typeof state.insecure_value === 'string';
  return {
    ...state,
    id: name,
    name,
    arn: p.ARN ?? null,
    type: p.Type ?? null,
    value: insecure ? null : (p.Value ?? null),
    insecure_value: insecure ? (p.Value ?? null) : null,
    version: p.Version ?? null,
    data_type: p.DataType ?? 'text',
    description: meta?.Description ?? null,
    tier: meta?.Tier ?? 'Standard',
    key_id: meta?.KeyId ?? (p.Type === 'SecureString' ? 'alias/aws/ssm' : null),
    allowed_pattern: meta?.AllowedPattern ?? null,
    region: ctx.region,
    ...tagAttributes(remoteTags, ctx.defaultTags, state.tags),
  };
}

async function put(ctx: AwsContext, s: ValueObject, overwrite: boolean): Promise<void> {
  const tags = tagsOf(s.tags_all);
  await ctx.clients.ssm.send(
    new PutParameterCommand({
      Name: String(s.name),
      Type: String(s.type) as ParameterType,
      Value: parameterValue(s),
      Description: str(s.description),
      Tier: str(s.tier) as ParameterTier | undefined,
      KeyId: s.type === 'SecureString' ? str(s.key_id) : undefined,
      DataType: str(s.data_type),
      AllowedPattern: str(s.allowed_pattern),
      Overwrite: overwrite || undefined,
      // SSM refuses tags together with Overwrite; those go through the tagging API.
      Tags: !overwrite && Object.keys(tags).length ? toTagList(tags) : undefined,
    }),
  );
}

export const ssmParameter: AwsResource = {
  typeName: 'aws_ssm_parameter',
  schema,
  describe: (s) => String(s.name ?? ''),
  validate(config) {
    const hasValue = config.value !== null && config.value !== undefined;
    const hasInsecure = config.insecure_value !== null && config.insecure_value !== undefined;
    if (hasValue && hasInsecure) return [error('Conflicting configuration arguments', '"value": conflicts with insecure_value', { attribute: 'value' })];
    if (!hasValue && !hasInsecure) return [error('Missing required argument', 'aws_ssm_parameter needs one of "value" or "insecure_value".', { attribute: 'value' })];
    return [];
  },
  plan(p) {
    const { planned, prior } = p;
    if (!prior) return;
    const changed = ['value', 'insecure_value', 'type', 'description', 'tier', 'key_id', 'allowed_pattern', 'data_type'].some((a) => !sameValue(planned[a] ?? null, prior[a] ?? null));
    if (changed) planned.version = new Unknown();
  },
  async create(ctx, planned) {
    await put(ctx, planned, planned.overwrite === true);
    if (planned.overwrite === true) {
      const tags = tagsOf(planned.tags_all);
      if (Object.keys(tags).length) await ctx.clients.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: String(planned.name), Tags: toTagList(tags) }));
    }
    const state = await read(ctx, { ...planned, id: planned.name });
    if (!state) throw new Error('the parameter is not visible after it was created');
    return state;
  },
  read,
  async update(ctx, prior, planned) {
    const name = String(prior.id);
    const changed = ['value', 'insecure_value', 'type', 'description', 'tier', 'key_id', 'allowed_pattern', 'data_type'].some((a) => !sameValue(planned[a] ?? null, prior[a] ?? null));
    if (changed) await put(ctx, planned, true);
    await updateTags(prior, planned, {
      untag: (keys) => ctx.clients.ssm.send(new RemoveTagsFromResourceCommand({ ResourceType: 'Parameter', ResourceId: name, TagKeys: keys })),
      tag: (set) => ctx.clients.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: name, Tags: toTagList(set) })),
    });
    return (await read(ctx, { ...planned, id: name })) ?? planned;
  },
  async delete(ctx, state) {
    try {
      await ctx.clients.ssm.send(new DeleteParameterCommand({ Name: String(state.id) }));
    } catch (e) {
      if (!isGone(e)) throw e;
    }
  },
  importState: (id) => ({ id, name: id }),
};
