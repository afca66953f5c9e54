import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameFromPath, stackNameProblem } from './stack-name.ts';

test('valid stack names follow Terraform identifier rules', () => {
  for (const ok of ['main', 's01', '_x', 'a-b_c', 'App2']) assert.equal(stackNameProblem(ok), null, ok);
  for (const bad of ['', 'x/../victim', '../../escape', '.', '..', 'a.b', 'a b', '1st', '-x', 'x\\y', 'a'.repeat(129)]) assert.notEqual(stackNameProblem(bad), null, bad);
});

test('names derived from paths', () => {
  assert.equal(nameFromPath('s01'), 's01');
  assert.equal(nameFromPath('prod/net'), 'prod-net');
  assert.equal(nameFromPath('01'), '_01');
  assert.equal(nameFromPath('my.app'), 'my-app');
  assert.equal(nameFromPath(''), null);
});
