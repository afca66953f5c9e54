// Two stacks of a real CDKTF app (stacks/multi) with a cross-stack reference: apply both in
// dependency order, the app stack sees base's output, and a change in base reaches app on the
// next apply. Each CLI run synthesizes the app for real (a few seconds): keep their number low.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast, type BallastRun } from './helpers/run-ballast.ts';
import { copyStack } from './helpers/copy-stack.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

type Outputs = Record<string, { value: unknown; sensitive: boolean }>;

async function ok(args: string[], cwd: string): Promise<BallastRun> {
  const r = await runBallast(args, { cwd });
  assert.equal(r.code, 0, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r;
}

const outputs = async (cwd: string, stack: string): Promise<Outputs> => JSON.parse((await ok(['output', '--stack', stack, '--json'], cwd)).stdout);

test("stacks/multi: apply both stacks, app sees base's output; a change in base reaches app", async () => {
  const dir = join(await makeTempDir('ballast-scn-multi-'), 'multi');
  await copyStack('multi', dir);

  const first = await ok(['apply', '--auto-approve'], dir);
  // base first, then app
  const baseAt = first.stdout.indexOf('Recorded state version 1 of stack "base"');
  const appAt = first.stdout.indexOf('Recorded state version 1 of stack "app"');
  assert.ok(baseAt >= 0 && appAt > baseAt, first.stdout);

  const base = await outputs(dir, 'base');
  const app = await outputs(dir, 'app');
  const pet = base.pet_name.value as string;
  assert.match(pet, /^base-[a-z]+-[a-z]+$/);
  assert.match(app.full_name.value as string, new RegExp(`^${pet}-[a-z0-9]{6}$`));
  const appState = JSON.parse(readFileSync(join(dir, '.ballast/app/versions/00000001.json'), 'utf8'));
  assert.equal(appState.resources['null_resource.server'].attributes.triggers.base_pet, pet);

  const again = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir });
  assert.equal(again.code, 0, again.stdout + again.stderr);

  // change base: its pet is replaced, and app follows in the same apply (stacks run in order)
  const main = join(dir, 'main.ts');
  await writeFile(main, readFileSync(main, 'utf8').replace("prefix: 'base'", "prefix: 'core'"));
  const second = await ok(['apply', '--auto-approve'], dir);
  assert.match(second.stdout, /Recorded state version 2 of stack "base"/);
  assert.match(second.stdout, /Recorded state version 2 of stack "app"/);
  assert.match(second.stdout, /"base_pet" = "base-[a-z-]+" -> "core-[a-z-]+"/);
  const base2 = await outputs(dir, 'base');
  const app2 = await outputs(dir, 'app');
  const pet2 = base2.pet_name.value as string;
  assert.match(pet2, /^core-/);
  assert.equal(app2.full_name.value, `${pet2}-${(app.full_name.value as string).slice(pet.length + 1)}`, 'suffix kept, base part follows');
  assert.notEqual(app2.server_id.value, app.server_id.value, 'the server was replaced because its trigger changed');

  const final = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir });
  assert.equal(final.code, 0, final.stdout + final.stderr);

  const history = await ok(['history'], dir);
  assert.match(history.stdout, /Stack "app"[\s\S]*\n\s+2\s+\S+\s+apply/);
  assert.match(history.stdout, /Stack "base"[\s\S]*\n\s+2\s+\S+\s+apply/);
});
