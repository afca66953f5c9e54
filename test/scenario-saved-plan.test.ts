// Saved plans (`plan --out f`, `apply f`): an unchanged plan applies exactly what it showed;
// a plan goes stale when the state changed since (another apply in between) or the
// configuration changed, and then nothing is applied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast, type BallastRun } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

type Json = Record<string, any>;

async function ok(args: string[], cwd: string): Promise<BallastRun> {
  const r = await runBallast(args, { cwd });
  assert.equal(r.code, 0, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r;
}

const config = (a: string, b: string): Json => ({
  resource: {
    random_pet: { p: { length: 2 } },
    local_file: {
      a: { filename: '${path.module}/out/a.txt', content: `${a} \${random_pet.p.id}` },
      b: { filename: '${path.module}/out/b.txt', content: b },
    },
  },
});

const read = (dir: string, f: string) => readFileSync(join(dir, 'out', f), 'utf8');
const versions = (dir: string) => readdirSync(join(dir, '.ballast/main/versions')).sort();

test('saved plan: applies exactly when nothing changed; stale after a state change or a config change', async () => {
  const dir = await makeTempDir('ballast-scn-saved-');
  const file = join(dir, 'main.tf.json');
  await writeFile(file, JSON.stringify(config('A1', 'B1')));

  // a saved plan on empty state applies exactly and records version 1
  const saved0 = await ok(['plan', '--out', 'first.plan'], dir);
  assert.match(saved0.stdout, /Saved the plan to first\.plan/);
  const applied0 = await ok(['apply', 'first.plan'], dir);
  assert.match(applied0.stdout, /Apply complete! Resources: 3 added/);
  assert.deepEqual(versions(dir), ['00000001.json']);
  const pet = JSON.parse(readFileSync(join(dir, '.ballast/main/versions/00000001.json'), 'utf8')).resources['random_pet.p'].attributes.id;
  assert.equal(read(dir, 'a.txt'), `A1 ${pet}`);
  // applying the same plan again: the state it was made against is gone
  const twice = await runBallast(['apply', 'first.plan'], { cwd: dir });
  assert.equal(twice.code, 1);
  assert.match(twice.stderr, /state of stack "main" changed since the plan in first\.plan was made \(planned against serial none, now 1\)/);

  // 1. stale by state: plan both edits, then apply only b in between
  await writeFile(file, JSON.stringify(config('A2', 'B2')));
  await ok(['plan', '--out', 'both.plan'], dir);
  await ok(['apply', '--auto-approve', '--target', 'local_file.b'], dir);
  assert.equal(read(dir, 'b.txt'), 'B2');
  assert.equal(read(dir, 'a.txt'), `A1 ${pet}`);
  assert.deepEqual(versions(dir), ['00000001.json', '00000002.json']);
  const stale = await runBallast(['apply', 'both.plan'], { cwd: dir });
  assert.equal(stale.code, 1, stale.stdout + stale.stderr);
  assert.match(stale.stderr, /Error: state of stack "main" changed since the plan in both\.plan was made \(planned against serial 1, now 2\); run plan again/);
  assert.equal(read(dir, 'a.txt'), `A1 ${pet}`, 'nothing applied');
  assert.deepEqual(versions(dir), ['00000001.json', '00000002.json']);

  // 2. stale by configuration
  await ok(['plan', '--out', 'a.plan'], dir);
  await writeFile(file, JSON.stringify(config('A3', 'B2')));
  const changedConfig = await runBallast(['apply', 'a.plan'], { cwd: dir });
  assert.equal(changedConfig.code, 1);
  assert.match(changedConfig.stderr, /Error: configuration of stack "main" changed since the plan in a\.plan was made; run plan again/);
  assert.equal(read(dir, 'a.txt'), `A1 ${pet}`);
  assert.deepEqual(versions(dir), ['00000001.json', '00000002.json']);

  // 3. unchanged: applies exactly the saved actions (without asking)
  await writeFile(file, JSON.stringify(config('A2', 'B2')));
  const shown = JSON.parse((await ok(['plan', '--json', '--out', 'exact.plan'], dir)).stdout);
  const planned = (shown.resource_changes as Json[]).filter((c) => c.change.actions[0] !== 'no-op').map((c) => [c.address, c.change.actions]);
  assert.deepEqual(planned, [['local_file.a', ['delete', 'create']]]);
  const exact = await ok(['apply', 'exact.plan'], dir);
  assert.match(exact.stdout, /Apply complete! Resources: 1 added, 0 changed, 1 destroyed\./);
  assert.equal(read(dir, 'a.txt'), `A2 ${pet}`);
  assert.deepEqual(versions(dir), ['00000001.json', '00000002.json', '00000003.json']);
  const plan = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir });
  assert.equal(plan.code, 0, plan.stdout + plan.stderr);
});

test('saved plan: a plan made by another engine version is refused and nothing is applied', async () => {
  const dir = await makeTempDir('ballast-scn-saved-version-');
  await writeFile(join(dir, 'main.tf.json'), JSON.stringify(config('A1', 'B1')));
  await ok(['plan', '--out', 'old.plan'], dir);
  const saved = JSON.parse(readFileSync(join(dir, 'old.plan'), 'utf8')) as Json;
  const ours = String(saved.engineVersion);
  assert.match(ours, /^ballast\/\d+\.\d+\.\d+/);
  // the same plan, as an older Ballast would have written it
  await writeFile(join(dir, 'old.plan'), JSON.stringify({ ...saved, engineVersion: 'ballast/0.0.1' }));
  const refused = await runBallast(['apply', 'old.plan'], { cwd: dir });
  assert.equal(refused.code, 1, refused.stdout + refused.stderr);
  assert.ok(refused.stderr.includes(`Error: saved plan old.plan was made by ballast/0.0.1, this is ${ours}; run plan again`), refused.stderr);
  assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
  assert.doesNotMatch(refused.stdout, /Creation complete/);
  assert.equal(existsSync(join(dir, 'out')), false, 'nothing was applied');
  assert.equal(existsSync(join(dir, '.ballast/main/versions')) ? readdirSync(join(dir, '.ballast/main/versions')).length : 0, 0, 'nothing was recorded');
  // the untouched plan file of this engine still applies
  await writeFile(join(dir, 'old.plan'), JSON.stringify(saved));
  const applied = await ok(['apply', 'old.plan'], dir);
  assert.match(applied.stdout, /Apply complete! Resources: 3 added/);
});

test('show PLANFILE and show -json PLANFILE print the saved plan as plan printed it; a changed or foreign file is refused', async () => {
  const dir = await makeTempDir('ballast-scn-saved-show-');
  const secret = 'show-me-not-42';
  await writeFile(
    join(dir, 'main.tf.json'),
    JSON.stringify({
      ...config('A1', 'B1'),
      variable: { pw: { type: 'string', default: secret, sensitive: true } },
      output: { pw: { value: '${var.pw}', sensitive: true } },
    }),
  );
  const doc = await ok(['plan', '--json', '--out', 'doc.plan'], dir);
  const human = await ok(['plan', '--out', 'human.plan'], dir);

  // the same document as plan --json, also from another directory (the file is self-contained)
  const elsewhere = await makeTempDir('ballast-scn-saved-show-elsewhere-');
  const shownJson = await ok(['show', '-json', join(dir, 'doc.plan')], elsewhere);
  assert.equal(shownJson.stdout, doc.stdout);
  assert.equal(JSON.parse(shownJson.stdout).resource_changes.length, 3);
  assert.ok(JSON.parse(shownJson.stdout).configuration, 'with the configuration section');
  // the human plan as plan printed it (without the "Saved the plan" note)
  const shown = await ok(['show', 'human.plan'], dir);
  assert.match(shown.stdout, /random_pet\.p will be created/);
  assert.equal(shown.stdout, human.stdout.slice(0, human.stdout.indexOf('\nSaved the plan to')));
  const both = await ok(['show', '--json', 'human.plan'], dir);
  assert.equal(JSON.parse(both.stdout).format_version, '1.2');
  for (const out of [shownJson.stdout, shown.stdout, both.stdout]) assert.ok(!out.includes(secret), 'no secret in show output');

  // changed after it was written: refused by show and by apply, nothing applied
  const text = readFileSync(join(dir, 'human.plan'), 'utf8');
  await writeFile(join(dir, 'edited.plan'), text.replace('B1', 'B2'));
  for (const args of [
    ['show', 'edited.plan'],
    ['show', '-json', 'edited.plan'],
    ['apply', 'edited.plan'],
  ]) {
    const r = await runBallast(args, { cwd: dir });
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /saved plan edited\.plan was changed after Ballast wrote it \(its checksum does not match\): run plan again/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
  assert.equal(existsSync(join(dir, 'out')), false, 'nothing was applied');

  // not a plan at all, a directory, a missing file
  await writeFile(join(dir, 'state.json'), '{"version": 4, "resources": []}');
  await writeFile(join(dir, 'garbage.plan'), 'not json');
  const refused: [string, RegExp][] = [
    ['state.json', /state\.json is not a Ballast plan file \(expected format ballast-plan\/2\)/],
    ['garbage.plan', /cannot read saved plan garbage\.plan: not a Ballast plan file/],
    ['out-dir', /cannot read saved plan out-dir: it is a directory/],
    ['missing.plan', /cannot read saved plan missing\.plan: no such file \(show takes a state version serial or a plan file\)/],
  ];
  await mkdir(join(dir, 'out-dir'));
  for (const [file, message] of refused) {
    const r = await runBallast(['show', file], { cwd: dir });
    assert.equal(r.code, 1, `${file}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
  // --diff compares state versions only
  const diff = await runBallast(['show', 'human.plan', '--diff', '1'], { cwd: dir });
  assert.equal(diff.code, 1);
  assert.match(diff.stderr, /--diff compares two state versions/);
});
