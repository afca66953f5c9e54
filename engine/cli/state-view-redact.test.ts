// show, show --json and show --diff redact through redactedVersion (issue 7 item 6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactedVersion, REDACTED } from './state-view.ts';
import { sampleVersion } from '../../state/testdata/sample-version.ts';

test('show redacts values derived from a secret even in versions recorded without their paths', () => {
  const v = sampleVersion(1, null);
  const old = {
    ...v,
    resources: {
      'terraform_data.d': {
        ...v.resources['random_pet.name'],
        address: 'terraform_data.d',
        type: 'terraform_data',
        name: 'd',
        attributes: { id: 'x', input: { pw: 'hunter2-secret' }, output: { pw: 'hunter2-secret' } },
        sensitivePaths: [['input', 'pw']],
      },
    },
  };
  const shown = JSON.stringify(redactedVersion(old));
  assert.ok(!shown.includes('hunter2-secret'), shown);
  assert.equal((redactedVersion(old).resources['terraform_data.d'].attributes.output as { pw: string }).pw, REDACTED);
});
