import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandomProvider } from './index.ts';
import { createStable, plan } from '../testdata/provider-harness.ts';
import { isUnknown } from '../../engine/lang/value.ts';

const p = createRandomProvider({ workingDir: '/tmp', env: {} });
const T = 'random_integer';

test('result lies in [min, max] and id is its text', async () => {
  assert.ok(isUnknown((await plan(p, T, { min: 1, max: 3 }, null)).plannedState!.result));
  const seen = new Set<number>();
  for (let i = 0; i < 30; i++) {
    const s = await createStable(p, T, { min: 1, max: 3 });
    assert.ok((s.result as number) >= 1 && (s.result as number) <= 3);
    assert.equal(s.id, String(s.result));
    seen.add(s.result as number);
  }
  assert.ok(seen.size > 1, 'not constant');
});

test('a seed makes the result deterministic', async () => {
  const a = await createStable(p, T, { min: 0, max: 1_000_000, seed: 'abc' });
  const b = await createStable(p, T, { min: 0, max: 1_000_000, seed: 'abc' });
  const c = await createStable(p, T, { min: 0, max: 1_000_000, seed: 'abd' });
  assert.equal(a.result, b.result);
  assert.notEqual(a.result, c.result);
});

test('min, max and seed force replacement', async () => {
  const s = await createStable(p, T, { min: 1, max: 10 });
  assert.deepEqual((await plan(p, T, { min: 2, max: 10 }, s)).requiresReplace, [['min']]);
  assert.deepEqual((await plan(p, T, { min: 1, max: 10, seed: 'x' }, s)).requiresReplace, [['seed']]);
});

test('import "result,min,max[,seed]" and validation', async () => {
  const s = (await p.importResourceState({ typeName: T, id: '15,1,50,sd' })).imported[0].state;
  assert.deepEqual(s, { keepers: null, result: 15, min: 1, max: 50, seed: 'sd', id: '15' });
  assert.deepEqual((await plan(p, T, { min: 1, max: 50, seed: 'sd' }, s)).requiresReplace, []);
  assert.equal((await p.importResourceState({ typeName: T, id: '99,1,50' })).imported.length, 0);
  assert.equal((await p.importResourceState({ typeName: T, id: '1,2' })).imported.length, 0);
  assert.match(p.validateResourceConfig({ typeName: T, config: { min: 5, max: 1 } }).diagnostics[0].detail!, /min \(5\)/);
  assert.equal(p.validateResourceConfig({ typeName: T, config: { min: 1 } }).diagnostics[0].summary, 'The argument "max" is required');
});
