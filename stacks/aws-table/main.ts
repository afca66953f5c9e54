// A DynamoDB table. Name, hash key and tags come from the cdktf context (cdktf.json); changing
// the hash key replaces the table, changing tags updates it in place.

import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';

interface TableContext {
  tableName: string;
  hashKey: string;
  environment: string;
  region: string;
}

class TableStack extends TerraformStack {
  constructor(scope: Construct, id: string, c: TableContext) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: c.region });
    const table = new DynamodbTable(this, 'orders', {
      name: c.tableName,
      billingMode: 'PAY_PER_REQUEST',
      hashKey: c.hashKey,
      rangeKey: 'created_at',
      attribute: [
        { name: c.hashKey, type: 'S' },
        { name: 'created_at', type: 'N' },
      ],
      tags: { Environment: c.environment },
    });
    new TerraformOutput(this, 'table_arn', { value: table.arn });
  }
}

const app = new App();
const ctx = (k: string, d: string) => String(app.node.tryGetContext(k) ?? d);
new TableStack(app, 'aws-table', {
  tableName: ctx('tableName', 'ballast-example-orders'),
  hashKey: ctx('hashKey', 'order_id'),
  environment: ctx('environment', 'dev'),
  region: ctx('region', 'us-east-1'),
});
app.synth();
