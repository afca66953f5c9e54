import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeRef, formatImportId, objectPath, parseImportId, refOf } from './object-ref.ts';

test('refOf reads the identity of a manifest and refuses an incomplete one', () => {
  assert.deepEqual(refOf({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' } }), { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' });
  assert.deepEqual(refOf({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }), { apiVersion: 'v1', kind: 'Namespace', name: 'shop' });
  assert.equal(refOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }), undefined);
  assert.equal(refOf({ kind: 'ConfigMap', metadata: { name: 'x' } }), undefined);
});

test('import ids: the short form and the key=value form give the same object', () => {
  const want = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' };
  assert.deepEqual(parseImportId('apps/v1,Deployment,shop,web'), want);
  assert.deepEqual(parseImportId('apiVersion=apps/v1,kind=Deployment,namespace=shop,name=web'), want);
  assert.deepEqual(parseImportId('v1,Namespace,shop'), { apiVersion: 'v1', kind: 'Namespace', name: 'shop' });
  assert.equal(parseImportId('Deployment/web'), undefined);
  assert.equal(parseImportId('v1,,x'), undefined);
  assert.equal(formatImportId(want), 'apps/v1,Deployment,shop,web');
  assert.equal(describeRef(want), 'Deployment shop/web (apps/v1)');
});

test('objectPath places namespaced and cluster-scoped objects', () => {
  assert.equal(objectPath('/apis/apps/v1', 'deployments', true, { namespace: 'shop', name: 'web' }), '/apis/apps/v1/namespaces/shop/deployments/web');
  assert.equal(objectPath('/api/v1', 'namespaces', false, { name: 'shop' }), '/api/v1/namespaces/shop');
});
