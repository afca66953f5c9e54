// Refactoring without destroy, through the real CLI: moved blocks (resource and module),
// removed blocks that forget, state mv / rm / show; a cdktf app whose construct is renamed
// with moveFromId plans a move (not a replace) and a TerraformHclModule with a local source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast, type BallastRun } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

type Json = Record<string, any>;

async function ok(args: string[], cwd: string, env?: Record<string, string>): Promise<BallastRun> {
  const r = await runBallast(args, { cwd, env });
  assert.equal(r.code, 0, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r;
}
const changes = async (cwd: string, env?: Record<string, string>): Promise<Record<string, string>> => {
  const j = JSON.parse((await ok(['plan', '--json'], cwd, env)).stdout);
  return Object.fromEntries(
    (j.resource_changes as Json[])
      .filter((c) => c.change.actions[0] !== 'no-op' || c.previous_address)
      .map((c) => [c.address, `${c.change.actions.join(',')}${c.previous_address ? ` from ${c.previous_address}` : ''}`]),
  );
};
const ids = async (cwd: string): Promise<Record<string, string>> => {
  const v = JSON.parse((await ok(['show', '--json'], cwd)).stdout);
  return Object.fromEntries(Object.entries(v.resources as Record<string, Json>).map(([a, r]) => [a, r.attributes.id]));
};

test('moved and removed blocks, state mv/rm/show: objects keep their ids', async () => {
  const dir = await makeTempDir('ballast-scn-refactor-');
  await mkdir(join(dir, 'pet'));
  await writeFile(join(dir, 'pet/main.tf'), 'resource "random_pet" "p" {\n  length = 2\n}\noutput "id" {\n  value = random_pet.p.id\n}\n');
  await writeFile(
    join(dir, 'main.tf'),
    `
resource "random_pet" "old" {
  length = 1
}
resource "random_pet" "gone" {
  length = 1
}
module "a" {
  source = "./pet"
}
`,
  );
  await ok(['apply', '--auto-approve'], dir);
  const before = await ids(dir);

  await writeFile(
    join(dir, 'main.tf'),
    `
resource "random_pet" "new" {
  length = 1
}
module "b" {
  source = "./pet"
}
moved {
  from = random_pet.old
  to   = random_pet.new
}
moved {
  from = module.a
  to   = module.b
}
removed {
  from = random_pet.gone
  lifecycle {
    destroy = false
  }
}
`,
  );
  assert.deepEqual(await changes(dir), {
    'random_pet.new': 'no-op from random_pet.old',
    'module.b.random_pet.p': 'no-op from module.a.random_pet.p',
    'random_pet.gone': 'forget',
  });
  const human = await ok(['plan'], dir);
  assert.match(human.stdout, /# random_pet\.old has moved to random_pet\.new/);
  assert.match(human.stdout, /# random_pet\.gone will no longer be managed by Ballast/);
  assert.match(human.stdout, /Plan: 0 to add, 0 to change, 0 to destroy, 1 to forget\./);
  await ok(['apply', '--auto-approve'], dir);
  const after = await ids(dir);
  assert.deepEqual(after, { 'module.b.random_pet.p': before['module.a.random_pet.p'], 'random_pet.new': before['random_pet.old'] });
  await ok(['plan', '--detailed-exitcode'], dir);

  // a removed block for a resource still configured is a mistake
  await writeFile(join(dir, 'extra.tf'), 'removed {\n  from = random_pet.new\n}\n');
  const bad = await runBallast(['plan'], { cwd: dir });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /Removed resource still exists/);
  await writeFile(join(dir, 'extra.tf'), '');

  // state show / mv / rm
  const shown = (await ok(['state', 'show', 'random_pet.new'], dir)).stdout;
  assert.match(shown, /^# random_pet\.new:\nresource "random_pet" "new" \{\n    id {8}= "[a-z]+"\n    length {4}= 1\n/);
  assert.match((await ok(['state', 'mv', 'random_pet.new', 'random_pet.renamed'], dir)).stdout, /Move "random_pet\.new" to "random_pet\.renamed"/);
  assert.deepEqual(await changes(dir), { 'random_pet.new': 'create', 'random_pet.renamed': 'delete' });
  await ok(['state', 'mv', 'random_pet.renamed', 'random_pet.new'], dir);
  await ok(['state', 'rm', 'module.b'], dir);
  assert.deepEqual((await ok(['state', 'list'], dir)).stdout.trim().split('\n'), ['random_pet.new']);
  const missing = await runBallast(['state', 'rm', 'random_pet.nope'], { cwd: dir });
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /No object is recorded at random_pet\.nope/);
  const versions = JSON.parse((await ok(['history', '--json'], dir)).stdout);
  assert.ok(JSON.stringify(versions).includes('state-edit'));
});

const APP = `
import { App, TerraformHclModule, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { pet, provider } from '@cdktf/provider-random';
import { provider as localProvider } from '@cdktf/provider-local';

class Refactor extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new provider.RandomProvider(this, 'random');
    new localProvider.LocalProvider(this, 'local');
    if (process.env.RENAMED) new pet.Pet(this, 'renamed', { length: 2 }).moveFromId('random_pet.original');
    else new pet.Pet(this, 'original', { length: 2 });
    const files = new TerraformHclModule(this, 'files', { source: './modules/file', variables: { content: 'hello' } });
    new TerraformOutput(this, 'file', { value: files.get('path') });
  }
}
const app = new App();
new Refactor(app, 'refactor');
app.synth();
`;

test('a cdktf app: renaming a construct with moveFromId plans a move; TerraformHclModule with a local source', async () => {
  const dir = await makeTempDir('ballast-scn-refactor-');
  await mkdir(join(dir, 'modules/file'), { recursive: true });
  await writeFile(join(dir, 'modules/file/main.tf'), 'variable "content" {}\nresource "random_pet" "f" {\n  prefix = var.content\n}\noutput "path" {\n  value = random_pet.f.id\n}\n');
  await writeFile(join(dir, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'npx tsx main.ts', terraformModules: ['./modules/file'] }));
  await writeFile(join(dir, 'main.ts'), APP);
  await ok(['apply', '--auto-approve'], dir);
  const before = await ids(dir);
  assert.match(JSON.parse((await ok(['output', '--json'], dir)).stdout).file.value, /^hello-/);
  assert.ok(before['random_pet.original']);
  assert.ok(before['module.files.random_pet.f']);
  assert.deepEqual(await changes(dir, { RENAMED: '1' }), { 'random_pet.renamed': 'no-op from random_pet.original' });
  await ok(['apply', '--auto-approve'], dir, { RENAMED: '1' });
  assert.equal((await ids(dir))['random_pet.renamed'], before['random_pet.original']);
  await ok(['plan', '--detailed-exitcode'], dir, { RENAMED: '1' });
});
