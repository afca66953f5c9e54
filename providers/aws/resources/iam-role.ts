// aws_iam_role: id is the role name; the trust policy is compared by meaning.

import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRoleTagsCommand,
  PutRolePermissionsBoundaryCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
} from '@aws-sdk/client-iam';
import type { ValueObject } from '../../../engine/lang/value.ts';
import { sameValue } from '../../schema-plan.ts';
import { keepEquivalentJsonAttributes } from '../equivalent-json-plan.ts';
import { isAwsError } from '../errors.ts';
import { nameAndPrefixConflict } from '../name-prefix-conflict.ts';
import { decodePolicy, keepEquivalentJson } from '../policy-json.ts';
import { creationTagList, tagAttributes, updateTags } from '../resource-tags.ts';
import { retryWhile } from '../retry.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { TAGS, resourceSchema } from '../schema-overlay.ts';
import { fromTagList, toTagList } from '../tags.ts';
import { nameFromConfig } from '../unique-name.ts';

const schema = resourceSchema('aws_iam_role', {
  attributes: {
    name: { optional: true, computed: true, forceNew: true },
    name_prefix: { optional: true, computed: true, forceNew: true },
    assume_role_policy: { required: true },
    path: { optional: true, default: '/', forceNew: true },
    description: { optional: true },
    max_session_duration: { optional: true, default: 3600 },
    permissions_boundary: { optional: true },
    force_detach_policies: { optional: true, default: false },
    managed_policy_arns: { optional: true, computed: true },
    ...TAGS,
  },
  blocks: { inline_policy: { nesting: 'set' } },
});

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const name = String(state.id ?? state.name);
  let role;
  try {
    role = (await ctx.clients.iam.send(new GetRoleCommand({ RoleName: name }))).Role;
  } catch (e) {
    if (isAwsError(e, 'NoSuchEntity', 'NoSuchEntityException')) return null;
    throw e;
  }
  if (!role) return null;
  const remoteTags = fromTagList((await ctx.clients.iam.send(new ListRoleTagsCommand({ RoleName: name }))).Tags);
  return {
    ...state,
    id: name,
    name,
    name_prefix: state.name_prefix ?? null,
    arn: role.Arn ?? null,
    unique_id: role.RoleId ?? null,
    create_date: role.CreateDate ? role.CreateDate.toISOString().replace(/\.\d{3}Z$/, 'Z') : null,
    path: role.Path ?? '/',
    description: role.Description ?? null,
    max_session_duration: role.MaxSessionDuration ?? 3600,
    permissions_boundary: role.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    assume_role_policy: keepEquivalentJson(decodePolicy(role.AssumeRolePolicyDocument) ?? '', state.assume_role_policy),
    ...tagAttributes(remoteTags, ctx.defaultTags, state.tags),
  };
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export const iamRole: AwsResource = {
  typeName: 'aws_iam_role',
  schema,
  describe: (s) => String(s.name ?? s.id ?? ''),
  validate: (config) => nameAndPrefixConflict(config),
  plan: keepEquivalentJsonAttributes('assume_role_policy'),
  async create(ctx, planned) {
    const name = nameFromConfig(planned.name, planned.name_prefix);
    // A principal created moments ago can be rejected in a trust policy until IAM catches up.
    await retryWhile(
      () =>
        ctx.clients.iam.send(
          new CreateRoleCommand({
            RoleName: name,
            Path: str(planned.path),
            AssumeRolePolicyDocument: String(planned.assume_role_policy),
            Description: str(planned.description),
            MaxSessionDuration: typeof planned.max_session_duration === 'number' ? planned.max_session_duration : undefined,
            PermissionsBoundary: str(planned.permissions_boundary),
            Tags: creationTagList(planned),
          }),
        ),
      (e) => isAwsError(e, 'MalformedPolicyDocument') && /principal/i.test(String((e as Error).message)),
      { timeoutMs: 30_000, signal: ctx.signal },
    );
    const state = await read(ctx, { ...planned, id: name });
    if (!state) throw new Error(`role ${name} is not visible after it was created`);
    return state;
  },
  read,
  async update(ctx, prior, planned) {
    const name = String(prior.id);
    const iam = ctx.clients.iam;
    if (!sameValue(planned.assume_role_policy, prior.assume_role_policy)) await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: String(planned.assume_role_policy) }));
    if (!sameValue(planned.description ?? null, prior.description ?? null) || !sameValue(planned.max_session_duration, prior.max_session_duration)) {
      await iam.send(
        new UpdateRoleCommand({
          RoleName: name,
          Description: str(planned.description) ?? '',
          MaxSessionDuration: typeof planned.max_session_duration === 'number' ? planned.max_session_duration : undefined,
        }),
      );
    }
    if (!sameValue(planned.permissions_boundary ?? null, prior.permissions_boundary ?? null)) {
      if (str(planned.permissions_boundary)) await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: name, PermissionsBoundary: String(planned.permissions_boundary) }));
      else await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: name }));
    }
    await updateTags(prior, planned, {
      untag: (keys) => iam.send(new UntagRoleCommand({ RoleName: name, TagKeys: keys })),
      tag: (set) => iam.send(new TagRoleCommand({ RoleName: name, Tags: toTagList(set) })),
    });
    return (await read(ctx, { ...planned, id: name })) ?? planned;
  },
  async delete(ctx, state) {
    const name = String(state.id);
    const iam = ctx.clients.iam;
    try {
      if (state.force_detach_policies === true) {
        for (const p of (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }))).AttachedPolicies ?? [])
          await iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: p.PolicyArn }));
        for (const p of (await iam.send(new ListRolePoliciesCommand({ RoleName: name }))).PolicyNames ?? []) await iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: p }));
      }
      // Detaching elsewhere in the same apply may not be visible yet.
      await retryWhile(
        () => iam.send(new DeleteRoleCommand({ RoleName: name })),
        (e) => isAwsError(e, 'DeleteConflict', 'DeleteConflictException'),
        { timeoutMs: 20_000, signal: ctx.signal },
      );
    } catch (e) {
      if (!isAwsError(e, 'NoSuchEntity', 'NoSuchEntityException')) throw e;
    }
  },
  importState: (id) => ({ id, name: id }),
};
