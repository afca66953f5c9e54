// Every resource type of the AWS provider.

import type { AwsResource } from '../resource-type.ts';
import { dynamodbTable } from './dynamodb-table.ts';
import { iamPolicy } from './iam-policy.ts';
import { iamRole } from './iam-role.ts';
import { iamRolePolicyAttachment } from './iam-role-policy-attachment.ts';
import { s3Bucket } from './s3-bucket.ts';
import { s3BucketLifecycleConfiguration } from './s3-bucket-lifecycle-configuration.ts';
import { s3BucketPolicy } from './s3-bucket-policy.ts';
import { s3BucketPublicAccessBlock } from './s3-bucket-public-access-block.ts';
import { s3BucketServerSideEncryptionConfiguration } from './s3-bucket-server-side-encryption-configuration.ts';
import { s3BucketVersioning } from './s3-bucket-versioning.ts';
import { s3Object } from './s3-object.ts';
import { snsTopic } from './sns-topic.ts';
import { snsTopicSubscription } from './sns-topic-subscription.ts';
import { sqsQueue } from './sqs-queue.ts';
import { ssmParameter } from './ssm-parameter.ts';

export const awsResources: AwsResource[] = [
  s3Bucket,
  s3BucketVersioning,
  s3BucketPolicy,
  s3BucketPublicAccessBlock,
  s3BucketServerSideEncryptionConfiguration,
  s3BucketLifecycleConfiguration,
  s3Object,
  dynamodbTable,
  sqsQueue,
  snsTopic,
  snsTopicSubscription,
  iamRole,
  iamPolicy,
  iamRolePolicyAttachment,
  ssmParameter,
];
