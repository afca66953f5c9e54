// aws_iam_policy: a managed policy; id is its ARN. A document change adds a new default
// version (pruning the oldest when IAM's limit of five is reached).

import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
} from '@aws-sdk/client-iam';
import type { ValueObject } from '../../../engine/lang/value.ts';
import { sameValue } from '../../schema-plan.ts';
import { keepEquivalentJsonAttributes } from '../equivalent-json-plan.ts';
import { isAwsError } from '../errors.ts';
import { nameAndPrefixConflict } from '../name-prefix-conflict.ts';
import { decodePolicy, keepEquivalentJson } from '../policy-json.ts';
import { creationTagList, tagAttributes, updateTags } from '../resource-tags.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { TAGS, resourceSchema } from '../schema-overlay.ts';
import { fromTagList, toTagList } from '../tags.ts';
import { nameFromConfig } from '../unique-name.ts';

const schema = resourceSchema('aws_iam_policy', {
  attributes: {
    name: { optional: true, computed: true, forceNew: true },
    name_prefix: { optional: true, forceNew: true },
    path: { optional: true, default: '/', forceNew: true },
    description: { optional: true, forceNew: true },
    policy: { required: true },
    delay_after_policy_creation_in_ms: { optional: true },
    ...TAGS,
  },
});

const isGone = (e: unknown) => isAwsError(e, 'NoSuchEntity', 'NoSuchEntityException');

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const arn = String(state.id ?? state.arn);
  const iam = ctx.clients.iam;
  let policy;
  try {
    policy = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy;
  } catch (e) {
    if (isGone(e)) return null;
    throw e;
  }
  if (!policy) return null;
  const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.DefaultVersionId }));
  const remoteTags = fromTagList((await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags);
  return {
    ...state,
    id: arn,
    arn,
    name: policy.PolicyName ?? null,
    name_prefix: state.name_prefix ?? null,
    path: policy.Path ?? '/',
    description: policy.Description ?? null,
    policy_id: policy.PolicyId ?? null,
    attachment_count: policy.AttachmentCount ?? 0,
    policy: keepEquivalentJson(decodePolicy(version.PolicyVersion?.Document) ?? '', state.policy),
    ...tagAttributes(remoteTags, ctx.defaultTags, state.tags),
  };
}

export const iamPolicy: AwsResource = {
  typeName: 'aws_iam_policy',
  schema,
  describe: (s) => String(s.arn ?? s.name ?? ''),
  validate: (config) => nameAndPrefixConflict(config),
  plan: keepEquivalentJsonAttributes('policy'),
  async create(ctx, planned) {
    const name = nameFromConfig(planned.name, planned.name_prefix);
    const r = await ctx.clients.iam.send(
      new CreatePolicyCommand({
        PolicyName: name,
        Path: typeof planned.path === 'string' ? planned.path : undefined,
        Description: typeof planned.description === 'string' && planned.description !== '' ? planned.description : undefined,
        PolicyDocument: String(planned.policy),
        Tags: creationTagList(planned),
      }),
    );
    const state = await read(ctx, { ...planned, id: r.Policy!.Arn! });
    if (!state) throw new Error(`policy ${name} is not visible after it was created`);
    return state;
  },
  read,
  async update(ctx, prior, planned) {
    const arn = String(prior.id);
    const iam = ctx.clients.iam;
    if (!sameValue(planned.policy, prior.policy)) {
      const versions = (await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions ?? [];
      if (versions.length >= 5) {
        const oldest = versions.filter((v) => !v.IsDefaultVersion).sort((a, b) => (a.CreateDate?.getTime() ?? 0) - (b.CreateDate?.getTime() ?? 0))[0];
        if (oldest) await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: oldest.VersionId }));
      }
      await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: String(planned.policy), SetAsDefault: true }));
    }
    await updateTags(prior, planned, {
      untag: (keys) => iam.send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: keys })),
      tag: (set) => iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: toTagList(set) })),
    });
    return (await read(ctx, { ...planned, id: arn })) ?? planned;
  },
  async delete(ctx, state) {
    const arn = String(state.id);
    const iam = ctx.clients.iam;
    try {
      for (const v of (await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions ?? []) {
        if (!v.IsDefaultVersion) await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: v.VersionId }));
      }
      await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    } catch (e) {
      if (!isGone(e)) throw e;
    }
  },
  importState: (id) => ({ id, arn: id }),
};
