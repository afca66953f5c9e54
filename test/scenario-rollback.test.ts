// `ballast rollback --to N`: version N's recorded configuration is applied again; files on disk
// get their earlier content back, random values their earlier value (the earlier object
// still exists and is restored, the newer one destroyed), a new version records reason
// rollback, and the old versions are byte for byte what they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast, type BallastRun } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

type Json = Record<string, any>;

async function ok(args: string[], cwd: string, input?: string): Promise<BallastRun> {
  const r = await runBallast(args, { cwd, input });
  assert.equal(r.code, 0, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r;
}

const config = (o: { keeper: string; greeting: string; extra: 'old' | 'new' }): Json => ({
  resource: {
    random_pet: { name: { length: 2, keepers: { k: o.keeper } } },
    local_file: {
      greeting: { filename: '${path.module}/out/greeting.txt', content: `${o.greeting}, \${random_pet.name.id}!` },
      [o.extra]: { filename: `\${path.module}/out/${o.extra}.txt`, content: o.extra },
    },
  },
  output: { pet: { value: '${random_pet.name.id}' } },
});

test('rollback --to 1 restores files and random values, records a rollback version, leaves old versions untouched', async () => {
  const dir = await makeTempDir('ballast-scn-rollback-');
  const file = join(dir, 'main.tf.json');
  const v1 = config({ keeper: '1', greeting: 'Hello', extra: 'old' });
  await writeFile(file, JSON.stringify(v1));
  await ok(['apply', '--auto-approve'], dir);
  const pet1 = JSON.parse((await ok(['output', '--json'], dir)).stdout).pet.value as string;
  assert.equal(readFileSync(join(dir, 'out/greeting.txt'), 'utf8'), `Hello, ${pet1}!`);

  await writeFile(file, JSON.stringify(config({ keeper: '2', greeting: 'Goodbye', extra: 'new' })));
  await ok(['apply', '--auto-approve'], dir);
  const pet2 = JSON.parse((await ok(['output', '--json'], dir)).stdout).pet.value as string;
  assert.notEqual(pet2, pet1);
  assert.equal(readFileSync(join(dir, 'out/greeting.txt'), 'utf8'), `Goodbye, ${pet2}!`);
  assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['greeting.txt', 'new.txt']);

  const versions = join(dir, '.ballast/main/versions');
  const before = Object.fromEntries(readdirSync(versions).map((f) => [f, readFileSync(join(versions, f))]));
  assert.deepEqual(Object.keys(before).sort(), ['00000001.json', '00000002.json']);

  // answering anything but "yes" rolls back nothing
  const refused = await runBallast(['rollback', '--to', '1'], { cwd: dir, input: 'no\n' });
  assert.equal(refused.code, 1);
  assert.match(refused.stdout, /rolls the stack back to the configuration recorded in state version 1/);
  assert.deepEqual(readdirSync(versions).sort(), ['00000001.json', '00000002.json']);

  const rolled = await ok(['rollback', '--to', '1', '--auto-approve'], dir);
  assert.match(rolled.stdout, /# random_pet\.name \(deposed object\) will be destroyed/);
  assert.match(rolled.stdout, /Recorded state version 3 of stack "main"/);

  // files and the random value are back
  assert.equal(readFileSync(join(dir, 'out/greeting.txt'), 'utf8'), `Hello, ${pet1}!`);
  assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['greeting.txt', 'old.txt']);
  assert.equal(readFileSync(join(dir, 'out/old.txt'), 'utf8'), 'old');
  const outputs = JSON.parse((await ok(['output', '--json'], dir)).stdout);
  assert.equal(outputs.pet.value, pet1);

  // a new version with reason rollback, linked to 1; old versions unchanged
  const v3 = JSON.parse(readFileSync(join(versions, '00000003.json'), 'utf8'));
  assert.equal(v3.reason, 'rollback');
  assert.equal(v3.rollbackOf, 1);
  assert.equal(v3.resources['random_pet.name'].attributes.id, pet1);
  for (const [f, bytes] of Object.entries(before)) assert.ok(readFileSync(join(versions, f)).equals(bytes), `${f} changed`);
  const history = await ok(['history'], dir);
  assert.match(history.stdout, /\n\s+3\s+\S+\s+rollback\s+.*\(rolled back to 1\)/);
  const hjson = JSON.parse((await ok(['history', '--json'], dir)).stdout) as Json[];
  assert.deepEqual(
    hjson.map((v) => v.reason),
    ['apply', 'apply', 'rollback'],
  );

  // with version 1's configuration back in place, nothing is left to do
  await writeFile(file, JSON.stringify(v1));
  const plan = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir });
  assert.equal(plan.code, 0, plan.stdout + plan.stderr);

  // rolling back to a version that does not exist is a clear error
  const missing = await runBallast(['rollback', '--to', '9', '--auto-approve'], { cwd: dir });
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /has no state version 9/);
  assert.equal(existsSync(join(versions, '00000004.json')), false);

  // a destroy version holds no objects: rolling back to it must not bring the destroyed config back
  await ok(['destroy', '--auto-approve'], dir);
  const toDestroy = await runBallast(['rollback', '--to', '4', '--auto-approve'], { cwd: dir });
  assert.equal(toDestroy.code, 1);
  assert.match(toDestroy.stderr, /State version 4 of stack "main" was recorded by destroy/);
  assert.equal(existsSync(join(dir, 'out/greeting.txt')), false);
  assert.equal(existsSync(join(versions, '00000005.json')), false);
});
