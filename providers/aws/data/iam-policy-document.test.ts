import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPolicyDocument } from './iam-policy-document.ts';

test('renders like the Terraform AWS provider', () => {
  const { json, minified } = renderPolicyDocument({
    statement: [
      {
        sid: 'Read',
        effect: null,
        actions: ['s3:GetObject', 's3:ListBucket'],
        resources: ['arn:aws:s3:::b/*'],
        principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::123456789012:root'] }],
        condition: [{ test: 'StringEquals', variable: 'aws:PrincipalTag/team', values: ['infra'] }],
      },
      { actions: ['sqs:SendMessage'], resources: ['*'] },
    ],
  });
  assert.equal(
    json,
    `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": [
        "s3:ListBucket",
        "s3:GetObject"
      ],
      "Resource": "arn:aws:s3:::b/*",
      "Principal": {
        "AWS": "arn:aws:iam::123456789012:root"
      },
      "Condition": {
        "StringEquals": {
          "aws:PrincipalTag/team": "infra"
        }
      }
    },
    {
      "Effect": "Allow",
      "Action": "sqs:SendMessage",
      "Resource": "*"
    }
  ]
}`,
  );
  assert.equal(JSON.parse(minified).Statement.length, 2);
});

test('override documents replace statements with the same Sid', () => {
  const { minified } = renderPolicyDocument({
    statement: [{ sid: 'A', actions: ['s3:GetObject'], resources: ['*'] }],
    override_policy_documents: [JSON.stringify({ Statement: [{ Sid: 'A', Effect: 'Deny', Action: '*', Resource: '*' }] })],
  });
  assert.deepEqual(JSON.parse(minified).Statement, [{ Sid: 'A', Effect: 'Deny', Action: '*', Resource: '*' }]);
});
