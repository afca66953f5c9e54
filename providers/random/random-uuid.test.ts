import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandomProvider } from './index.ts';
import { createStable, plan } from '../testdata/provider-harness.ts';
import { isUnknown } from '../../engine/lang/value.ts';

const p = createRandomProvider({ workingDir: '/tmp', env: {} });
const T = 'random_uuid';

test('create, re-plan, keepers replace, import', async () => {
  assert.ok(isUnknown((await plan(p, T, {}, null)).plannedState!.result));
  const s = await createStable(p, T, { keepers: { a: '1' } });
  assert.match(s.result as string, /^[0-9a-f-]{36}$/);
  assert.equal(s.id, s.result);
  assert.deepEqual((await plan(p, T, { keepers: { a: '2' } }, s)).requiresReplace, [['keepers']]);
  const imp = await p.importResourceState({ typeName: T, id: '6B0C3B58-1F3C-4C8A-9D47-111111111111' });
  assert.equal(imp.imported[0].state.result, '6b0c3b58-1f3c-4c8a-9d47-111111111111');
  assert.equal((await p.importResourceState({ typeName: T, id: 'nope' })).imported.length, 0);
});
