// Apply's journal, read back the way a later run recovers an interrupted apply: whatever the
// journal says must match what the apply recorded, for every kind of change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
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
import { applyPlan, type ApplyEvent } from './apply.ts';

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

/** plans `json` from empty state and applies it with `journal` */
async function applyFresh(json: Json, journal: { append(e: JournalEntry): Promise<void>; close(): Promise<void> }, onEvent?: (e: ApplyEvent) => void) {
  const dir = await makeTempDir('ballast-apply-journal-');
  const r = prepareStack({ name: 'main', file: join(dir, 'main.tf.json'), dir, json, bytes: Buffer.from(JSON.stringify(json)) }, { env: {} });
  assert.ok(r.stack);
  const planned = await planPreparedStack(r.stack, await readPrior(new LocalDirStore(join(dir, 'state'), { stack: 'main' })), registry, { mode: 'normal' }, {});
  const session = planned.session!;
  try {
    const result = await applyPlan(session.plan, {
      config: r.stack.config,
      scope: new StackScope(r.stack.config, r.stack.variables, { applying: true }),
      providers: session.providers,
      journal,
      parallelism: 4,
      ...(onEvent ? { onEvent } : {}),
    });
    return { dir, result };
  } finally {
    await session.close();
  }
}

test('a state-only change goes on before its journal entries are durable; a real-world change waits for its intent', async () => {
  const held: (() => void)[] = [];
  let released = false;
  const release = () => {
    released = true;
    for (const r of held.splice(0)) r();
  };
  const entries: JournalEntry[] = [];
  let fileAtStateOnlyDone: boolean | undefined;
  let releasedAtStateOnlyDone: boolean | undefined;
  const guard = setTimeout(release, 5000); // without the change the apply would wait here forever
  const { result } = await applyFresh(
    {
      resource: {
        terraform_data: { a: { input: 'x' } },
        local_file: { f: { filename: '${path.module}/f.txt', content: 'f' } },
      },
    },
    {
      append: (e) => {
        entries.push(e);
        return released ? Promise.resolve() : new Promise<void>((resolve) => held.push(resolve));
      },
      close: async () => undefined,
    },
    (e) => {
      if (e.kind !== 'done' || e.address !== 'terraform_data.a') return;
      releasedAtStateOnlyDone = released;
      fileAtStateOnlyDone = entries.some((x) => x.address === 'local_file.f' && x.kind === 'done');
      setImmediate(release);
    },
  );
  clearTimeout(guard);
  assert.equal(hasErrors(result.diagnostics), false);
  assert.equal(releasedAtStateOnlyDone, false, 'terraform_data.a finished while none of its journal entries was acknowledged');
  assert.equal(fileAtStateOnlyDone, false, 'local_file.f must not be created before its intent is durable');
  assert.deepEqual(entries.map((e) => `${e.kind} ${e.address}`).sort(), ['done local_file.f', 'done terraform_data.a', 'intent local_file.f', 'intent terraform_data.a']);
});

test('a state-only journal entry that cannot be written stops every later real-world change and fails the apply', async () => {
  const { dir, result } = await applyFresh(
    {
      resource: {
        terraform_data: { a: { input: 'x' } },
        local_file: { f: { filename: '${path.module}/f.txt', content: '${terraform_data.a.output}' } },
      },
    },
    {
      append: async (e) => {
        if (e.address.startsWith('terraform_data.')) throw new Error('journal j could not be written: disk full');
      },
      close: async () => undefined,
    },
  );
  assert.equal(result.complete, false);
  const messages = result.diagnostics.map((d) => `${d.summary}: ${d.detail}`);
  assert.ok(messages.includes('Error writing the apply journal: journal j could not be written: disk full'), messages.join('\n'));
  assert.ok(
    messages.some((m) => m.startsWith('Error applying local_file.f')),
    messages.join('\n'),
  );
  assert.equal(existsSync(join(dir, 'f.txt')), false, 'no real-world change after the journal failed');
  assert.equal(result.instances.has('local_file.f'), false);
});
