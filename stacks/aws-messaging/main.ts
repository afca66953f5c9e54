// An SNS topic fanning out to an SQS queue, and an IAM role a worker assumes to read the queue
// (role + managed policy + attachment). Settings come from the cdktf context (cdktf.json).

import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy/index.js';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';

interface MessagingContext {
  prefix: string;
  visibilityTimeout: number;
  environment: string;
  region: string;
}

class MessagingStack extends TerraformStack {
  constructor(scope: Construct, id: string, c: MessagingContext) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: c.region });
    const tags = { Environment: c.environment };

    const topic = new SnsTopic(this, 'events', { name: `${c.prefix}-events`, tags });
    const queue = new SqsQueue(this, 'work', {
      name: `${c.prefix}-work`,
      visibilityTimeoutSeconds: c.visibilityTimeout,
      messageRetentionSeconds: 86400,
      tags,
    });
    new SnsTopicSubscription(this, 'work_from_events', { topicArn: topic.arn, protocol: 'sqs', endpoint: queue.arn });

    const assume = new DataAwsIamPolicyDocument(this, 'assume', {
      statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }] }],
    });
    const role = new IamRole(this, 'worker', { name: `${c.prefix}-worker`, assumeRolePolicy: assume.json, tags });
    const read = new DataAwsIamPolicyDocument(this, 'read_queue_document', {
      statement: [{ actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], resources: [queue.arn] }],
    });
    const policy = new IamPolicy(this, 'read_queue', { name: `${c.prefix}-read-queue`, policy: read.json });
    new IamRolePolicyAttachment(this, 'worker_reads_queue', { role: role.name, policyArn: policy.arn });

    new TerraformOutput(this, 'queue_url', { value: queue.url });
    new TerraformOutput(this, 'topic_arn', { value: topic.arn });
  }
}

const app = new App();
const ctx = (k: string, d: string | number) => app.node.tryGetContext(k) ?? d;
new MessagingStack(app, 'aws-messaging', {
  prefix: String(ctx('prefix', 'ballast-example')),
  visibilityTimeout: Number(ctx('visibilityTimeout', 30)),
  environment: String(ctx('environment', 'dev')),
  region: String(ctx('region', 'us-east-1')),
});
app.synth();
