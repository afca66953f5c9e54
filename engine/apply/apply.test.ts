// Apply's journal, read back the way a later run recovers an interrupted apply: whatever the
// journal says must match what the apply recorded, for every kind of change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { hasErrors } from '../diagnostics.ts';
import { prepareStack } from '../operations/prepare-stack.ts';
import { readPrior } from '../operations/prior-state.ts';
import { planPreparedStack } from '../operations/plan-stack.ts';
import { applySession } from '../operations/apply-stack.ts';
import { recoverJournal } from '../operations/recover-journal.ts';
import { StackScope } from '../eval/stack-scope.ts';
import { LocalDirStore } from '../../state/local-dir-store.ts';
import type { JournalEntry } from '../../state/journal.ts';
import { defaultRegistry } from '../../providers/shipped/default-registry.ts';
import { makeTempDir } from '../../test/helpers/temp-dir.ts';
import { applyPlan } from './apply.ts';

type Json = Record<string, unknown>;
const registry = defaultRegistry();

const config = (k: string, cbd: boolean): Json => ({
  resource: {
    random_pet: { p: { length: 2, keepers: { k }, lifecycle: { create_before_destroy: cbd } } },
    terraform_data: { d: { input: '${random_pet.p.id}' } },
    null_resource: { gone: { count: k === '1' ? 1 : 0 } },
  },
});

for (const cbd of [true, false]) {
  test(`journal recovery of a finished apply equals its result (replace ${cbd ? 'create-then-delete' : 'delete-then-create'}, update, delete)`, async () => {
    const dir = await makeTempDir('ballast-apply-');
    const store = new LocalDirStore(join(dir, 'state'), { stack: 'main' });
    const prepare = (json: Json) => {
      const r = prepareStack({ name: 'main', file: join(dir, 'main.tf.json'), dir, json, bytes: Buffer.from(JSON.stringify(json)) }, { env: {} });
      assert.ok(r.stack);
      return r.stack;
    };
    // version 1 through the operations layer
    const first = await planPreparedStack(prepare(config('1', cbd)), await readPrior(store), registry, { mode: 'normal' }, {});
    await applySession(first.session!, store);
    await first.session!.close();

    const stack = prepare(config('2', cbd));
    const planned = await planPreparedStack(stack, await readPrior(store), registry, { mode: 'normal' }, {});
    const session = planned.session!;
    const actions = Object.fromEntries(session.plan.changes.map((c) => [c.address, c.action]));
    assert.deepEqual(actions, {
      'null_resource.gone[0]': 'delete',
      'random_pet.p': cbd ? 'create-then-delete' : 'delete-then-create',
      'terraform_data.d': 'update',
    });
    const entries: JournalEntry[] = [];
    try {
      const result = await applyPlan(session.plan, {
        config: stack.config,
        scope: new StackScope(stack.config, stack.variables, { applying: true }),
        providers: session.providers,
        journal: {
          append: async (e) => {
            entries.push(e);
          },
          close: async () => undefined,
        },
        parallelism: 4,
      });
      assert.equal(hasErrors(result.diagnostics), false);
      const recovered = new Map(Object.entries(session.plan.prior));
      recoverJournal(recovered, entries);
      assert.deepEqual([...recovered.keys()].sort(), [...result.instances.keys()].sort());
      assert.deepEqual(recovered.get('random_pet.p')!.attributes, result.instances.get('random_pet.p')!.attributes);
      assert.notEqual(recovered.get('random_pet.p')!.attributes.id, session.plan.prior['random_pet.p']!.attributes.id);
      assert.equal(recovered.get('terraform_data.d')!.attributes.input, recovered.get('random_pet.p')!.attributes.id);
    } finally {
      await session.close();
    }
  });
}
