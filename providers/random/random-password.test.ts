import { test } from 'node:test';
import assert from 'node:assert/strict';
import bcrypt from 'bcryptjs';
import { createRandomProvider } from './index.ts';
import { createStable, plan } from '../testdata/provider-harness.ts';
import { formatDiagnostic } from '../../engine/diagnostics.ts';
import { isUnknown } from '../../engine/lang/value.ts';

const p = createRandomProvider({ workingDir: '/tmp', env: {} });
const T = 'random_password';

test('result and bcrypt_hash are sensitive in the schema; id is "none"', () => {
  const attrs = p.getSchema().resources[T].block.attributes;
  assert.equal(attrs.result.sensitive, true);
  assert.equal(attrs.bcrypt_hash.sensitive, true);
  assert.ok(!attrs.id.sensitive);
});

test('create generates a password and a matching bcrypt hash', async () => {
  const planned = (await plan(p, T, { length: 20, special: false }, null)).plannedState!;
  assert.ok(isUnknown(planned.result) && isUnknown(planned.bcrypt_hash));
  const s = await createStable(p, T, { length: 20, special: false });
  assert.equal(s.id, 'none');
  assert.match(s.result as string, /^[A-Za-z0-9]{20}$/);
  assert.ok(await bcrypt.compare(s.result as string, s.bcrypt_hash as string));
  assert.deepEqual((await plan(p, T, { length: 21, special: false }, s)).requiresReplace, [['length']]);
});

test('import by the password itself keeps it out of id and diagnostics', async () => {
  const imp = await p.importResourceState({ typeName: T, id: 'S3cret-pw' });
  const s = imp.imported[0].state;
  assert.equal(s.result, 'S3cret-pw');
  assert.equal(s.id, 'none');
  assert.ok(await bcrypt.compare('S3cret-pw', s.bcrypt_hash as string));
  assert.deepEqual((await plan(p, T, { length: 9 }, s)).requiresReplace, []);
  const ds = p.validateResourceConfig({ typeName: T, config: { length: 'hunter2' } }).diagnostics;
  assert.ok(!ds.map(formatDiagnostic).join().includes('hunter2'));
});
