// Infrastructure and the cluster app that uses it, in one graph: an S3 bucket and an SQS queue,
// and a Deployment that reads their name and URL from a ConfigMap and its env. One commit
// changes both; `ballast rollback --to N` restores both. Written with @cdktf/provider-kubernetes,
// so the same app runs under Terraform.

import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider/index.js';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest/index.js';

interface Settings { prefix: string; namespace: string; image: string; replicas: number; region: string }

class Orders extends TerraformStack {
  constructor(scope: Construct, id: string, s: Settings) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: s.region });
    new KubernetesProvider(this, 'kubernetes', {});

    const bucket = new S3Bucket(this, 'uploads', { bucket: `${s.prefix}-uploads` });
    const queue = new SqsQueue(this, 'jobs', { name: `${s.prefix}-jobs` });

    const ns = new Manifest(this, 'namespace', { manifest: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: s.namespace } } });
    const config = new Manifest(this, 'config', {
      manifest: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'orders', namespace: s.namespace },
        data: { BUCKET: bucket.bucket, QUEUE_URL: queue.url },
      },
      dependsOn: [ns],
    });
    new Manifest(this, 'deployment', {
      manifest: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'orders', namespace: s.namespace },
        spec: {
          replicas: s.replicas,
          selector: { matchLabels: { app: 'orders' } },
          template: {
            metadata: { labels: { app: 'orders' } },
            spec: {
              containers: [{
                name: 'orders',
                image: s.image,
                env: [{ name: 'QUEUE_URL', value: queue.url }, { name: 'BUCKET', value: bucket.bucket }],
                envFrom: [{ configMapRef: { name: 'orders' } }],
              }],
            },
          },
        },
      },
      // Take fields back from hand edits (kubectl set image / scale), as GitOps means.
      fieldManager: { forceConflicts: true },
      wait: { rollout: true },
      timeouts: { create: '3m', update: '3m' },
      dependsOn: [config],
    });

    new TerraformOutput(this, 'bucket', { value: bucket.bucket });
    new TerraformOutput(this, 'queue_url', { value: queue.url });
  }
}

const app = new App();
const ctx = (k: string, d: string | number) => app.node.tryGetContext(k) ?? d;
new Orders(app, 'orders', {
  prefix: String(ctx('prefix', 'ballast-orders')),
  namespace: String(ctx('namespace', 'orders')),
  image: String(ctx('image', 'ghcr.io/example/orders:1.0')),
  replicas: Number(ctx('replicas', 2)),
  region: String(ctx('region', 'us-east-1')),
});
app.synth();
