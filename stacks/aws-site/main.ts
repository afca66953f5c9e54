// A static-site bucket: versioned, private (public access block), a policy granting the
// account read access, and a few objects. Settings come from the cdktf context (cdktf.json), so the same app
// is applied, changed and replaced by editing one file — what the scenario tests do.
// Bindings are imported per resource (`@cdktf/provider-aws/lib/<resource>/index.js`): loading
// the whole @cdktf/provider-aws package costs several seconds per synth.

import { App, S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning/index.js';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy/index.js';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object/index.js';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity/index.js';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';

interface SiteContext {
  bucketName: string;
  environment: string;
  indexContent: string;
  /** extra generated objects (load for the kill/concurrency tests and benchmarks) */
  extraObjects: number;
  region: string;
  /** set to keep state in this versioned bucket (S3Backend) */
  stateBucket?: string;
  /** import an existing bucket instead of creating it */
  importBucket?: boolean;
}

class SiteStack extends TerraformStack {
  constructor(scope: Construct, id: string, c: SiteContext) {
    super(scope, id);
    if (c.stateBucket) new S3Backend(this, { bucket: c.stateBucket, key: `${id}/ballast.tfstate`, region: c.region });
    new AwsProvider(this, 'aws', { region: c.region, defaultTags: [{ tags: { ManagedBy: 'ballast' } }] });

    const bucket = new S3Bucket(this, 'site', {
      bucket: c.bucketName,
      forceDestroy: true,
      tags: { Environment: c.environment },
    });
    if (c.importBucket) bucket.importFrom(c.bucketName);

    new S3BucketVersioningA(this, 'versioning', {
      bucket: bucket.id,
      versioningConfiguration: { status: 'Enabled' },
    });
    const publicAccess = new S3BucketPublicAccessBlock(this, 'private', {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    // read access for the account's own principals (a public "*" grant would be refused by the
    // public access block above)
    const identity = new DataAwsCallerIdentity(this, 'current');
    const readers = new DataAwsIamPolicyDocument(this, 'readers', {
      statement: [{
        sid: 'AccountReadsObjects',
        effect: 'Allow',
        actions: ['s3:GetObject'],
        principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${identity.accountId}:root`] }],
        resources: [`${bucket.arn}/*`],
      }],
    });
    new S3BucketPolicy(this, 'policy', { bucket: bucket.id, policy: readers.json, dependsOn: [publicAccess] });

    const index = new S3Object(this, 'index', {
      bucket: bucket.id,
      key: 'index.html',
      content: c.indexContent,
      contentType: 'text/html',
    });
    new S3Object(this, 'robots', { bucket: bucket.id, key: 'robots.txt', content: 'User-agent: *\nDisallow: /\n', contentType: 'text/plain' });
    for (let i = 0; i < c.extraObjects; i++) {
      new S3Object(this, `page_${i}`, { bucket: bucket.id, key: `pages/${i}.html`, content: `<p>page ${i}</p>`, contentType: 'text/html' });
    }

    new TerraformOutput(this, 'bucket_arn', { value: bucket.arn });
    new TerraformOutput(this, 'index_etag', { value: index.etag });
  }
}

const app = new App();
const ctx = (k: string, d: unknown) => app.node.tryGetContext(k) ?? d;
new SiteStack(app, 'aws-site', {
  bucketName: String(ctx('bucketName', 'ballast-example-site')),
  environment: String(ctx('environment', 'dev')),
  indexContent: String(ctx('indexContent', '<h1>Hello from Ballast</h1>')),
  extraObjects: Number(ctx('extraObjects', 0)),
  region: String(ctx('region', 'us-east-1')),
  stateBucket: ctx('stateBucket', undefined) as string | undefined,
  importBucket: ctx('importBucket', false) === true,
});
app.synth();
