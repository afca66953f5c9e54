// SDK v3 clients, created on first use from the resolved settings and destroyed on close.

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsService, AwsSettings } from './config.ts';

const CLIENTS = { s3: S3Client, dynamodb: DynamoDBClient, sqs: SQSClient, sns: SNSClient, iam: IAMClient, ssm: SSMClient, sts: STSClient };
type ClientOf<S extends AwsService> = InstanceType<(typeof CLIENTS)[S]>;

export class AwsClients {
  private readonly made = new Map<AwsService, { destroy(): void }>();
  constructor(readonly settings: AwsSettings) {}

  get s3(): S3Client {
    return this.get('s3');
  }
  get dynamodb(): DynamoDBClient {
    return this.get('dynamodb');
  }
  get sqs(): SQSClient {
    return this.get('sqs');
  }
  get sns(): SNSClient {
    return this.get('sns');
  }
  get iam(): IAMClient {
    return this.get('iam');
  }
  get ssm(): SSMClient {
    return this.get('ssm');
  }
  get sts(): STSClient {
    return this.get('sts');
  }

  private get<S extends AwsService>(service: S): ClientOf<S> {
    let c = this.made.get(service);
    if (!c) {
      c = new CLIENTS[service](clientConfig(this.settings, service)) as { destroy(): void };
      this.made.set(service, c);
    }
    return c as ClientOf<S>;
  }

  /** A one-off client with its own retry budget (used to validate credentials quickly). */
  stsWith(maxAttempts: number): STSClient {
    return new STSClient({ ...clientConfig(this.settings, 'sts'), maxAttempts });
  }

  close(): void {
    for (const c of this.made.values()) c.destroy();
    this.made.clear();
  }
}

export function clientConfig(settings: AwsSettings, service: AwsService) {
  const endpoint = settings.endpoints[service];
  return {
    region: settings.region,
    credentials: settings.credentials,
    maxAttempts: settings.maxAttempts,
    retryMode: 'standard',
    // An explicit endpoint always wins over what the SDK would read from the environment.
    ...(endpoint ? { endpoint } : {}),
    ...(service === 's3' ? { forcePathStyle: settings.s3UsePathStyle } : {}),
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
  };
}
