import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandomProvider } from './index.ts';
import { createStable, plan } from '../testdata/provider-harness.ts';
import { isUnknown } from '../../engine/lang/value.ts';

const p = createRandomProvider({ workingDir: '/tmp', env: {} });
const T = 'random_bytes';

test('create, re-plan, replacement and import', async () => {
  assert.ok(isUnknown((await plan(p, T, { length: 16 }, null)).plannedState!.base64));
  const s = await createStable(p, T, { length: 16 });
  const bytes = Buffer.from(s.base64 as string, 'base64');
  assert.equal(bytes.length, 16);
  assert.equal(s.hex, bytes.toString('hex'));
  assert.deepEqual((await plan(p, T, { length: 32 }, s)).requiresReplace, [['length']]);
  const imp = (await p.importResourceState({ typeName: T, id: 'AAEC' })).imported[0].state;
  assert.equal(imp.hex, '000102');
  assert.equal(imp.length, 3);
  assert.equal(p.validateResourceConfig({ typeName: T, config: { length: -1 } }).diagnostics[0].summary, 'Invalid length');
});
