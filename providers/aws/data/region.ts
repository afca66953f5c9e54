// data "aws_region": the provider's region (or the one named), with its endpoint and description.

import type { AwsDataSource } from '../resource-type.ts';
import { AwsUserError } from '../errors.ts';
import { resourceSchema } from '../schema-overlay.ts';

const DESCRIPTIONS: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'ca-central-1': 'Canada (Central)',
  'eu-central-1': 'Europe (Frankfurt)',
  'eu-central-2': 'Europe (Zurich)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-west-2': 'Europe (London)',
  'eu-west-3': 'Europe (Paris)',
  'eu-north-1': 'Europe (Stockholm)',
  'eu-south-1': 'Europe (Milan)',
  'eu-south-2': 'Europe (Spain)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'ap-northeast-3': 'Asia Pacific (Osaka)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-east-1': 'Asia Pacific (Hong Kong)',
  'sa-east-1': 'South America (Sao Paulo)',
  'me-south-1': 'Middle East (Bahrain)',
  'af-south-1': 'Africa (Cape Town)',
};

export const region: AwsDataSource = {
  typeName: 'aws_region',
  schema: resourceSchema('data:aws_region', { attributes: { name: { optional: true, computed: true }, region: { optional: true, computed: true }, endpoint: { optional: true, computed: true } } }),
  async read(ctx, config) {
    const name = typeof config.region === 'string' ? config.region : typeof config.name === 'string' ? config.name : ctx.region;
    const description = DESCRIPTIONS[name];
    if (!description && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(name)) throw new AwsUserError(`no AWS region named "${name}"`, undefined, 'region');
    const endpoint = `ec2.${name}.${ctx.dnsSuffix}`;
    if (typeof config.endpoint === 'string' && config.endpoint !== endpoint) throw new AwsUserError(`no AWS region with endpoint "${config.endpoint}"`, undefined, 'endpoint');
    return { id: name, name, region: name, endpoint, description: description ?? name };
  },
};
