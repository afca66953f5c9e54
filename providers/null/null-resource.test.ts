import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNullProvider } from './index.ts';
import { apply, createStable, plan } from '../testdata/provider-harness.ts';
import { isUnknown } from '../../engine/lang/value.ts';

const p = createNullProvider({ workingDir: '/tmp', env: {} });
const T = 'null_resource';

test('create: id unknown in plan, a random decimal after apply, stable on re-plan', async () => {
  const planned = (await plan(p, T, { triggers: { v: '1' } }, null)).plannedState!;
  assert.ok(isUnknown(planned.id));
  const state = await createStable(p, T, { triggers: { v: '1' } });
  assert.match(state.id as string, /^\d+$/);
  assert.deepEqual(state.triggers, { v: '1' });
  const bare = await createStable(p, T, {});
  assert.equal(bare.triggers, null);
  assert.notEqual(bare.id, state.id);
});

test('a trigger change forces replacement and a new id', async () => {
  const state = await createStable(p, T, { triggers: { v: '1' } });
  const r = await plan(p, T, { triggers: { v: '2' } }, state);
  assert.deepEqual(r.requiresReplace, [['triggers']]);
  assert.ok(isUnknown(r.plannedState!.id));
  const next = await apply(p, T, { triggers: { v: '2' } }, state);
  assert.notEqual(next!.id, state.id);
});

test('delete plans null; import is not supported; bad types are diagnostics', async () => {
  const state = await createStable(p, T, {});
  const r = await plan(p, T, null, state);
  assert.equal(r.plannedState, null);
  const del = await p.applyResourceChange({ typeName: T, priorState: state, plannedState: null, config: null });
  assert.equal(del.newState, null);
  const imp = await p.importResourceState({ typeName: T, id: '123' });
  assert.equal(imp.imported.length, 0);
  assert.match(imp.diagnostics[0].summary, /import not supported/);
  const ds = p.validateResourceConfig({ typeName: T, config: { triggers: 'x' } }).diagnostics;
  assert.equal(ds[0].where?.attribute, 'triggers');
});

test('null_data_source echoes inputs', async () => {
  const r = await p.readDataSource({ typeName: 'null_data_source', config: { inputs: { a: 'b' } } });
  assert.deepEqual(r.state?.outputs, { a: 'b' });
  assert.equal(r.state?.has_computed_default, 'default');
  assert.equal(r.state?.id, 'static');
});
