import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressGlob, parseDriftPolicyFlag, policyFor, type DriftPolicyRule } from './drift-policy.ts';

test('address globs: * spans any characters (dots and brackets too), ? one, the rest is literal', () => {
  assert.ok(addressGlob('kubernetes_manifest.Deployment_shop_*').test('kubernetes_manifest.Deployment_shop_web'));
  assert.ok(addressGlob('aws_s3_bucket.*').test('aws_s3_bucket.logs["prod"]'));
  assert.ok(addressGlob('module.app.*').test('module.app.aws_sqs_queue.q[0]'));
  assert.ok(addressGlob('aws_s3_bucket.logs[?]').test('aws_s3_bucket.logs[3]'));
  assert.ok(!addressGlob('aws_s3_bucket.logs[?]').test('aws_s3_bucket.logs[12]'));
  assert.ok(!addressGlob('aws_s3_bucket.a').test('aws_s3_bucketXa'), 'a dot is a dot');
  assert.ok(!addressGlob('aws_s3_bucket.a').test('aws_s3_bucket.ab'), 'the whole address must match');
});

test('the first matching rule decides; a stack glob limits a rule to some stacks', () => {
  const rules: DriftPolicyRule[] = [
    { address: 'kubernetes_manifest.Deployment_shop_web', policy: 'revert' },
    { address: 'kubernetes_manifest.Deployment_shop_*', policy: 'alert' },
    { address: 'aws_*', policy: 'ignore', stack: 'infra-*' },
  ];
  assert.equal(policyFor(rules, 'apps', 'kubernetes_manifest.Deployment_shop_web')?.policy, 'revert');
  assert.equal(policyFor(rules, 'apps', 'kubernetes_manifest.Deployment_shop_api')?.policy, 'alert');
  assert.equal(policyFor(rules, 'infra-eu', 'aws_s3_bucket.b')?.policy, 'ignore');
  assert.equal(policyFor(rules, 'apps', 'aws_s3_bucket.b'), undefined);
});

test('plan --drift-policy ADDRESS=POLICY', () => {
  assert.deepEqual(parseDriftPolicyFlag('aws_s3_bucket.*=alert'), { address: 'aws_s3_bucket.*', policy: 'alert' });
  assert.equal(parseDriftPolicyFlag('aws_s3_bucket.*'), null);
  assert.equal(parseDriftPolicyFlag('aws_s3_bucket.*=loud'), null);
  assert.equal(parseDriftPolicyFlag('=alert'), null);
});
