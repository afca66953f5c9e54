// The plan/apply flags through the real CLI: --target (with dependencies), --replace,
// --refresh-only (drift recorded), --refresh=false, --parallelism, plan --destroy, variable
// precedence (default < TF_VAR_ < --var-file < --var), and the confirmation prompt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast, type BallastRun, type RunBallastOptions } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

type Json = Record<string, any>;

async function ok(args: string[], cwd: string, extra: Partial<RunBallastOptions> = {}): Promise<BallastRun> {
  const r = await runBallast(args, { cwd, ...extra });
  assert.equal(r.code, 0, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r;
}

async function noChanges(cwd: string, extra: Partial<RunBallastOptions> = {}): Promise<void> {
  const r = await runBallast(['plan', '--detailed-exitcode'], { cwd, ...extra });
  assert.equal(r.code, 0, `expected no changes\n${r.stdout}\n${r.stderr}`);
}

const planActions = async (cwd: string, args: string[] = []): Promise<Record<string, string>> => {
  const j = JSON.parse((await ok(['plan', '--json', ...args], cwd)).stdout);
  return Object.fromEntries((j.resource_changes as Json[]).filter((c) => c.change.actions[0] !== 'no-op').map((c) => [c.address, c.change.actions.join(',')]));
};

const stack: Json = {
  resource: {
    random_pet: { p: { length: 2 } },
    local_file: {
      a: { filename: '${path.module}/out/a.txt', content: 'a ${random_pet.p.id}' },
      b: { filename: '${path.module}/out/b.txt', content: 'b' },
    },
    null_resource: { n: { triggers: { a: '${local_file.a.id}' } } },
  },
};

const versions = (dir: string) => (existsSync(join(dir, '.ballast/main/versions')) ? readdirSync(join(dir, '.ballast/main/versions')).length : 0);

test('--target applies the target and its dependencies only; --replace; plan --destroy; --parallelism', async () => {
  const dir = await makeTempDir('ballast-scn-flags-');
  await writeFile(join(dir, 'main.tf.json'), JSON.stringify(stack));

  const targeted = await ok(['apply', '--auto-approve', '--target', 'local_file.a'], dir);
  assert.match(targeted.stdout, /Resources: 2 added/);
  assert.deepEqual((await ok(['state', 'list'], dir)).stdout.trim().split('\n'), ['local_file.a', 'random_pet.p']);
  assert.equal(existsSync(join(dir, 'out/b.txt')), false);
  assert.deepEqual(await planActions(dir), { 'local_file.b': 'create', 'null_resource.n': 'create' });

  await ok(['apply', '--auto-approve', '--parallelism', '1'], dir);
  await noChanges(dir);
  const pet = readFileSync(join(dir, 'out/a.txt'), 'utf8').slice(2);

  // --replace the pet: a and n follow because their configuration depends on its new id
  const replace = await planActions(dir, ['--replace', 'random_pet.p']);
  assert.deepEqual(replace, { 'random_pet.p': 'delete,create', 'local_file.a': 'delete,create', 'null_resource.n': 'delete,create' });
  const human = await ok(['plan', '--replace', 'random_pet.p'], dir);
  assert.match(human.stdout, /# random_pet\.p will be replaced, as requested/);
  await ok(['apply', '--auto-approve', '--replace', 'random_pet.p', '--parallelism', '2'], dir);
  assert.notEqual(readFileSync(join(dir, 'out/a.txt'), 'utf8').slice(2), pet);
  await noChanges(dir);

  // plan --destroy shows everything going and changes nothing
  const count = versions(dir);
  const destroyPlan = await runBallast(['plan', '--destroy', '--detailed-exitcode'], { cwd: dir });
  assert.equal(destroyPlan.code, 2, destroyPlan.stderr);
  assert.match(destroyPlan.stdout, /Plan: 0 to add, 0 to change, 4 to destroy\./);
  assert.match(destroyPlan.stdout, /# local_file\.a will be destroyed/);
  assert.deepEqual(await planActions(dir, ['--destroy']), { 'local_file.a': 'delete', 'local_file.b': 'delete', 'null_resource.n': 'delete', 'random_pet.p': 'delete' });
  assert.ok(existsSync(join(dir, 'out/a.txt')));
  assert.equal(versions(dir), count);

  // destroy with a target takes what depends on it too
  await ok(['destroy', '--auto-approve', '--target', 'local_file.a'], dir);
  assert.deepEqual((await ok(['state', 'list'], dir)).stdout.trim().split('\n'), ['local_file.b', 'random_pet.p']);
  assert.equal(existsSync(join(dir, 'out/a.txt')), false);
});

test('--refresh-only records a file deleted out of band as drift; --refresh=false does not notice it', async () => {
  const dir = await makeTempDir('ballast-scn-refresh-');
  await writeFile(join(dir, 'main.tf.json'), JSON.stringify(stack));
  await ok(['apply', '--auto-approve'], dir);
  await rm(join(dir, 'out/b.txt'));

  // without refresh the recorded object is taken as it is
  const stale = await runBallast(['plan', '--refresh=false', '--detailed-exitcode'], { cwd: dir });
  assert.equal(stale.code, 0, stale.stdout + stale.stderr);

  const drift = await runBallast(['plan', '--refresh-only', '--detailed-exitcode'], { cwd: dir });
  assert.equal(drift.code, 2, drift.stderr);
  assert.match(drift.stdout, /Objects have changed outside of Ballast/);
  assert.match(drift.stdout, /# local_file\.b has been deleted/);
  assert.match(drift.stdout, /refresh-only plan/);
  const json = JSON.parse((await ok(['plan', '--refresh-only', '--json'], dir)).stdout);
  assert.deepEqual(
    (json.resource_drift as Json[]).map((d) => [d.address, d.change.actions]),
    [['local_file.b', ['delete']]],
  );
  assert.deepEqual(json.resource_changes, []);

  const recorded = await ok(['apply', '--refresh-only', '--auto-approve'], dir);
  assert.match(recorded.stdout, /Recorded state version 2/);
  assert.equal(existsSync(join(dir, 'out/b.txt')), false, 'refresh-only changes no real object');
  const history = JSON.parse((await ok(['history', '--json'], dir)).stdout) as Json[];
  assert.deepEqual(
    history.map((v) => v.reason),
    ['apply', 'refresh'],
  );
  assert.deepEqual((await ok(['state', 'list'], dir)).stdout.trim().split('\n'), ['local_file.a', 'null_resource.n', 'random_pet.p']);

  // the normal plan now creates b again
  assert.deepEqual(await planActions(dir), { 'local_file.b': 'create' });
  await ok(['apply', '--auto-approve'], dir);
  assert.equal(readFileSync(join(dir, 'out/b.txt'), 'utf8'), 'b');
  await noChanges(dir);
});

test('variables: default < TF_VAR_ < --var-file (in order) < --var (last wins)', async () => {
  const dir = await makeTempDir('ballast-scn-vars-');
  await writeFile(
    join(dir, 'main.tf.json'),
    JSON.stringify({
      variable: {
        a: { type: 'string', default: 'default-a' },
        b: { type: 'string', default: 'default-b' },
        c: { type: 'string', default: 'default-c' },
        d: { type: 'string', default: 'default-d' },
        n: { type: 'number', default: 1 },
        l: { type: 'list(string)', default: [] },
      },
      output: {
        all: { value: { a: '${var.a}', b: '${var.b}', c: '${var.c}', d: '${var.d}', n: '${var.n}', l: '${var.l}' } },
      },
    }),
  );
  await writeFile(join(dir, 'one.tfvars'), 'b = "file-b"\nc = "file1-c"\nn = 5\n');
  await writeFile(join(dir, 'two.tfvars.json'), JSON.stringify({ c: 'file2-c', l: ['x', 'y'] }));
  const env = { TF_VAR_a: 'env-a', TF_VAR_b: 'env-b', TF_VAR_d: 'env-d' };
  const args = ['--var-file', 'one.tfvars', '--var-file', 'two.tfvars.json', '--var', 'd=flag1-d', '--var', 'd=flag2-d'];
  const plan = JSON.parse((await ok(['plan', '--json', ...args], dir, { env })).stdout);
  assert.deepEqual(plan.output_changes.all.after, { a: 'env-a', b: 'file-b', c: 'file2-c', d: 'flag2-d', n: 5, l: ['x', 'y'] });
  await ok(['apply', '--auto-approve', ...args], dir, { env });
  assert.deepEqual(JSON.parse((await ok(['output', '--json'], dir)).stdout).all.value, { a: 'env-a', b: 'file-b', c: 'file2-c', d: 'flag2-d', n: 5, l: ['x', 'y'] });
  const same = await runBallast(['plan', '--detailed-exitcode', ...args], { cwd: dir, env });
  assert.equal(same.code, 0, same.stdout + same.stderr);
  // dropping the flags changes the outputs back
  const defaults = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir });
  assert.equal(defaults.code, 2);
  assert.match(defaults.stdout, /"d" += "flag2-d" -> "default-d"|d += "flag2-d" -> "default-d"/);
});

test('confirmation prompt: anything but "yes" applies nothing (exit 1); "yes" applies', async () => {
  const dir = await makeTempDir('ballast-scn-confirm-');
  await writeFile(join(dir, 'main.tf.json'), JSON.stringify(stack));
  for (const input of ['no\n', 'YES please\n', '']) {
    const r = await runBallast(['apply'], { cwd: dir, input });
    assert.equal(r.code, 1, `answer ${JSON.stringify(input)}: ${r.stdout}\n${r.stderr}`);
    assert.match(r.stderr, /Do you want to perform these actions in stack "main"\?/);
    assert.equal(existsSync(join(dir, 'out')), false);
    assert.equal(versions(dir), 0);
  }
  const yes = await ok(['apply'], dir, { input: 'yes\n' });
  assert.match(yes.stdout, /Apply complete! Resources: 4 added/);
  await noChanges(dir);
  // destroy asks as well
  const no = await runBallast(['destroy'], { cwd: dir, input: 'nope\n' });
  assert.equal(no.code, 1);
  assert.ok(existsSync(join(dir, 'out/a.txt')));
  assert.equal(versions(dir), 1);
});
