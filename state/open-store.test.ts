import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UserInputError } from '../engine/errors.ts';
import { LocalDirStore } from './local-dir-store.ts';
import { backendOfStack, openStateStore } from './open-store.ts';

const sel = { appDir: '/app' };

test('backendOfStack: the backend block, or a cloud block as backend "cloud"', () => {
  assert.deepEqual(backendOfStack({ terraform: { backend: { '//': {}, gcs: { bucket: 'b' } } } }), { type: 'gcs', config: { bucket: 'b' } });
  assert.deepEqual(backendOfStack({ terraform: { cloud: { organization: 'o' } } }), { type: 'cloud', config: { organization: 'o' } });
  assert.equal(backendOfStack({ terraform: { required_providers: {} } }), undefined);
  assert.equal(backendOfStack({}), undefined);
});

test('a backend Ballast cannot use is refused, naming the stack and the backend, unless a store is chosen explicitly', () => {
  for (const [type, named] of [
    ['gcs', 'a "gcs" backend'],
    ['azurerm', 'a "azurerm" backend'],
    ['cloud', 'HCP Terraform (a "cloud" block)'],
  ]) {
    assert.throws(
      () => openStateStore('web', { type, config: {} }, sel),
      (e: unknown) => e instanceof UserInputError && e.message.startsWith(`stack "web" keeps its state in ${named}`) && e.message.includes('--state-dir'),
    );
    assert.ok(openStateStore('web', { type, config: {} }, { ...sel, stateDir: '/state' }) instanceof LocalDirStore);
  }
  assert.ok(openStateStore('web', { type: 'local', config: { path: 'x.tfstate' } }, sel) instanceof LocalDirStore);
  assert.ok(openStateStore('web', undefined, sel) instanceof LocalDirStore);
  assert.equal(openStateStore('web', { type: 's3', config: { bucket: 'b', key: 'k', region: 'us-east-1' } }, sel).description, 's3://b/k');
});
