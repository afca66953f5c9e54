import { test } from 'node:test';
import assert from 'node:assert/strict';
import { change, plan } from '../plan/render/testdata/plan-fixtures.ts';
import { sampleVersion } from '../../state/testdata/sample-version.ts';
import { needsNewVersion } from './needs-new-version.ts';

const current = sampleVersion(3, null, { configDigest: 'sha256:x', sourceRevision: 'main@sha1:abc' });
const unchanged = { version: current, journals: [] };

test('the same config and revision with nothing to do records nothing', () => {
  assert.equal(needsNewVersion(plan([]), unchanged), false);
  assert.equal(needsNewVersion(plan([change('random_pet.a', 'no-op', { id: 'a' }, { id: 'a' })]), unchanged), false);
});

test('changes, drift or an interrupted apply to fold in record a version', () => {
  assert.equal(needsNewVersion(plan([change('random_pet.a', 'create', null, { id: 'a' })]), unchanged), true);
  assert.equal(needsNewVersion(plan([], { drift: [change('random_pet.a', 'update', { id: 'a' }, { id: 'b' })] }), unchanged), true);
  assert.equal(needsNewVersion(plan([]), { version: current, journals: ['apply-1'] }), true);
});

test('a first version is recorded except when destroying nothing', () => {
  assert.equal(needsNewVersion(plan([]), { version: null, journals: [] }), true);
  assert.equal(needsNewVersion(plan([], { mode: 'destroy' }), { version: null, journals: [] }), false);
});

test('a new revision or configuration is recorded on a normal run only', () => {
  assert.equal(needsNewVersion(plan([], { sourceRevision: 'main@sha1:def' }), unchanged), true);
  assert.equal(needsNewVersion(plan([], { configDigest: 'sha256:y' }), unchanged), true);
  assert.equal(needsNewVersion(plan([], { mode: 'refresh-only', configDigest: 'sha256:y' }), unchanged), false);
  assert.equal(needsNewVersion(plan([], { mode: 'destroy', sourceRevision: 'main@sha1:def' }), unchanged), false);
});
