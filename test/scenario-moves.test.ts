// Never lose track of an object, through the real CLI: a moved block to another resource type or
// to a data source is refused (the local file stays managed where it was), adding or removing
// count moves the object as Terraform's implied moves do, and moved blocks Terraform rejects
// (still declared, redundant) are errors at the block's file:line that change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast, type BallastRun } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

type Json = Record<string, any>;

async function ok(args: string[], cwd: string): Promise<BallastRun> {
  const r = await runBallast(args, { cwd });
  assert.equal(r.code, 0, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r;
}
async function fails(args: string[], cwd: string): Promise<BallastRun> {
  const r = await runBallast(args, { cwd });
  assert.equal(r.code, 1, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');
  return r;
}
/** address -> actions (and where it moved from) of every change that does something */
const changes = async (cwd: string): Promise<Record<string, string>> => {
  const j = JSON.parse((await ok(['plan', '--json'], cwd)).stdout);
  return Object.fromEntries(
    (j.resource_changes as Json[])
      .filter((c) => c.change.actions[0] !== 'no-op' || c.previous_address)
      .map((c) => [c.address, `${c.change.actions.join(',')}${c.previous_address ? ` from ${c.previous_address}` : ''}${c.action_reason ? ` (${c.action_reason})` : ''}`]),
  );
};
const ids = async (cwd: string): Promise<Record<string, string>> => {
  const v = JSON.parse((await ok(['show', '--json'], cwd)).stdout);
  return Object.fromEntries(Object.entries(v.resources as Record<string, Json>).map(([a, r]) => [a, r.attributes.id]));
};
const versions = async (cwd: string): Promise<number> => (JSON.parse((await ok(['history', '--json'], cwd)).stdout) as unknown[]).length;

const FILE = 'resource "local_file" "f" {\n  filename = "${path.module}/keep.txt"\n  content  = "data"\n}\n';

test('a moved block to another resource type or to a data source is refused: the object stays recorded and on disk', async () => {
  const dir = await makeTempDir('ballast-scn-moves-');
  await writeFile(join(dir, 'main.tf'), FILE);
  await ok(['apply', '--auto-approve'], dir);
  const before = await ids(dir);
  const n = await versions(dir);

  await writeFile(join(dir, 'main.tf'), 'resource "terraform_data" "t" {\n  input = "x"\n}\n\nmoved {\n  from = local_file.f\n  to   = terraform_data.t\n}\n');
  for (const cmd of [['plan'], ['apply', '--auto-approve']]) {
    const r = await fails(cmd, dir);
    assert.match(r.stderr, /Error: Unsupported `moved` across resource types/);
    assert.match(r.stderr, /on main\.tf line 5:/);
    assert.match(r.stderr, /local_file\.f \(a local_file\) cannot become terraform_data\.t \(a terraform_data\)/);
  }
  assert.deepEqual(await ids(dir), before, 'state unchanged');
  assert.equal(await versions(dir), n, 'no new state version');
  assert.equal(await readFile(join(dir, 'keep.txt'), 'utf8'), 'data');

  // a managed resource moved to a data source: refused before anything is planned
  await writeFile(join(dir, 'main.tf'), 'moved {\n  from = local_file.f\n  to   = data.local_file.f\n}\n');
  const r = await fails(['apply', '--auto-approve'], dir);
  assert.match(r.stderr, /Error: Resource type mismatch/);
  assert.match(r.stderr, /on main\.tf line 1:/);
  assert.deepEqual(await ids(dir), before);
  assert.ok(existsSync(join(dir, 'keep.txt')));

  // the configuration put back: nothing to do
  await writeFile(join(dir, 'main.tf'), FILE);
  await ok(['plan', '--detailed-exitcode'], dir);
});

test('adding count moves the object to [0], removing it moves [0] back (implied moves); an explicit moved block wins', async () => {
  const dir = await makeTempDir('ballast-scn-moves-');
  const config = (count: string) =>
    `resource "local_file" "f" {\n${count}  filename = "\${path.module}/\${${count ? 'count.index == 0 ? "keep" : "f${count.index}"' : '"keep"'}}.txt"\n  content  = "data"\n}\n`;
  await writeFile(join(dir, 'main.tf'), config(''));
  await ok(['apply', '--auto-approve'], dir);
  const first = (await ids(dir))['local_file.f'];

  // count added
  await writeFile(join(dir, 'main.tf'), config('  count    = 2\n'));
  assert.deepEqual(await changes(dir), { 'local_file.f[0]': 'no-op from local_file.f', 'local_file.f[1]': 'create' });
  const human = (await ok(['plan'], dir)).stdout;
  assert.match(human, /# local_file\.f has moved to local_file\.f\[0\]/);
  assert.match(human, /Plan: 1 to add, 0 to change, 0 to destroy\./);
  await ok(['apply', '--auto-approve'], dir);
  assert.deepEqual(Object.keys(await ids(dir)).sort(), ['local_file.f[0]', 'local_file.f[1]']);
  assert.equal((await ids(dir))['local_file.f[0]'], first);
  await ok(['plan', '--detailed-exitcode'], dir);
  assert.ok(existsSync(join(dir, 'keep.txt')) && existsSync(join(dir, 'f1.txt')));

  // count removed: [0] becomes the no-key object, [1] goes because the resource no longer uses count
  await writeFile(join(dir, 'main.tf'), config(''));
  assert.deepEqual(await changes(dir), { 'local_file.f': 'no-op from local_file.f[0]', 'local_file.f[1]': 'delete (delete_because_wrong_repetition)' });
  assert.match((await ok(['plan'], dir)).stdout, /# local_file\.f\[1\] will be destroyed\n {2}# \(because resource does not use count\)/);
  await ok(['apply', '--auto-approve'], dir);
  assert.deepEqual(await ids(dir), { 'local_file.f': first });
  await ok(['plan', '--detailed-exitcode'], dir);
  assert.equal(await readFile(join(dir, 'keep.txt'), 'utf8'), 'data');
  assert.ok(!existsSync(join(dir, 'f1.txt')));

  // for_each is not an implied move: the no-key object is destroyed, worded as Terraform does
  await writeFile(join(dir, 'main.tf'), 'resource "local_file" "f" {\n  for_each = toset(["a"])\n  filename = "${path.module}/keep.txt"\n  content  = "data"\n}\n');
  assert.deepEqual(await changes(dir), { 'local_file.f': 'delete (delete_because_wrong_repetition)', 'local_file.f["a"]': 'create' });
  assert.match((await ok(['plan'], dir)).stdout, /# local_file\.f will be destroyed\n {2}# \(because resource uses count or for_each\)/);

  // an explicit moved block naming the resource wins over the implied move
  await writeFile(
    join(dir, 'main.tf'),
    'resource "local_file" "f" {\n  count    = 2\n  filename = "${path.module}/${count.index == 1 ? "keep" : "f0"}.txt"\n  content  = "data"\n}\nmoved {\n  from = local_file.f\n  to   = local_file.f[1]\n}\n',
  );
  assert.deepEqual(await changes(dir), { 'local_file.f[0]': 'create', 'local_file.f[1]': 'no-op from local_file.f' });
  await ok(['apply', '--auto-approve'], dir);
  assert.equal((await ids(dir))['local_file.f[1]'], first);
  await ok(['plan', '--detailed-exitcode'], dir);
});

test('moved blocks Terraform rejects: from a resource or instance still declared, to the same address; exit 1, nothing changes', async () => {
  const dir = await makeTempDir('ballast-scn-moves-');
  await writeFile(join(dir, 'main.tf'), 'resource "terraform_data" "a" {\n  input = "a"\n}\nresource "terraform_data" "n" {\n  count = 2\n}\n');
  await ok(['apply', '--auto-approve'], dir);
  const before = await ids(dir);
  const n = await versions(dir);

  await writeFile(join(dir, 'moves.tf'), 'moved {\n  from = terraform_data.a\n  to   = terraform_data.b\n}\n\nmoved {\n  from = terraform_data.c\n  to   = terraform_data.c\n}\n');
  for (const cmd of [['plan'], ['apply', '--auto-approve']]) {
    const r = await fails(cmd, dir);
    assert.match(r.stderr, /Error: Moved object still exists\n\n {2}on moves\.tf line 1:/);
    assert.match(
      r.stderr,
      /This statement declares a move from terraform_data\.a, but that resource is still declared at main\.tf:1,1\.\n\s*\n\s*Change your configuration so that this resource will be declared as terraform_data\.b instead\./,
    );
    assert.match(r.stderr, /Error: Redundant move statement\n\n {2}on moves\.tf line 6:/);
    assert.match(r.stderr, /This statement declares a move from terraform_data\.c to the same address, which is the same as not declaring this move at all\./);
  }

  // an instance the expansion still declares
  await writeFile(join(dir, 'moves.tf'), 'moved {\n  from = terraform_data.n[1]\n  to   = terraform_data.m[0]\n}\n');
  const r = await fails(['apply', '--auto-approve'], dir);
  assert.match(r.stderr, /Error: Moved object still exists\n\n {2}on moves\.tf line 1:/);
  assert.match(r.stderr, /move from terraform_data\.n\[1\], but that resource instance is still declared at main\.tf:4,1\./);
  assert.deepEqual(await ids(dir), before);
  assert.equal(await versions(dir), n);
});

test('an implied move whose target is taken: one warning listing it, and the no-key object is destroyed as Terraform does', async () => {
  const dir = await makeTempDir('ballast-scn-moves-');
  await writeFile(join(dir, 'main.tf'), 'resource "terraform_data" "c" {\n  input = "c"\n}\nresource "terraform_data" "d" {\n  count = 1\n  input = "c"\n}\n');
  await ok(['apply', '--auto-approve'], dir);
  await ok(['state', 'mv', 'terraform_data.d[0]', 'terraform_data.c[0]'], dir);
  await writeFile(join(dir, 'main.tf'), 'resource "terraform_data" "c" {\n  count = 1\n  input = "c"\n}\n');
  assert.deepEqual(await changes(dir), { 'terraform_data.c': 'delete (delete_because_wrong_repetition)' });
  const r = await ok(['plan'], dir);
  assert.match(r.stdout, /# terraform_data\.c will be destroyed\n {2}# \(because resource uses count or for_each\)/);
  assert.match(r.stderr, /Warning: Unresolved resource instance address changes/);
  assert.match(r.stderr, /- terraform_data\.c could not move to terraform_data\.c\[0\]/);
});
