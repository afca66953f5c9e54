// The addresses of a bucket that the bucket resource and data source both expose: ARN,
// domain names, region and the Route 53 zone of its website endpoint.

import type { AwsContext } from '../resource-type.ts';
import { hostedZoneId } from './s3-common.ts';

export function bucketAddresses(ctx: Pick<AwsContext, 'partition' | 'dnsSuffix'>, bucket: string, region: string) {
  return {
    arn: `arn:${ctx.partition}:s3:::${bucket}`,
    bucket_domain_name: `${bucket}.s3.${ctx.dnsSuffix}`,
    bucket_regional_domain_name: `${bucket}.s3.${region}.${ctx.dnsSuffix}`,
    bucket_region: region,
    hosted_zone_id: hostedZoneId(region),
    region,
  };
}
