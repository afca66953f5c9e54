import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandomProvider } from './index.ts';
import { createStable, plan } from '../testdata/provider-harness.ts';
import { isUnknown } from '../../engine/lang/value.ts';

const p = createRandomProvider({ workingDir: '/tmp', env: {} });
const T = 'random_shuffle';
const input = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

test('a permutation of input, deterministic with a seed, sized by result_count', async () => {
  assert.ok(isUnknown((await plan(p, T, { input }, null)).plannedState!.result));
  const s = await createStable(p, T, { input });
  assert.deepEqual([...(s.result as string[])].sort(), input);
  const a = await createStable(p, T, { input, seed: 'k' });
  const b = await createStable(p, T, { input, seed: 'k' });
  assert.deepEqual(a.result, b.result);
  const few = await createStable(p, T, { input, result_count: 3 });
  assert.equal((few.result as string[]).length, 3);
  const many = await createStable(p, T, { input: ['x', 'y'], result_count: 5 });
  assert.equal((many.result as string[]).length, 5);
  assert.deepEqual((await plan(p, T, { input: ['a'] }, s)).requiresReplace, [['input']]);
});
