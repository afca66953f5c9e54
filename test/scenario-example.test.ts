// The real CDKTF example app (stacks/example) end to end: apply, plan shows no changes, a
// variable shrinks the for_each (a file is deleted), rollback brings the file back with its
// content, destroy empties the stack; the generated password never reaches any output.
// Each CLI run synthesizes the app for real (a few seconds): keep their number low.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBallast, type BallastRun } from './helpers/run-ballast.ts';
import { copyStack } from './helpers/copy-stack.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

async function ok(args: string[], cwd: string): Promise<BallastRun> {
  const r = await runBallast(args, { cwd });
  assert.equal(r.code, 0, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r;
}

test('stacks/example: apply, no-op plan, shrink for_each, rollback, destroy; the password is never printed', async () => {
  const dir = join(await makeTempDir('ballast-scn-example-'), 'example');
  await copyStack('example', dir);
  const out = join(dir, 'cdktf.out/stacks/example/out');
  const printed: string[] = [];
  const run = async (args: string[]) => {
    const r = await ok(args, dir);
    printed.push(r.stdout, r.stderr);
    return r;
  };

  const applied = await run(['apply', '--auto-approve']);
  assert.match(applied.stdout, /Apply complete! Resources: 6 added, 0 changed, 0 destroyed\./);
  assert.deepEqual(readdirSync(out).sort(), ['alpha.txt', 'beta.txt', 'gamma.txt']);
  const beta = readFileSync(join(out, 'beta.txt'), 'utf8');
  const pet = JSON.parse((await ok(['output', '--json'], dir)).stdout).pet_name.value as string;
  assert.match(beta, new RegExp(`^Hello, ${pet}!\\nThis is file "beta" of stack example, environment dev\\.`));
  const again = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir });
  assert.equal(again.code, 0, again.stdout + again.stderr);
  printed.push(again.stdout, again.stderr);

  const shrunk = await run(['apply', '--auto-approve', '--var', 'file_names=["alpha","gamma"]']);
  assert.match(shrunk.stdout, /# local_file\.files\["beta"\] will be destroyed/);
  assert.deepEqual(readdirSync(out).sort(), ['alpha.txt', 'gamma.txt']);

  const rolled = await run(['rollback', '--to', '1', '--auto-approve']);
  assert.match(rolled.stdout, /Recorded state version 3 of stack "example"/);
  assert.equal(readFileSync(join(out, 'beta.txt'), 'utf8'), beta, 'the file is back with its content');
  assert.equal(JSON.parse((await ok(['output', '--json'], dir)).stdout).pet_name.value, pet);
  // version 1's configuration is what the app synthesizes without the variable: nothing left to do
  const converged = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir });
  assert.equal(converged.code, 0, converged.stdout + converged.stderr);

  printed.push((await ok(['history'], dir)).stdout, (await ok(['show'], dir)).stdout, (await ok(['show', '3', '--diff', '1'], dir)).stdout, (await ok(['output'], dir)).stdout);
  const password = JSON.parse((await ok(['output', '--json'], dir)).stdout).admin_password as { value: string; sensitive: boolean };
  assert.equal(password.sensitive, true);
  assert.equal(password.value.length, 20);

  const destroyed = await run(['destroy', '--auto-approve']);
  assert.match(destroyed.stdout, /Destroy complete! Resources: 6 destroyed\./);
  assert.equal(existsSync(join(out, 'alpha.txt')), false);
  const history = JSON.parse((await ok(['history', '--json'], dir)).stdout) as { reason: string }[];
  assert.deepEqual(
    history.map((v) => v.reason),
    ['apply', 'apply', 'rollback', 'destroy'],
  );
  for (const text of printed) assert.equal(text.includes(password.value), false, `password leaked into:\n${text}`);
});
