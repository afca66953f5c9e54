import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySummary } from './apply-summary.ts';

// as terraform apply 1.11 words them
test('the apply summary names imports only when there were some', () => {
  assert.equal(applySummary({ add: 1, change: 1, destroy: 0, import: 1 }), 'Apply complete! Resources: 1 imported, 1 added, 1 changed, 0 destroyed.');
  assert.equal(applySummary({ add: 2, change: 0, destroy: 3, import: 0 }), 'Apply complete! Resources: 2 added, 0 changed, 3 destroyed.');
  assert.equal(applySummary({ add: 0, change: 0, destroy: 0 }), 'Apply complete! Resources: 0 added, 0 changed, 0 destroyed.');
});
