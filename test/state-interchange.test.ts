// `ballast state pull` / `state push`: Terraform v4 state files both ways. Ballast's pulled state
// is read by `terraform show -json` and planned by `terraform plan` as "no changes"; a state
// file written by `terraform apply` pushed into a fresh Ballast stack plans "no changes" too; a
// pull → push round trip changes nothing; bad or stale files are refused without touching state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { planJsonStack, terraform, terraformAvailable } from './helpers/terraform-cli.ts';

type Json = Record<string, any>;
const SECRET = 'hunter2';

async function ok(dir: string, args: string[]): Promise<string> {
  const r = await runBallast(args, { cwd: dir });
  assert.equal(r.code, 0, `ballast ${args.join(' ')} failed\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** `plan --detailed-exitcode`: 0 = no changes, 2 = changes. */
async function planExit(dir: string): Promise<number> {
  return (await runBallast(['plan', '--detailed-exitcode'], { cwd: dir })).code;
}

async function versionsOf(dir: string): Promise<number> {
  return JSON.parse(await ok(dir, ['history', '--json'])).length ?? 0;
}

test('state pull writes a Terraform v4 state file that terraform reads and plans as unchanged', async (t) => {
  const dir = await planJsonStack('ballast-pull-');
  await ok(dir, ['apply', '--auto-approve']);
  const text = await ok(dir, ['state', 'pull']);
  const doc = JSON.parse(text) as Json;
  assert.equal(doc.version, 4);
  assert.match(doc.terraform_version, /^\d+\.\d+\.\d+/);
  assert.equal(doc.serial, 1);
  assert.match(doc.lineage, /^[0-9a-f-]{36}$/);
  // a state file, like terraform's: the sensitive output is there, marked sensitive
  assert.deepEqual(doc.outputs.sec, { value: SECRET, type: 'string', sensitive: true });
  assert.deepEqual(doc.outputs.boxes, { value: { one: 'demo-one', two: 'demo-two' }, type: ['object', { one: 'string', two: 'string' }] });
  assert.deepEqual(
    doc.resources.map((r: Json) => [r.module ?? '', r.type, r.name, r.provider, r.instances.map((i: Json) => i.index_key ?? null)]),
    [
      ['', 'terraform_data', 'a', 'provider["terraform.io/builtin/terraform"]', [null]],
      ['', 'terraform_data', 'b', 'provider["terraform.io/builtin/terraform"]', [0, 1]],
      ['module.box["one"]', 'terraform_data', 'inner', 'provider["terraform.io/builtin/terraform"]', [null]],
      ['module.box["two"]', 'terraform_data', 'inner', 'provider["terraform.io/builtin/terraform"]', [null]],
    ],
  );
  const b0 = doc.resources[1].instances[0];
  assert.deepEqual(b0.dependencies, ['terraform_data.a']);
  assert.deepEqual(b0.sensitive_attributes, [
    [
      { type: 'get_attr', value: 'triggers_replace' },
      { type: 'index', value: { value: 0, type: 'number' } },
    ],
  ]);
  assert.deepEqual(doc.resources[0].instances[0].attributes.input, { value: { name: 'demo', tags: ['x', 'y'] }, type: ['object', { name: 'string', tags: ['tuple', ['string', 'string']] }] });
  // the pulled secret goes to stdout only: not into the stack's state directory logs or stderr
  const pulled = await runBallast(['state', 'pull'], { cwd: dir });
  assert.ok(!pulled.stderr.includes(SECRET));

  if (!terraformAvailable()) return t.skip('terraform is not on the PATH');
  const tf = await planJsonStack('ballast-pull-tf-');
  await writeFile(join(tf, 'pulled.tfstate'), text);
  await terraform(tf, ['init', '-input=false']);
  const shown = JSON.parse((await terraform(tf, ['show', '-json', 'pulled.tfstate'])).stdout) as Json;
  assert.deepEqual(
    shown.values.root_module.resources.map((r: Json) => r.address),
    ['terraform_data.a', 'terraform_data.b[0]', 'terraform_data.b[1]'],
  );
  assert.equal(shown.values.root_module.resources[0].values.id, doc.resources[0].instances[0].attributes.id);
  assert.deepEqual(
    shown.values.root_module.child_modules.map((m: Json) => m.address),
    ['module.box["one"]', 'module.box["two"]'],
  );
  // as terraform's own state: terraform plans no changes against it
  await writeFile(join(tf, 'terraform.tfstate'), text);
  await terraform(tf, ['plan', '-input=false', '-detailed-exitcode', '-lock=false']);
});

test('pull → push round trip changes nothing; stale, unrelated and bad files are refused', async () => {
  const dir = await planJsonStack('ballast-push-');
  await ok(dir, ['apply', '--auto-approve']);
  const pulled = JSON.parse(await ok(dir, ['state', 'pull'])) as Json;
  const file = join(dir, 'pulled.tfstate');

  // the same serial as the current version: refused, as terraform refuses an older or equal serial
  await writeFile(file, JSON.stringify(pulled));
  let r = await runBallast(['state', 'push', file], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Cannot push state with serial 1: stack "ballast-push-\w+" is at serial 1/);

  await writeFile(file, JSON.stringify({ ...pulled, serial: 2 }));
  assert.match(await ok(dir, ['state', 'push', file]), /Pushed 5 object\(s\) and 4 output\(s\)\. Recorded state version 2/);
  assert.equal(await planExit(dir), 0, 'no changes after the round trip');
  const history = JSON.parse(await ok(dir, ['history', '--json'])) as Json[];
  assert.equal(history.at(-1)!.reason, 'state-push');
  const again = JSON.parse(await ok(dir, ['state', 'pull'])) as Json;
  assert.deepEqual(again.resources, pulled.resources);
  assert.deepEqual(again.outputs, pulled.outputs);
  assert.equal(again.lineage, pulled.lineage);

  // another stack's lineage: refused, unless forced
  await writeFile(file, JSON.stringify({ ...pulled, serial: 9, lineage: 'other-lineage' }));
  r = await runBallast(['state', 'push', file], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Cannot push state with lineage "other-lineage" over unrelated state/);

  // bad input: a clear diagnostic, exit 1, no stack trace, no new version
  const before = await versionsOf(dir);
  const bad: [string, RegExp][] = [
    ['{"version": 4,', /bad\.tfstate is not valid JSON/],
    [JSON.stringify({ ...pulled, version: 3 }), /state format version 3; Ballast reads Terraform state format version 4/],
    [
      JSON.stringify({ ...pulled, serial: 10, resources: [{ mode: 'managed', type: 'terraform_data', name: 'a', provider: 'terraform', instances: [] }] }),
      /resources\[0\]: "provider" must look like provider\[/,
    ],
  ];
  for (const [text, re] of bad) {
    await writeFile(join(dir, 'bad.tfstate'), text);
    const b = await runBallast(['state', 'push', 'bad.tfstate'], { cwd: dir });
    assert.equal(b.code, 1, text);
    assert.match(b.stderr, re);
    assert.ok(!/\n\s+at /.test(b.stderr), 'no stack trace');
  }
  const missing = await runBallast(['state', 'push', 'nope.tfstate'], { cwd: dir });
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /cannot read nope\.tfstate: ENOENT/);
  assert.equal(await versionsOf(dir), before, 'refused pushes record nothing');

  // --force overrides lineage and serial
  await writeFile(file, JSON.stringify({ ...pulled, lineage: 'other-lineage' }));
  await ok(dir, ['state', 'push', '--force', file]);
  assert.equal(await versionsOf(dir), before + 1);
  assert.equal(await planExit(dir), 0);
});

test('a stack applied by terraform moves into Ballast with state push, without recreating anything', async (t) => {
  if (!terraformAvailable()) return t.skip('terraform is not on the PATH');
  const tf = await planJsonStack('ballast-tf-apply-');
  await terraform(tf, ['init', '-input=false']);
  await terraform(tf, ['apply', '-auto-approve', '-input=false', '-lock=false']);
  const tfState = JSON.parse(await readFile(join(tf, 'terraform.tfstate'), 'utf8')) as Json;

  const dir = await planJsonStack('ballast-tf-import-');
  assert.match(await ok(dir, ['state', 'push', join(tf, 'terraform.tfstate')]), /Pushed 5 object\(s\) and 4 output\(s\)\. Recorded state version 1/);
  assert.equal(await planExit(dir), 0, "Ballast plans no changes for terraform's objects");
  const list = (await ok(dir, ['state', 'list'])).trim().split('\n');
  assert.deepEqual(list, ['module.box["one"].terraform_data.inner', 'module.box["two"].terraform_data.inner', 'terraform_data.a', 'terraform_data.b[0]', 'terraform_data.b[1]']);
  const outputs = JSON.parse(await ok(dir, ['output', '--json'])) as Json;
  assert.equal(outputs.a_id.value, tfState.outputs.a_id.value);
  // the first push into an empty stack adopts terraform's lineage
  assert.equal((JSON.parse(await ok(dir, ['state', 'pull'])) as Json).lineage, tfState.lineage);
});

test('state push - reads the state file from stdin (with --force before or after it)', async () => {
  const dir = await planJsonStack('ballast-push-stdin-');
  await ok(dir, ['apply', '--auto-approve']);
  const pulled = JSON.parse(await ok(dir, ['state', 'pull'])) as Json;

  const pushed = await runBallast(['state', 'push', '-'], { cwd: dir, input: JSON.stringify({ ...pulled, serial: 2 }) });
  assert.equal(pushed.code, 0, pushed.stderr);
  assert.match(pushed.stdout, /Pushed 5 object\(s\) and 4 output\(s\)\. Recorded state version 2/);
  for (const args of [
    ['state', 'push', '-', '--force'],
    ['state', 'push', '--force', '-'],
  ]) {
    const forced = await runBallast(args, { cwd: dir, input: JSON.stringify({ ...pulled, lineage: 'other-lineage' }) });
    assert.equal(forced.code, 0, `${args.join(' ')}: ${forced.stderr}`);
  }
  assert.equal(await versionsOf(dir), 4);
  assert.equal(await planExit(dir), 0);

  const bad = await runBallast(['state', 'push', '-'], { cwd: dir, input: '{"version": 4,' });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /stdin is not valid JSON/);
  assert.equal(await versionsOf(dir), 4, 'a refused push records nothing');
});
