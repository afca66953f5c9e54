// stacks/aws-table (a DynamoDB table), synthesized for real and applied through the CLI
// against a moto server: apply, clean re-plan, tags in place, a new hash key replaces, destroy.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand, ListTagsOfResourceCommand } from '@aws-sdk/client-dynamodb';
import { startMoto, type MotoServer } from './helpers/moto.ts';
import { awsApp, removeAwsApps, expectExit } from './helpers/aws-app.ts';

let moto: MotoServer;
let ddb: DynamoDBClient;

before(async () => {
  moto = await startMoto();
  ddb = new DynamoDBClient({ endpoint: moto.endpoint, region: moto.region, credentials: moto.credentials });
});
after(async () => {
  ddb?.destroy();
  await moto?.stop();
  await removeAwsApps();
});

const tables = async () => (await ddb.send(new ListTablesCommand({}))).TableNames ?? [];
const describe = async (name: string) => (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table!;

test('a table applies, re-plans clean, updates tags in place, is replaced for a new hash key and destroys cleanly', async () => {
  const app = await awsApp('aws-table', moto, { tableName: 'orders', hashKey: 'order_id', environment: 'dev' });
  expectExit(await app.run(['apply', '--auto-approve']), 0, 'apply');
  const t1 = await describe('orders');
  assert.deepEqual(t1.KeySchema, [
    { AttributeName: 'order_id', KeyType: 'HASH' },
    { AttributeName: 'created_at', KeyType: 'RANGE' },
  ]);
  assert.equal(t1.BillingModeSummary?.BillingMode, 'PAY_PER_REQUEST');
  expectExit(await app.run(['plan', '--detailed-exitcode']), 0, 'plan after apply');

  await app.setContext({ environment: 'prod' });
  const update = await app.run(['apply', '--auto-approve']);
  expectExit(update, 0, 'tag update');
  assert.match(update.stdout, /# aws_dynamodb_table\.orders will be updated in-place/);
  assert.match(update.stdout, /Resources: 0 added, 1 changed, 0 destroyed/);
  const tags = (await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: t1.TableArn }))).Tags ?? [];
  // as a map: moto's TagResource appends a second entry for an existing key instead of replacing it
  assert.deepEqual(Object.fromEntries(tags.map((t) => [t.Key, t.Value])), { Environment: 'prod' });
  assert.equal((await describe('orders')).CreationDateTime?.getTime(), t1.CreationDateTime?.getTime());
  expectExit(await app.run(['plan', '--detailed-exitcode']), 0, 'plan after the update');

  await app.setContext({ hashKey: 'customer_id' });
  const replace = await app.run(['apply', '--auto-approve']);
  expectExit(replace, 0, 'hash key change');
  assert.match(replace.stdout, /# aws_dynamodb_table\.orders must be replaced/);
  assert.match(replace.stdout, /hash_key += "order_id" -> "customer_id" # forces replacement/);
  assert.deepEqual((await describe('orders')).KeySchema?.[0], { AttributeName: 'customer_id', KeyType: 'HASH' });
  expectExit(await app.run(['plan', '--detailed-exitcode']), 0, 'plan after the replacement');

  expectExit(await app.run(['destroy', '--auto-approve']), 0, 'destroy');
  assert.deepEqual(await tables(), []);
});
