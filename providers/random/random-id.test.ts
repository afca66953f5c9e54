import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandomProvider } from './index.ts';
import { createStable, plan } from '../testdata/provider-harness.ts';
import { isUnknown } from '../../engine/lang/value.ts';

const p = createRandomProvider({ workingDir: '/tmp', env: {} });
const T = 'random_id';

test('create gives every form of the same bytes', async () => {
  const planned = (await plan(p, T, { byte_length: 8, prefix: 'p-' }, null)).plannedState!;
  for (const k of ['id', 'b64_url', 'b64_std', 'hex', 'dec']) assert.ok(isUnknown(planned[k]), k);
  const s = await createStable(p, T, { byte_length: 8, prefix: 'p-' });
  const bytes = Buffer.from(s.id as string, 'base64url');
  assert.equal(bytes.length, 8);
  assert.ok(!(s.id as string).includes('='));
  assert.equal(s.b64_url, `p-${s.id}`);
  assert.equal(s.b64_std, `p-${bytes.toString('base64')}`);
  assert.equal(s.hex, `p-${bytes.toString('hex')}`);
  assert.equal(s.dec, `p-${BigInt('0x' + bytes.toString('hex')).toString()}`);
});

test('byte_length and prefix force replacement', async () => {
  const s = await createStable(p, T, { byte_length: 4 });
  assert.deepEqual((await plan(p, T, { byte_length: 5 }, s)).requiresReplace, [['byte_length']]);
  assert.deepEqual((await plan(p, T, { byte_length: 4, prefix: 'x' }, s)).requiresReplace, [['prefix']]);
});

test('import by base64url id, with or without a prefix, re-plans as no change', async () => {
  const imp = await p.importResourceState({ typeName: T, id: 'p-,7jnQ4w' });
  const s = imp.imported[0].state;
  assert.equal(s.id, '7jnQ4w');
  assert.equal(s.byte_length, 4);
  assert.equal(s.hex, 'p-ee39d0e3');
  assert.equal(s.b64_url, 'p-7jnQ4w');
  const r = await plan(p, T, { byte_length: 4, prefix: 'p-' }, s);
  assert.deepEqual(r.requiresReplace, []);
  assert.deepEqual(r.plannedState, s);
  const bad = await p.importResourceState({ typeName: T, id: 'not base64!' });
  assert.equal(bad.imported.length, 0);
  assert.match(bad.diagnostics[0].summary, /Invalid import id/);
});

test('missing and bad byte_length are diagnostics', () => {
  assert.equal(p.validateResourceConfig({ typeName: T, config: {} }).diagnostics[0].summary, 'The argument "byte_length" is required');
  assert.equal(p.validateResourceConfig({ typeName: T, config: { byte_length: 0 } }).diagnostics[0].summary, 'Invalid byte_length');
});
