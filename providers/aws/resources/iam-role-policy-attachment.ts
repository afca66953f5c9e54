// aws_iam_role_policy_attachment: a managed policy attached to a role. Both arguments force
// replacement; the id is "<role>-<unique>" as in Terraform, the import id "role/policy_arn".

import { AttachRolePolicyCommand, DetachRolePolicyCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { error } from '../../../engine/diagnostics.ts';
import type { ValueObject } from '../../../engine/lang/value.ts';
import { isAwsError } from '../errors.ts';
import { retryWhile } from '../retry.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { resourceSchema } from '../schema-overlay.ts';
import { prefixedUniqueId } from '../unique-name.ts';

const schema = resourceSchema('aws_iam_role_policy_attachment', {
  attributes: { role: { required: true, forceNew: true }, policy_arn: { required: true, forceNew: true } },
});

const isGone = (e: unknown) => isAwsError(e, 'NoSuchEntity', 'NoSuchEntityException');

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const role = String(state.role);
  const arn = String(state.policy_arn);
  let marker: string | undefined;
  try {
    do {
      const page = await ctx.clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role, Marker: marker }));
      if ((page.AttachedPolicies ?? []).some((p) => p.PolicyArn === arn)) return { ...state };
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
  } catch (e) {
    if (isGone(e)) return null;
    throw e;
  }
  return null;
}

export const iamRolePolicyAttachment: AwsResource = {
  typeName: 'aws_iam_role_policy_attachment',
  schema,
  describe: (s) => `${String(s.role ?? '')}/${String(s.policy_arn ?? '')}`,
  async create(ctx, planned) {
    const role = String(planned.role);
    // The role (or policy) may have been created a moment ago and not be visible to IAM yet.
    await retryWhile(() => ctx.clients.iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: String(planned.policy_arn) })), isGone, { timeoutMs: 30_000, signal: ctx.signal });
    return { ...planned, id: prefixedUniqueId(`${role}-`) };
  },
  read,
  async delete(ctx, state) {
    try {
      await ctx.clients.iam.send(new DetachRolePolicyCommand({ RoleName: String(state.role), PolicyArn: String(state.policy_arn) }));
    } catch (e) {
      if (!isGone(e)) throw e;
    }
  },
  importState(id) {
    const i = id.indexOf('/');
    if (i <= 0) return error('Invalid import id', `aws_iam_role_policy_attachment import ids are "role-name/policy-arn", got "${id}".`);
    const role = id.slice(0, i);
    return { id: prefixedUniqueId(`${role}-`), role, policy_arn: id.slice(i + 1) };
  },
};
