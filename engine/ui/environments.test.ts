import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareEnvironments, placeStack } from './environments.ts';

test('the environment comes from a label, the name, or the source path', () => {
  assert.deepEqual(placeStack('web-prod', null), { environment: 'prod', app: 'web' });
  assert.deepEqual(placeStack('staging_web_api', null), { environment: 'staging', app: 'web-api' });
  assert.deepEqual(placeStack('web', 'git x (main) envs/production/web'), { environment: 'prod', app: 'web' });
  assert.deepEqual(placeStack('web-blue', null, { 'web-blue': 'canary' }), { environment: 'canary', app: 'web-blue' });
  assert.deepEqual(placeStack('billing', 'git x (main) stacks/billing'), { environment: '', app: 'billing' });
});

test('environments sort in promotion order, unlabelled last', () => {
  assert.deepEqual(['', 'prod', 'canary', 'dev', 'staging'].sort(compareEnvironments), ['dev', 'canary', 'staging', 'prod', '']);
});
