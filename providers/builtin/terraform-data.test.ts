import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBuiltinProvider } from './index.ts';
import { apply, createStable, plan } from '../testdata/provider-harness.ts';
import { isUnknown, Unknown } from '../../engine/lang/value.ts';

const p = createBuiltinProvider({ workingDir: '/tmp', env: {} });
const T = 'terraform_data';

test('create plans id and output unknown, apply mirrors input and sets a UUID', async () => {
  const planned = (await plan(p, T, { input: { a: [1, 2] } }, null)).plannedState!;
  assert.ok(isUnknown(planned.id));
  assert.ok(isUnknown(planned.output));
  const state = await createStable(p, T, { input: { a: [1, 2] } });
  assert.deepEqual(state.output, { a: [1, 2] });
  assert.match(state.id as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('a null input plans a null output, not an unknown one', async () => {
  const planned = (await plan(p, T, {}, null)).plannedState!;
  assert.equal(planned.output, null);
  assert.ok(isUnknown(planned.id));
});

test('changing input updates in place: output unknown, id kept', async () => {
  const state = await createStable(p, T, { input: 'a' });
  const r = await plan(p, T, { input: 'b' }, state);
  assert.deepEqual(r.requiresReplace, []);
  assert.equal(r.plannedState!.id, state.id);
  assert.ok(isUnknown(r.plannedState!.output));
  const next = await apply(p, T, { input: 'b' }, state);
  assert.equal(next!.output, 'b');
  assert.equal(next!.id, state.id);
});

test('changing triggers_replace replaces; output stays when input is unchanged', async () => {
  const state = await createStable(p, T, { input: 'a', triggers_replace: ['v1'] });
  const r = await plan(p, T, { input: 'a', triggers_replace: ['v2'] }, state);
  assert.deepEqual(r.requiresReplace, [['triggers_replace']]);
  assert.ok(isUnknown(r.plannedState!.id));
  assert.equal(r.plannedState!.output, 'a');
  const unknownTrigger = await plan(p, T, { input: 'a', triggers_replace: new Unknown() }, state);
  assert.deepEqual(unknownTrigger.requiresReplace, [['triggers_replace']]);
  const next = await apply(p, T, { input: 'a', triggers_replace: ['v2'] }, state);
  assert.notEqual(next!.id, state.id);
});

test('import takes the id; read keeps the state', async () => {
  const imp = await p.importResourceState({ typeName: T, id: 'abc' });
  assert.deepEqual(imp.imported[0].state, { id: 'abc', input: null, output: null, triggers_replace: null });
  const read = await p.readResource({ typeName: T, currentState: imp.imported[0].state });
  assert.deepEqual(read.newState, imp.imported[0].state);
});

test('unexpected arguments are diagnostics', () => {
  const ds = p.validateResourceConfig({ typeName: T, config: { inptu: 1 } }).diagnostics;
  assert.equal(ds[0].detail, 'Did you mean "input"?');
  assert.equal(p.validateResourceConfig({ typeName: T, config: { output: 1 } }).diagnostics.length, 1);
  assert.match(p.validateResourceConfig({ typeName: 'terraform_nope', config: {} }).diagnostics[0].detail!, /does not support/);
});
