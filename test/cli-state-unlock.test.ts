// `ballast state unlock [ID --force]` from the CLI, against the lock of a real apply that is
// alive but stuck (frozen with SIGSTOP): it is shown, it is not taken over, it is removed only
// with its exact id and --force, and afterwards an apply proceeds without a takeover.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { freezeApply } from './helpers/kill-apply.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { LocalDirStore } from '../state/local-dir-store.ts';

const COUNT = 30;

test('state unlock shows a live holder; ID --force removes exactly that lock; the next apply proceeds', async () => {
  const dir = await makeTempDir('ballast-cli-unlock-');
  await writeFile(
    join(dir, 'main.tf.json'),
    JSON.stringify({
      resource: { local_file: { f: { count: COUNT, filename: '${path.module}/out/f${count.index}.txt', content: 'file ${count.index}' } } },
    }),
  );
  const lockFile = join(dir, '.ballast', 'main', 'lock.json');
  const holder = await freezeApply(dir, 2);
  try {
    const holderName = `${userInfo().username}@${hostname()}`;
    const shown = await runBallast(['state', 'unlock'], { cwd: dir });
    assert.equal(shown.code, 0, shown.stderr);
    assert.ok(shown.stdout.includes(`Stack "main" is locked by ${holderName} (pid ${holder.pid}) for apply since `), shown.stdout);
    assert.doesNotMatch(shown.stdout, /STALE/, 'a live holder is not stale');
    const id = /Lock id: (\S+)/.exec(shown.stdout)?.[1];
    assert.ok(id, shown.stdout);

    // another apply is refused, naming the holder; nothing is taken over
    const refused = await runBallast(['apply', '--auto-approve'], { cwd: dir });
    assert.equal(refused.code, 1, refused.stdout + refused.stderr);
    assert.ok(refused.stderr.includes(`state is locked by ${holderName} (pid ${holder.pid}) since `), refused.stderr);
    assert.ok(refused.stderr.includes(`lock id ${id}`), refused.stderr);
    assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');

    // without --force, or with another id: refused, the lock stays
    const noForce = await runBallast(['state', 'unlock', id], { cwd: dir });
    assert.equal(noForce.code, 1);
    assert.match(noForce.stderr, /Add --force to remove the lock: Ballast cannot tell whether its holder is still working\./);
    const wrongId = await runBallast(['state', 'unlock', 'not-the-lock-id', '--force'], { cwd: dir });
    assert.equal(wrongId.code, 1);
    assert.match(wrongId.stderr, /No stack holds a lock with id not-the-lock-id\./);
    assert.ok(existsSync(lockFile), 'the lock must still be there');

    const forced = await runBallast(['state', 'unlock', id, '--force'], { cwd: dir });
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(forced.stdout, `Removed lock ${id} of stack "main" (held by ${holderName}, pid ${holder.pid}).\n`);
    assert.equal(existsSync(lockFile), false);
    assert.match((await runBallast(['state', 'unlock'], { cwd: dir })).stdout, /Stack "main" is not locked\./);
    const again = await runBallast(['state', 'unlock', id, '--force'], { cwd: dir });
    assert.equal(again.code, 1, 'the same id cannot be removed twice');
  } finally {
    // the stuck holder is gone for good (as when its machine died)
    await holder.kill();
  }

  // the next apply takes the free lock (no takeover), keeps what the holder journalled, converges
  const applied = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(applied.code, 0, applied.stdout + applied.stderr);
  assert.doesNotMatch(applied.stderr, /Took over/);
  assert.match(applied.stdout, /Recorded state version 1 of stack "main"/);
  const store = new LocalDirStore(join(dir, '.ballast', 'main'), { stack: 'main' });
  assert.equal(Object.keys((await store.current())!.resources).length, COUNT);
  assert.equal(readdirSync(join(dir, 'out')).length, COUNT);
  assert.equal(existsSync(lockFile), false);
  const plan = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir });
  assert.equal(plan.code, 0, plan.stdout + plan.stderr);
});
