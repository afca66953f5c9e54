// Marks follow secrets through computed attributes (issue 7 item 6): terraform_data's `output`
// derived from a sensitive `input` used to be recorded and shown in clear.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { followSensitive, sensitiveState } from './follow-sensitive.ts';
import { Sensitive, Unknown } from '../lang/value.ts';

test('terraform_data output derived from sensitive input is marked too', () => {
  const attrs = { id: 'abc', input: { pw: 'hunter2-secret', gen: 'Zx9!generated' }, output: { pw: 'hunter2-secret', gen: 'Zx9!generated' }, triggers_replace: null };
  const paths = followSensitive(attrs, [
    ['input', 'pw'],
    ['input', 'gen'],
  ]);
  assert.deepEqual(paths, [
    ['input', 'pw'],
    ['input', 'gen'],
    ['output', 'pw'],
    ['output', 'gen'],
  ]);
  // a whole sensitive input marks the whole equal output
  assert.deepEqual(followSensitive(attrs, [['input']]), [['input'], ['output']]);
  // a string that embeds a secret is marked; unrelated values and unknowns are not
  assert.deepEqual(followSensitive({ a: 'hunter2-secret', b: 'user=x;pass=hunter2-secret', c: 'other', d: new Unknown() }, [['a']]), [['a'], ['b']]);
  assert.deepEqual(followSensitive({ a: '', b: '' }, [['a']]), [['a']]);
});

test("sensitiveState lifts marks left inside values (another stack's outputs) into paths", () => {
  const read = { backend: 'local', outputs: { secret_len: new Sensitive(24), pet: 'fido', nested: { k: new Sensitive('tok-123456') } } };
  const st = sensitiveState(read, []);
  assert.deepEqual(st.attributes, { backend: 'local', outputs: { secret_len: 24, pet: 'fido', nested: { k: 'tok-123456' } } });
  assert.deepEqual(st.sensitivePaths, [
    ['outputs', 'secret_len'],
    ['outputs', 'nested', 'k'],
  ]);
});
