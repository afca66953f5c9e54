import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedPaths } from './changed-paths.ts';

test('changed paths name nested keys and list items, never the values', () => {
  const before = { manifest: { spec: { replicas: 2, template: { containers: [{ image: 'a:1' }, { image: 'b:1' }] } } }, tags: { env: 'prod' } };
  const after = { manifest: { spec: { replicas: 5, template: { containers: [{ image: 'a:1' }, { image: 'b:2' }] } } }, tags: { env: 'prod', owner: 'x' } };
  assert.deepEqual(changedPaths(before, after), ['manifest.spec.replicas', 'manifest.spec.template.containers[1].image', 'tags.owner']);
  assert.deepEqual(changedPaths({ l: [1] }, { l: [1, 2] }), ['l']);
  assert.deepEqual(changedPaths({ a: 1 }, { a: 1 }), []);
  assert.equal(changedPaths({ a: 1, b: 1, c: 1 }, { a: 2, b: 2, c: 2 }, 2).length, 2);
});
