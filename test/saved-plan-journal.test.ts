// A saved plan must be refused when an interrupted apply left a journal after the plan was made:
// applying it would write state from a prior that lacks the journalled objects and lose them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from './helpers/temp-dir.ts';
import { runBallast } from './helpers/run-ballast.ts';
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
    kind: 'done', address: 'terraform_data.a', operation: 'create', time,
    state: { address: 'terraform_data.a', mode: 'managed', type: 'terraform_data', name: 'a', provider: 'terraform', attributes: { id: 'journalled', input: 'x', output: 'x', triggers_replace: null }, sensitivePaths: [], dependencies: [], schemaVersion: 0 },
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
