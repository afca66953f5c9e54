// Hostile-user inputs at the command line (issue 7 items 4, 7, 10, 11): bad numbers and
// durations, serials that are not serials, a held lock, a tampered or corrupt history. Each
// gives a clear message and exit 1, never "NaN", a stack trace or a silently wrong answer.
import { test } from 'node:test';
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ballastBin, runBallast, type BallastRun } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { repoRoot } from './helpers/repo-root.ts';
import { LocalDirStore } from '../state/local-dir-store.ts';

const stack = { resource: { random_pet: { p: { length: 2 } }, terraform_data: { d: { input: '${random_pet.p.id}' } } } };

async function ok(args: string[], cwd: string): Promise<BallastRun> {
  const r = await runBallast(args, { cwd });
  assert.equal(r.code, 0, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r;
}

async function refused(args: string[], cwd: string, message: RegExp): Promise<BallastRun> {
  const r = await runBallast(args, { cwd });
  assert.equal(r.code, 1, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  assert.match(r.stderr, message);
  assert.doesNotMatch(r.stdout + r.stderr, /NaN|Internal error|\[object Object\]| {4}at /);
  return r;
}

async function appliedTwice(): Promise<string> {
  const dir = await makeTempDir('ballast-cli-hard-');
  await writeFile(join(dir, 'main.tf.json'), JSON.stringify(stack));
  await ok(['apply', '--auto-approve'], dir);
  await writeFile(join(dir, 'main.tf.json'), JSON.stringify({ ...stack, resource: { ...stack.resource, random_pet: { p: { length: 3 } } } }));
  await ok(['apply', '--auto-approve'], dir);
  return dir;
}

test('numeric and duration flags are checked before anything runs', async () => {
  const dir = await appliedTwice();
  const before = readdirSync(join(dir, '.ballast/main/versions')).length;
  // --parallelism abc used to plan without refresh and report "No changes"; apply ended in "Internal error ... NaN"
  await refused(['plan', '--parallelism', 'abc'], dir, /--parallelism: "abc" is not a valid value; expected a whole number from 1 to 1024/);
  await refused(['apply', '--auto-approve', '--parallelism', 'abc'], dir, /--parallelism: "abc"/);
  for (const bad of ['0', '-2', '1.5', '1e3', '99999', '']) await refused(['plan', '--parallelism', bad], dir, /--parallelism: .* is not a valid value/);
  await refused(['apply', '--lock-timeout', 'soon'], dir, /--lock-timeout: "soon" is not a duration/);
  await refused(['apply', '--lock-timeout', '10'], dir, /--lock-timeout: "10" is not a duration/);
  await refused(['agent', '--interval', 'abc'], dir, /--interval: "abc" is not a duration/);
  await refused(['agent', '--parallelism', 'x'], dir, /--parallelism: "x"/);
  await refused(['show', '--diff', 'x'], dir, /--diff: "x"/);
  await refused(['plan', '--drift-policy', 'terraform_data.*'], dir, /--drift-policy: "terraform_data\.\*" is not ADDRESS=POLICY/);
  await refused(['plan', '--drift-policy', 'terraform_data.*=loud'], dir, /--drift-policy: "terraform_data\.\*=loud" is not ADDRESS=POLICY; .*policies: revert, alert, ignore/);
  assert.equal(readdirSync(join(dir, '.ballast/main/versions')).length, before, 'nothing was recorded');
  await ok(['plan', '--parallelism', '3', '--lock-timeout', '1s'], dir);
  await ok(['plan', '--drift-policy', 'terraform_data.*=alert', '--drift-policy', 'random_pet.p=ignore'], dir);
});

test('show abc, show -1, show 0, rollback --to abc: a clear error, not "version NaN" or the current version', async () => {
  const dir = await appliedTwice();
  // a word that is not a number names a saved plan file (show PLANFILE)
  await refused(['show', 'abc'], dir, /cannot read saved plan abc: no such file \(show takes a state version serial or a plan file\)/);
  await refused(['show', '-1'], dir, /serial: "-1" is not a valid value/);
  await refused(['show', '0'], dir, /serial: "0" is not a valid value/);
  await refused(['rollback', '--to', 'abc', '--auto-approve'], dir, /--to: "abc" is not a valid value/);
  await refused(['show', '9'], dir, /has no state version 9/);
  assert.match((await ok(['show', '1'], dir)).stdout, /state version 1 /);
});

test('a tampered version is refused by show, show --diff, rollback, history, plan and apply; history --verify names the link', async () => {
  const dir = await appliedTwice();
  assert.match((await ok(['history', '--verify'], dir)).stdout, /history verified, 2 version\(s\) and 2 configuration snapshot\(s\) intact/);
  const v1 = join(dir, '.ballast/main/versions/00000001.json');
  const original = await readFile(v1, 'utf8');
  const pet = JSON.parse(original).resources['random_pet.p'].attributes.id as string;
  await writeFile(v1, original.replaceAll(pet, 'evil-pet'));
  const link =
    /state history of local directory .* is broken at version 2: version 2 \(file .*00000002\.json\) records its parent's digest as sha256:[0-9a-f]{64}, but version 1 \(file .*00000001\.json\) now has digest sha256:[0-9a-f]{64}/;
  for (const args of [
    ['show', '1'],
    ['show', '2', '--diff', '1'],
    ['show'],
    ['show', '--json'],
    ['history'],
    ['history', '--json'],
    ['history', '--verify'],
    ['rollback', '--to', '1', '--auto-approve'],
    ['plan'],
    ['apply', '--auto-approve'],
    ['output'],
    ['state', 'list'],
  ]) {
    const r = await refused(args, dir, link);
    assert.doesNotMatch(r.stdout, /evil-pet/);
  }
  assert.equal(readdirSync(join(dir, '.ballast/main/versions')).length, 2, 'nothing was recorded');
  // a changed config snapshot is caught by --verify
  await writeFile(v1, original);
  const configs = join(dir, '.ballast/main/configs');
  const snap = join(configs, readdirSync(configs)[0]);
  await writeFile(snap, readFileSync(snap, 'utf8').replace('"length"', '"length" '));
  await refused(['history', '--verify'], dir, /config snapshot .* is corrupt: its content has digest/);
});

test('history over a corrupt version file exits 1 naming the file', async () => {
  const dir = await appliedTwice();
  await writeFile(join(dir, '.ballast/main/versions/00000002.json'), '{"formatVersion": 1, "serial": ');
  await refused(['history'], dir, /state version file .*00000002\.json is corrupt: not valid JSON/);
  await refused(['history', '--json'], dir, /00000002\.json is corrupt/);
});

test('apply takes the lock before refreshing; the message has the unlock command; --lock-timeout waits', async () => {
  const dir = await appliedTwice();
  await writeFile(join(dir, 'main.tf.json'), JSON.stringify({ ...stack, resource: { ...stack.resource, random_pet: { p: { length: 4 } } } }));
  const store = new LocalDirStore(join(dir, '.ballast/main'), { stack: 'main' });
  const lock = await store.lock({ operation: 'test' });
  const r = await refused(['apply', '--auto-approve'], dir, new RegExp(`state is locked by .*\\n[\\s\\S]*ballast state unlock ${lock.info.id} --force`));
  // the lock came first: no plan was computed or shown
  assert.doesNotMatch(r.stdout, /will be|Plan:|random_pet/);
  // with --lock-timeout the apply waits for the holder and then goes on
  const waiting = runBallast(['apply', '--auto-approve', '--lock-timeout', '2m'], { cwd: dir });
  setTimeout(() => void lock.release(), 1500);
  const done = await waiting;
  assert.equal(done.code, 0, done.stdout + done.stderr);
  assert.match(done.stdout, /Recorded state version 3/);
});

test('guard: every numeric flag of the CLI is read through a checked coerce, never yargs type "number"', () => {
  const dir = join(repoRoot, 'engine/cli/commands');
  for (const f of [...readdirSync(dir).map((n) => join(dir, n)), join(repoRoot, 'engine/cli/context.ts')]) {
    if (!f.endsWith('.ts')) continue;
    assert.doesNotMatch(readFileSync(f, 'utf8'), /type: 'number'/, `${f} declares a yargs number flag; use wholeNumber()/durationFlag() from engine/cli/flag-values.ts`);
  }
});

/** The CLI with its stdout on a pipe this test reads (or not) as it likes; stderr is collected. */
function piped(args: string[], cwd: string) {
  const child = spawn(ballastBin, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const closed = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  return { child, closed, stderr: () => stderr };
}

test('output into a pipe whose reader went away (`ballast apply | head -1`): the apply still finishes and records, no stack trace', async () => {
  const dir = await makeTempDir('ballast-cli-epipe-');
  await writeFile(join(dir, 'main.tf.json'), JSON.stringify({ resource: { terraform_data: { d: { count: 200, input: '${count.index}' } } } }));
  const run = piped(['apply', '--auto-approve'], dir);
  // the first bytes arrive, then the reader closes its end, as `head -1` does
  run.child.stdout.once('data', () => run.child.stdout.destroy());
  const code = await run.closed;
  assert.equal(code, 0, run.stderr());
  assert.doesNotMatch(run.stderr(), /EPIPE| {4}at /);
  const v = await new LocalDirStore(join(dir, '.ballast', 'main'), { stack: 'main' }).current();
  assert.equal(Object.keys(v?.resources ?? {}).length, 200, 'the apply went on to the end and recorded every object');
});

test('the CLI exits as soon as a command has finished, yet a large output read slowly through a pipe arrives whole, with the exit code', async () => {
  const dir = await makeTempDir('ballast-cli-slow-reader-');
  await writeFile(join(dir, 'main.tf.json'), JSON.stringify({ resource: { terraform_data: { d: { count: 3000, input: '${count.index}' } } } }));
  const { child, closed, stderr } = piped(['plan', '--detailed-exitcode'], dir);
  // the reader takes its time: far more than a pipe's buffer waits on the writer's side
  const chunks: Buffer[] = [];
  child.stdout.pause();
  await new Promise((r) => setTimeout(r, 1500));
  child.stdout.on('data', (d: Buffer) => chunks.push(d));
  child.stdout.resume();
  const code = await closed;
  const out = Buffer.concat(chunks).toString('utf8');
  assert.equal(code, 2, stderr());
  assert.ok(out.length > 500_000, `${out.length} bytes`);
  assert.equal((out.match(/ will be created$/gm) ?? []).length, 3000);
  assert.match(out, /\nPlan: 3000 to add, 0 to change, 0 to destroy\.\n+$/);
});

test('a stack whose state is in a backend Ballast cannot use (gcs, cloud) is refused before anything runs; a bad terraform block names its line', async () => {
  for (const [block, named] of [
    ['backend "gcs" {\n    bucket = "team-state"\n  }', 'a "gcs" backend'],
    ['cloud {\n    organization = "acme"\n  }', 'HCP Terraform (a "cloud" block)'],
  ]) {
    const dir = await makeTempDir('ballast-cli-backend-');
    await writeFile(join(dir, 'main.tf'), `terraform {\n  ${block}\n}\n\nresource "terraform_data" "a" {}\n`);
    for (const cmd of [['plan'], ['apply', '--auto-approve']]) {
      const r = await runBallast(cmd, { cwd: dir });
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stderr, new RegExp(`keeps its state in ${named.replace(/[()]/g, '\\$&')}, which Ballast cannot read or write`));
      assert.doesNotMatch(r.stderr, / {4}at /);
    }
    assert.equal(existsSync(join(dir, '.ballast')), false, 'no local state was started in its place');
  }
  const dir = await makeTempDir('ballast-cli-tfblock-');
  await writeFile(join(dir, 'main.tf'), 'terraform {\n  required_version = ">= banana"\n  requried_providers {}\n}\n');
  const r = await runBallast(['plan'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Invalid required_version\n\n {2}on main\.tf line 2/);
  assert.match(r.stderr, /Unsupported argument or block "requried_providers" in the terraform block\n\n {2}on main\.tf line 3/);
});

test('a bad count or for_each value points at its own argument line, not at the block', async () => {
  const dir = await makeTempDir('ballast-cli-count-line-');
  for (const [body, line, text] of [
    ['  input = "x"\n\n  count = -1', 4, 'count = -1'],
    ['  input    = "x"\n  for_each = ["a", "b"]', 3, 'for_each = ["a", "b"]'],
  ] as const) {
    await writeFile(join(dir, 'main.tf'), `resource "terraform_data" "a" {\n${body}\n}\n`);
    const r = await runBallast(['plan'], { cwd: dir });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.ok(r.stderr.includes(`on main.tf line ${line}, in resource "terraform_data" "a":\n  ${line}:   ${text}\n`), r.stderr);
  }
});
