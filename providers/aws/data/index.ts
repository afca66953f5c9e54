// Every data source of the AWS provider.

import type { AwsDataSource } from '../resource-type.ts';
import { callerIdentity } from './caller-identity.ts';
import { iamPolicyDocument } from './iam-policy-document.ts';
import { region } from './region.ts';
import { s3BucketData } from './s3-bucket.ts';

export const awsDataSources: AwsDataSource[] = [callerIdentity, region, iamPolicyDocument, s3BucketData];
