import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandomProvider } from './index.ts';
import { apply, createStable, plan } from '../testdata/provider-harness.ts';
import { isUnknown } from '../../engine/lang/value.ts';
import { ADJECTIVES, ADVERBS, NAMES } from './pet-words.ts';
import { petName } from './random-pet.ts';
import { seededSource } from './random-source.ts';

const p = createRandomProvider({ workingDir: '/tmp', env: {} });
const T = 'random_pet';

test('defaults give two words joined by "-", unknown until apply', async () => {
  const planned = (await plan(p, T, {}, null)).plannedState!;
  assert.equal(planned.length, 2);
  assert.equal(planned.separator, '-');
  assert.ok(isUnknown(planned.id));
  const state = await createStable(p, T, {});
  assert.match(state.id as string, /^[a-z]+-[a-z]+$/);
});

test('length, separator and prefix shape the name', async () => {
  const state = await createStable(p, T, { length: 4, separator: '_', prefix: 'app' });
  const words = (state.id as string).split('_');
  assert.equal(words.length, 5);
  assert.equal(words[0], 'app');
  assert.match(petName(1, '-', seededSource('x')), /^[a-z]+$/);
});

test('changes of keepers, length, prefix and separator force replacement', async () => {
  const state = await createStable(p, T, { keepers: { ami: 'a' } });
  for (const [config, path] of [
    [{ keepers: { ami: 'b' } }, 'keepers'],
    [{ keepers: { ami: 'a' }, length: 3 }, 'length'],
    [{ keepers: { ami: 'a' }, prefix: 'x' }, 'prefix'],
    [{ keepers: { ami: 'a' }, separator: '.' }, 'separator'],
  ] as const) {
    const r = await plan(p, T, config, state);
    assert.deepEqual(r.requiresReplace, [[path]], path);
    assert.ok(isUnknown(r.plannedState!.id));
  }
  const next = await apply(p, T, { keepers: { ami: 'b' }, length: 3 }, state);
  assert.equal((next!.id as string).split('-').length, 3);
});

test('bad length is a diagnostic and import is not supported', async () => {
  const ds = p.validateResourceConfig({ typeName: T, config: { length: 0 } }).diagnostics;
  assert.equal(ds[0].where?.attribute, 'length');
  assert.equal((await p.importResourceState({ typeName: T, id: 'x-y' })).imported.length, 0);
});

test('word lists are large (WordNet), so duplicate pets are rare: no 50 % chance of a duplicate before thousands of pets', () => {
  for (const list of [ADVERBS, ADJECTIVES, NAMES]) {
    assert.equal(new Set(list).size, list.length, 'no word twice');
    for (const w of list) assert.match(w, /^[a-z]{3,8}$/);
  }
  assert.ok(ADVERBS.every((w) => w.endsWith('ly')));
  const combinations = ADJECTIVES.length * NAMES.length;
  // birthday bound: a 50 % chance of a duplicate after about 1.18 * sqrt(combinations) pets
  assert.ok(1.1774 * Math.sqrt(combinations) > 2000, `only ${combinations} two-word names`);
  // and in practice: 2,000 seeded two-word pets are all different
  const random = seededSource('pets');
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) seen.add(petName(2, '-', random));
  assert.ok(seen.size >= 1999, `${2000 - seen.size} duplicates`);
});
