import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getPath, project, setPath, splitPath, withoutBookkeeping } from './managed-view.ts';

test('project keeps only the paths of the manifest, so server defaults are invisible', () => {
  const manifest = { spec: { replicas: 2, template: { spec: { containers: [{ name: 'web', image: 'nginx:1' }] } } } };
  const live = {
    spec: { replicas: 2, revisionHistoryLimit: 10, template: { spec: { containers: [{ name: 'web', image: 'nginx:1', imagePullPolicy: 'IfNotPresent' }], dnsPolicy: 'ClusterFirst' } } },
    status: { replicas: 2 },
  };
  assert.deepEqual(project(live, manifest), manifest);
});

test('project shows a hand edit, a removed field and a changed list length', () => {
  const manifest = { spec: { replicas: 2, paused: false }, args: ['a', 'b'] };
  assert.deepEqual(project({ spec: { replicas: 5 }, args: ['a'] }, manifest), { spec: { replicas: 5, paused: null }, args: ['a'] });
});

test('paths: dotted, indexed and quoted keys', () => {
  assert.deepEqual(splitPath('metadata.annotations["ballast.dev/drift"]'), ['metadata', 'annotations', 'ballast.dev/drift']);
  assert.deepEqual(splitPath('spec.containers[0].image'), ['spec', 'containers', '0', 'image']);
  assert.equal(getPath({ spec: { containers: [{ image: 'x' }] } }, 'spec.containers[0].image'), 'x');
  assert.deepEqual(setPath({ spec: { a: 1 } }, 'spec.replicas', 3), { spec: { a: 1, replicas: 3 } });
});

test('withoutBookkeeping drops fields that change on every write', () => {
  const o = withoutBookkeeping({ metadata: { name: 'a', resourceVersion: '5', generation: 2, managedFields: [] }, status: {} }, true);
  assert.deepEqual(o, { metadata: { name: 'a' } });
});
