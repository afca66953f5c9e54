import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConstraintError, newestMatching, satisfies } from './version-constraints.ts';

test('Terraform constraint operators', () => {
  assert.ok(satisfies('1.2.3', '1.2.3'));
  assert.ok(satisfies('1.2.3', '>= 1.2, < 2.0'));
  assert.ok(!satisfies('2.0.0', '>= 1.2, < 2.0'));
  assert.ok(satisfies('1.9.0', '~> 1.2'));
  assert.ok(!satisfies('2.0.0', '~> 1.2'));
  assert.ok(satisfies('1.2.9', '~> 1.2.3'));
  assert.ok(!satisfies('1.3.0', '~> 1.2.3'));
  assert.ok(!satisfies('1.2.3', '!= 1.2.3'));
  assert.ok(!satisfies('1.3.0-beta1', '>= 1.0'), 'pre-releases only by exact match');
  assert.ok(satisfies('1.3.0-beta1', '1.3.0-beta1'));
});

test('the newest matching version wins; a bad constraint is a clear error', () => {
  assert.equal(newestMatching(['0.9.0', '1.10.0', '1.2.0', '2.0.0'], '~> 1.0'), '1.10.0');
  assert.equal(newestMatching(['1.0.0'], '>= 2'), undefined);
  assert.throws(
    () => satisfies('1.0.0', '>= banana'),
    (e: Error) => e instanceof ConstraintError && /">= banana" is not a version constraint/.test(e.message),
  );
});
