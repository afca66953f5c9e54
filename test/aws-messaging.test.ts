// stacks/aws-messaging (an SQS queue subscribed to an SNS topic, an IAM role with a policy),
// synthesized for real and applied through the CLI against a moto server.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { GetQueueAttributesCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { IAMClient, ListAttachedRolePoliciesCommand, ListPoliciesCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { startMoto, type MotoServer } from './helpers/moto.ts';
import { awsApp, removeAwsApps, expectExit } from './helpers/aws-app.ts';

let moto: MotoServer;
let sqs: SQSClient;
let sns: SNSClient;
let iam: IAMClient;

before(async () => {
  moto = await startMoto();
  const c = { endpoint: moto.endpoint, region: moto.region, credentials: moto.credentials };
  sqs = new SQSClient(c);
  sns = new SNSClient(c);
  iam = new IAMClient(c);
});
after(async () => {
  for (const c of [sqs, sns, iam]) c?.destroy();
  await moto?.stop();
  await removeAwsApps();
});

const queueUrls = async () => (await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [];
const topicArns = async () => ((await sns.send(new ListTopicsCommand({}))).Topics ?? []).map((t) => t.TopicArn!);
const roleNames = async () => ((await iam.send(new ListRolesCommand({}))).Roles ?? []).map((r) => r.RoleName!).filter((n) => n.startsWith('msg-'));
const localPolicies = async () => ((await iam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies ?? []).map((p) => p.PolicyName!);

test('a topic-to-queue stack with an IAM role applies, re-plans clean, updates in place and destroys cleanly', async () => {
  const app = await awsApp('aws-messaging', moto, { prefix: 'msg', visibilityTimeout: 30, environment: 'dev' });
  expectExit(await app.run(['apply', '--auto-approve']), 0, 'apply');

  const [url] = await queueUrls();
  assert.match(url, /msg-work$/);
  const attrs = async () => (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes!;
  assert.equal((await attrs()).VisibilityTimeout, '30');
  const [topic] = await topicArns();
  assert.match(topic, /:msg-events$/);
  const subs = (await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topic }))).Subscriptions ?? [];
  assert.deepEqual(
    subs.map((s) => [s.Protocol, s.Endpoint]),
    [['sqs', (await attrs()).QueueArn]],
  );
  assert.deepEqual(await roleNames(), ['msg-worker']);
  const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'msg-worker' }))).AttachedPolicies ?? [];
  assert.deepEqual(
    attached.map((p) => p.PolicyName),
    ['msg-read-queue'],
  );
  expectExit(await app.run(['plan', '--detailed-exitcode']), 0, 'plan after apply');

  await app.setContext({ visibilityTimeout: 120 });
  const update = await app.run(['apply', '--auto-approve']);
  expectExit(update, 0, 'visibility timeout update');
  assert.match(update.stdout, /# aws_sqs_queue\.work will be updated in-place/);
  assert.match(update.stdout, /visibility_timeout_seconds += 30 -> 120/);
  assert.doesNotMatch(update.stdout, /must be replaced/);
  assert.equal((await attrs()).VisibilityTimeout, '120');
  assert.deepEqual(await queueUrls(), [url]);
  expectExit(await app.run(['plan', '--detailed-exitcode']), 0, 'plan after the update');

  // a new name forces a new queue (and a new subscription and policy that point at it)
  await app.setContext({ prefix: 'msg2' });
  const replace = await app.run(['apply', '--auto-approve']);
  expectExit(replace, 0, 'rename');
  assert.match(replace.stdout, /# aws_sqs_queue\.work must be replaced/);
  assert.deepEqual(
    (await queueUrls()).map((u) => u.replace(/.*\//, '')),
    ['msg2-work'],
  );
  expectExit(await app.run(['plan', '--detailed-exitcode']), 0, 'plan after the rename');

  expectExit(await app.run(['destroy', '--auto-approve']), 0, 'destroy');
  assert.deepEqual(await queueUrls(), []);
  assert.deepEqual(await topicArns(), []);
  assert.deepEqual(await roleNames(), []);
  assert.deepEqual(await localPolicies(), []);
});
