// data "aws_caller_identity": who the provider's credentials are.

import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsDataSource } from '../resource-type.ts';
import { resourceSchema } from '../schema-overlay.ts';

export const callerIdentity: AwsDataSource = {
  typeName: 'aws_caller_identity',
  schema: resourceSchema('data:aws_caller_identity', {}),
  async read(ctx) {
    const r = await ctx.clients.sts.send(new GetCallerIdentityCommand({}));
    return { id: r.Account ?? '', account_id: r.Account ?? '', arn: r.Arn ?? '', user_id: r.UserId ?? '' };
  },
};
