// create_before_destroy through the real CLI: dependents move to the new object before the old
// one is destroyed, and an old object whose destroy fails stays recorded (deposed) until a
// later apply destroys it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from './helpers/temp-dir.ts';
import { runBallast } from './helpers/run-ballast.ts';

const write = (dir: string, json: unknown) => writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(json));

test('the old object is destroyed only after its dependents were updated to the new one', async () => {
  const dir = await makeTempDir('cbd-order-');
  const config = (trigger: string) => ({
    resource: {
      terraform_data: {
        a: { triggers_replace: trigger, lifecycle: { create_before_destroy: true } },
        b: { input: '${terraform_data.a.id}' },
      },
    },
  });
  write(dir, config('1'));
  assert.equal((await runBallast(['apply', '--auto-approve'], { cwd: dir })).code, 0);
  write(dir, config('2'));
  const r = await runBallast(['apply', '--auto-approve', '--parallelism', '1'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const at = (s: string) => {
    const i = r.stdout.indexOf(s);
    assert.ok(i >= 0, `missing "${s}" in:\n${r.stdout}`);
    return i;
  };
  const created = at('terraform_data.a: Creation complete');
  const updated = at('terraform_data.b: Modifications complete');
  const destroyed = at('terraform_data.a: Destruction complete');
  assert.ok(created < updated && updated < destroyed, r.stdout);
});

test('an old object whose destroy fails stays in state as deposed and is destroyed later', async () => {
  const dir = await makeTempDir('cbd-deposed-');
  const config = (name: string) => ({ resource: { local_file: { f: { filename: name, content: 'hi', lifecycle: { create_before_destroy: true } } } } });
  write(dir, config('old.txt'));
  assert.equal((await runBallast(['apply', '--auto-approve'], { cwd: dir })).code, 0);

  // the old file becomes a directory: deleting it fails after the new file was created
  write(dir, config('new.txt'));
  rmSync(join(dir, 'old.txt'));
  mkdirSync(join(dir, 'old.txt'));
  writeFileSync(join(dir, 'old.txt', 'keep'), 'x');
  const failed = await runBallast(['apply', '--auto-approve', '--refresh=false'], { cwd: dir });
  assert.equal(failed.code, 1);
  assert.ok(existsSync(join(dir, 'new.txt')));
  const listed = await runBallast(['state', 'list'], { cwd: dir });
  assert.deepEqual(listed.stdout.trim().split('\n').sort(), ['local_file.f', 'local_file.f (deposed)']);

  // once the obstacle is gone the next plan destroys the deposed object, and nothing else
  rmSync(join(dir, 'old.txt'), { recursive: true });
  writeFileSync(join(dir, 'old.txt'), 'hi');
  const plan = await runBallast(['plan', '--refresh=false'], { cwd: dir });
  assert.match(plan.stdout, /local_file\.f \(deposed object\) will be destroyed/);
  assert.match(plan.stdout, /Plan: 0 to add, 0 to change, 1 to destroy/);
  const applied = await runBallast(['apply', '--auto-approve', '--refresh=false'], { cwd: dir });
  assert.equal(applied.code, 0, applied.stderr);
  assert.ok(!existsSync(join(dir, 'old.txt')));
  assert.ok(existsSync(join(dir, 'new.txt')));
  const after = await runBallast(['state', 'list'], { cwd: dir });
  assert.equal(after.stdout.trim(), 'local_file.f');
  assert.equal((await runBallast(['plan', '--detailed-exitcode'], { cwd: dir })).code, 0);
});
