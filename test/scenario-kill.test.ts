// SIGKILL in the middle of an apply of 200 files: the journal accounts for everything the
// killed process did, `state unlock` shows the stale lock, and the next apply takes the lock
// over visibly, converges, and leaves no file on disk that state does not know about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { applyAndKill } from './helpers/kill-apply.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

const COUNT = 200;

test('SIGKILL during an apply of 200 files, then plan and apply converge with nothing untracked', async () => {
  const dir = await makeTempDir('ballast-scn-kill-');
  await writeFile(
    join(dir, 'main.tf.json'),
    JSON.stringify({
      resource: {
        local_file: {
          f: { count: COUNT, filename: '${path.module}/out/f${count.index}.txt', content: 'file ${count.index}' },
        },
      },
    }),
  );

  const killed = await applyAndKill(dir, 10);
  assert.equal(killed.signal, 'SIGKILL', 'the apply must be killed before it finishes');
  const onDiskAfterKill = readdirSync(join(dir, 'out'));
  assert.ok(onDiskAfterKill.length >= 10 && onDiskAfterKill.length < COUNT, `some but not all files exist: ${onDiskAfterKill.length}`);
  // nothing was recorded as a version; the journal holds what happened
  assert.deepEqual(readdirSync(join(dir, '.ballast/main/versions')), []);
  assert.equal(readdirSync(join(dir, '.ballast/main/journal')).length, 1);

  // the lock of the dead process is shown as stale
  const lock = JSON.parse(readFileSync(join(dir, '.ballast/main/lock.json'), 'utf8')) as { id: string; pid: number };
  const unlock = await runBallast(['state', 'unlock'], { cwd: dir });
  assert.equal(unlock.code, 0, unlock.stderr);
  assert.match(unlock.stdout, new RegExp(`is locked by .* \\(pid ${lock.pid}\\) for apply`));
  assert.match(unlock.stdout, /STALE: its holder .* is no longer running/);
  assert.match(unlock.stdout, new RegExp(`Lock id: ${lock.id}`));

  // plan sees the journal: the files that finished are known, the rest are to be created
  const plan = await runBallast(['plan', '--json'], { cwd: dir });
  assert.equal(plan.code, 0, plan.stderr);
  const changes = JSON.parse(plan.stdout).resource_changes as { address: string; change: { actions: string[] } }[];
  const creates = changes.filter((c) => c.change.actions.includes('create')).length;
  const noops = changes.filter((c) => c.change.actions[0] === 'no-op').length;
  assert.equal(changes.length, COUNT);
  assert.ok(noops >= 10, `finished files are recorded (no-op): ${noops}`);
  assert.equal(creates + noops, COUNT);

  const apply = await runBallast(['apply', '--auto-approve', '--parallelism', '4'], { cwd: dir });
  assert.equal(apply.code, 0, apply.stderr);
  assert.match(apply.stderr, /Warning: Took over a stale state lock/);
  assert.match(apply.stderr, new RegExp(`pid ${lock.pid}`));
  assert.match(apply.stdout, /Recorded state version 1 of stack "main"/);

  // every file on disk is in state and vice versa
  const onDisk = readdirSync(join(dir, 'out')).sort();
  const list = await runBallast(['state', 'list'], { cwd: dir });
  const inState = list.stdout.trim().split('\n');
  assert.equal(inState.length, COUNT);
  assert.deepEqual(onDisk, Array.from({ length: COUNT }, (_, i) => `f${i}.txt`).sort());
  const state = JSON.parse(readFileSync(join(dir, '.ballast/main/versions/00000001.json'), 'utf8')) as { resources: Record<string, { attributes: { filename: string; content: string } }> };
  const recorded = Object.values(state.resources)
    .map((r) => r.attributes.filename.replace(/^.*\//, ''))
    .sort();
  assert.deepEqual(recorded, onDisk);
  for (const [addr, r] of Object.entries(state.resources)) {
    const i = /\[(\d+)\]/.exec(addr)![1];
    assert.equal(readFileSync(join(dir, 'out', `f${i}.txt`), 'utf8'), `file ${i}`);
    assert.equal(r.attributes.content, `file ${i}`);
  }
  // the journal was folded into the version and removed; the lock is gone
  assert.deepEqual(readdirSync(join(dir, '.ballast/main/journal')), []);
  assert.equal(readdirSync(join(dir, '.ballast/main')).includes('lock.json'), false);

  const again = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir });
  assert.equal(again.code, 0, again.stdout + again.stderr);
  assert.match((await runBallast(['state', 'unlock'], { cwd: dir })).stdout, /is not locked/);
});
