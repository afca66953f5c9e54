// A saved plan must be refused when an interrupted apply left a journal after the plan was made:
// applying it would write state from a prior that lacks the journalled objects and lose them.
// Once with a hand-written journal (exact contents), once with what a really killed apply wrote.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from './helpers/temp-dir.ts';
import { runBallast } from './helpers/run-ballast.ts';
import { applyAndKill } from './helpers/kill-apply.ts';
import { LocalDirStore } from '../state/local-dir-store.ts';

test('apply PLANFILE refuses a plan made before an interrupted apply journalled objects', async () => {
  const dir = await makeTempDir('saved-plan-journal-');
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ resource: { terraform_data: { a: { input: 'x' } } } }));
  const planned = await runBallast(['plan', '--out', 'p.plan'], { cwd: dir });
  assert.equal(planned.code, 0, planned.stderr);

  // an apply that was killed after creating an object: only its journal remains
  const store = new LocalDirStore(join(dir, '.ballast', 'main'), { stack: 'main' });
  const journal = await store.openJournal('killed-apply');
  const time = new Date().toISOString();
  await journal.append({ kind: 'intent', address: 'terraform_data.a', operation: 'create', prior: null, planned: { input: 'x' }, provider: 'terraform', dependencies: [], schemaVersion: 0, time });
  await journal.append({
    kind: 'done',
    address: 'terraform_data.a',
    operation: 'create',
    time,
    state: {
      address: 'terraform_data.a',
      mode: 'managed',
      type: 'terraform_data',
      name: 'a',
      provider: 'terraform',
      attributes: { id: 'journalled', input: 'x', output: 'x', triggers_replace: null },
      sensitivePaths: [],
      dependencies: [],
      schemaVersion: 0,
    },
  });
  await journal.close();

  const applied = await runBallast(['apply', 'p.plan'], { cwd: dir });
  assert.equal(applied.code, 1);
  assert.match(applied.stderr, /changed since the plan/);
  assert.equal((await store.pendingJournals()).length, 1, 'the journal must be kept');
  assert.equal(await store.current(), null, 'nothing may be recorded');

  // a fresh plan folds the journal in: the journalled object is kept, not created again
  const again = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(again.code, 0, again.stderr);
  const v = await store.current();
  assert.equal(v?.resources['terraform_data.a']?.attributes.id, 'journalled');
  assert.equal((await store.pendingJournals()).length, 0);
});

test('apply PLANFILE refuses a plan made before a real apply was killed; a fresh apply keeps what the killed one created', async () => {
  const dir = await makeTempDir('saved-plan-journal-kill-');
  const COUNT = 60;
  writeFileSync(
    join(dir, 'main.tf.json'),
    JSON.stringify({
      resource: { local_file: { f: { count: COUNT, filename: '${path.module}/out/f${count.index}.txt', content: 'file ${count.index}' } } },
    }),
  );
  const planned = await runBallast(['plan', '--out', 'p.plan'], { cwd: dir });
  assert.equal(planned.code, 0, planned.stderr);

  // a real apply, SIGKILLed after it reported a few files: its journal is what a crash leaves
  const killed = await applyAndKill(dir, 3, ['apply', '--auto-approve', '--parallelism', '1']);
  assert.equal(killed.signal, 'SIGKILL', `the apply must be killed before it finishes:\n${killed.stdout}`);
  const store = new LocalDirStore(join(dir, '.ballast', 'main'), { stack: 'main' });
  const journals = await store.pendingJournals();
  assert.equal(journals.length, 1, 'the killed apply left its journal');
  const done = journals[0].entries.flatMap((e) => (e.kind === 'done' && e.state ? [{ address: e.address, state: e.state }] : []));
  const reported = [...killed.stdout.matchAll(/^(\S+): Creation complete/gm)].map((m) => m[1]);
  assert.ok(reported.length >= 3, killed.stdout);
  // everything it reported finished is in the journal (the journal may know one more)
  const journalled = done.map((e) => e.address);
  for (const a of reported) assert.ok(journalled.includes(a), `${a} reported created but not journalled`);
  const onDisk = readdirSync(join(dir, 'out')).sort();
  assert.ok(onDisk.length >= reported.length && onDisk.length < COUNT, `killed part-way: ${onDisk.length} files`);

  const applied = await runBallast(['apply', 'p.plan'], { cwd: dir });
  assert.equal(applied.code, 1, applied.stdout + applied.stderr);
  assert.match(applied.stderr, /Error: state of stack "main" changed since the plan in p\.plan was made \(planned against serial none, now none\); run plan again/);
  assert.doesNotMatch(applied.stdout, /Creation complete/);
  assert.doesNotMatch(applied.stderr, /\n\s+at /, 'no stack trace');
  assert.equal((await store.pendingJournals()).length, 1, 'the journal must be kept');
  assert.equal(await store.current(), null, 'nothing may be recorded');
  assert.deepEqual(readdirSync(join(dir, 'out')).sort(), onDisk, 'the refused plan touched nothing');

  // a fresh apply folds the journal in: journalled files are kept (not created again), the rest created
  const again = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(again.code, 0, again.stderr);
  const recreated = [...again.stdout.matchAll(/^(\S+): Creation complete/gm)].map((m) => m[1]);
  for (const a of journalled) assert.ok(!recreated.includes(a), `${a} was journalled by the killed apply but created again`);
  assert.equal(recreated.length, COUNT - journalled.length);
  const v = await store.current();
  assert.equal(Object.keys(v!.resources).length, COUNT);
  for (const e of done) assert.deepEqual(v!.resources[e.address].attributes.id, e.state.attributes.id, `${e.address} kept as journalled`);
  assert.equal((await store.pendingJournals()).length, 0);
  assert.equal(readdirSync(join(dir, 'out')).length, COUNT);
  const plan = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir });
  assert.equal(plan.code, 0, plan.stdout + plan.stderr);
});
