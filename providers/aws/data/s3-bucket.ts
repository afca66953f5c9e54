// data "aws_s3_bucket": facts about an existing bucket.

import type { AwsDataSource } from '../resource-type.ts';
import { AwsUserError } from '../errors.ts';
import { resourceSchema } from '../schema-overlay.ts';
import { bucketAddresses } from '../resources/s3-bucket-addresses.ts';
import { bucketExists, bucketRegion } from '../resources/s3-common.ts';

export const s3BucketData: AwsDataSource = {
  typeName: 'aws_s3_bucket',
  schema: resourceSchema('data:aws_s3_bucket', { attributes: { region: { optional: true, computed: true } } }),
  async read(ctx, config) {
    const bucket = String(config.bucket);
    if (!(await bucketExists(ctx.clients.s3, bucket))) throw new AwsUserError(`S3 bucket "${bucket}" not found`, `No bucket named "${bucket}" is visible with the provider's credentials.`, 'bucket');
    const region = await bucketRegion(ctx.clients.s3, bucket, ctx.region);
    return {
      id: bucket,
      bucket,
      ...bucketAddresses(ctx, bucket, region),
      website_domain: null,
      website_endpoint: null,
    };
  },
};
