import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandomProvider } from './index.ts';
import { apply, createStable, plan } from '../testdata/provider-harness.ts';
import { isUnknown } from '../../engine/lang/value.ts';
import { generateCharacters, LOWER, NUMERIC, SPECIAL, UPPER } from './random-characters.ts';
import { seededSource } from './random-source.ts';

const p = createRandomProvider({ workingDir: '/tmp', env: {} });
const T = 'random_string';
const count = (s: string, chars: string) => [...s].filter((c) => chars.includes(c)).length;

test('create fills defaults and generates the result at apply', async () => {
  const planned = (await plan(p, T, { length: 16 }, null)).plannedState!;
  assert.equal(planned.special, true);
  assert.equal(planned.numeric, true);
  assert.equal(planned.number, true);
  assert.equal(planned.min_upper, 0);
  assert.ok(isUnknown(planned.result));
  const s = await createStable(p, T, { length: 16 });
  assert.equal((s.result as string).length, 16);
  assert.equal(s.id, s.result);
});

test('character classes and minimums are honoured', async () => {
  const s = await createStable(p, T, { length: 12, special: false, upper: false, min_numeric: 5 });
  const r = s.result as string;
  assert.equal(count(r, UPPER) + count(r, SPECIAL), 0);
  assert.ok(count(r, NUMERIC) >= 5);
  const only = await createStable(p, T, { length: 20, lower: false, upper: false, numeric: false, override_special: '*' });
  assert.equal(only.result, '*'.repeat(20));
  for (let i = 0; i < 20; i++) {
    const g = generateCharacters({ length: 8, min_lower: 2, min_upper: 2, min_numeric: 2, min_special: 2 }, seededSource(String(i)));
    assert.ok(count(g, LOWER) >= 2 && count(g, UPPER) >= 2 && count(g, NUMERIC) >= 2 && count(g, SPECIAL) >= 2, g);
  }
});

test('number follows numeric and the other way round', async () => {
  const a = (await plan(p, T, { length: 4, number: false }, null)).plannedState!;
  assert.equal(a.numeric, false);
  const b = (await plan(p, T, { length: 4, numeric: false }, null)).plannedState!;
  assert.equal(b.number, false);
  const s = await createStable(p, T, { length: 30, numeric: false });
  assert.equal(count(s.result as string, NUMERIC), 0);
});

test('every argument forces replacement', async () => {
  const s = await createStable(p, T, { length: 8 });
  assert.deepEqual((await plan(p, T, { length: 9 }, s)).requiresReplace, [['length']]);
  assert.deepEqual((await plan(p, T, { length: 8, special: false }, s)).requiresReplace, [['special']]);
  assert.deepEqual((await plan(p, T, { length: 8, keepers: { a: 'b' } }, s)).requiresReplace, [['keepers']]);
  const r = await plan(p, T, { length: 8, numeric: false }, s);
  assert.deepEqual(r.requiresReplace.map((x) => x[0]).sort(), ['number', 'numeric']);
  const next = await apply(p, T, { length: 9 }, s);
  assert.equal((next!.result as string).length, 9);
});

test('import takes the string as result and re-plans as no change', async () => {
  const s = (await p.importResourceState({ typeName: T, id: 'abcDEF' })).imported[0].state;
  assert.equal(s.result, 'abcDEF');
  assert.equal(s.length, 6);
  const r = await plan(p, T, { length: 6 }, s);
  assert.deepEqual(r.requiresReplace, []);
});

test('invalid lengths are diagnostics', () => {
  const sum = p.validateResourceConfig({ typeName: T, config: { length: 3, min_upper: 2, min_lower: 2 } }).diagnostics;
  assert.match(sum[0].detail!, /length \(3\) must be >= min_upper \+ min_lower \+ min_numeric \+ min_special \(4\)/);
  assert.equal(p.validateResourceConfig({ typeName: T, config: { length: 0 } }).diagnostics[0].summary, 'Invalid length');
  assert.equal(p.validateResourceConfig({ typeName: T, config: { length: 4, number: true, numeric: false } }).diagnostics[0].summary, 'Conflicting number and numeric');
  assert.equal(p.validateResourceConfig({ typeName: T, config: { length: 4, result: 'x' } }).diagnostics.length, 1);
});
