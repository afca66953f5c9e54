// `ballast console`: expressions evaluated against a stack's configuration and recorded state,
// printed as `terraform console` prints them. A small HCL stack (variables, locals, count, a
// for_each module, a sensitive variable, a resource not applied yet) is applied, then
// expressions are piped in; with `terraform` on the PATH the same stack is applied by terraform
// and every deterministic expression must print exactly what `terraform console` prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { runBallast, ballastBin } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { terraform, terraformAvailable } from './helpers/terraform-cli.ts';

const SECRET = 'hunter2';

const MAIN = `
variable "name" {
  type    = string
  default = "demo"
}
variable "secret" {
  type      = string
  default   = "${SECRET}"
  sensitive = true
}
variable "region" {
  type = string
}
locals {
  tags = { env = "dev", name = var.name }
  text = "line1\\nline2"
}
resource "terraform_data" "a" {
  input = { name = var.name, tags = ["x", "y"] }
}
resource "terraform_data" "b" {
  count            = 2
  input            = "\${var.name}-\${count.index}"
  triggers_replace = [var.secret]
}
module "box" {
  source   = "./modules/box"
  for_each = toset(["one", "two"])
  label    = "\${var.name}-\${each.key}"
}
output "boxes" { value = { for k, m in module.box : k => m.label } }
`;
const BOX = `
variable "label" { type = string }
resource "terraform_data" "inner" {
  input = var.label
}
output "label" { value = terraform_data.inner.output }
`;
// added after the apply: in the configuration, not in the state
const LATER = `
resource "terraform_data" "later" {
  input = "x"
}
locals { later_id = terraform_data.later.id }
`;

/** Expressions whose values are the same in any apply (no generated ids), compared with terraform. */
const COMPARED = [
  'var.name',
  'var.secret',
  'var.region',
  'local.tags',
  'local.text',
  'terraform_data.a.input',
  'terraform_data.a.output',
  'terraform_data.b[1].input',
  '[for b in terraform_data.b : b.input]',
  'terraform_data.b[0].triggers_replace',
  'length(local.tags)',
  'length(terraform_data.b)',
  'length([sensitive(1), 2])',
  'module.box["one"].label',
  'module.box',
  'terraform_data.later',
  'terraform_data.later.id',
  'local.later_id',
  'path.module',
  'terraform.workspace',
  'upper(var.name)',
  'jsonencode(local.tags)',
  '{ a = [1, 2], b = "x\\ny", c = null }',
  'sensitive("x")',
  '1 + 2 * 3',
  '"tab\\there"',
  'format("%05.1f", 3.14159)',
  '[sensitive(1), 2]',
];

async function stackDir(prefix: string): Promise<string> {
  const dir = await makeTempDir(prefix);
  await mkdir(join(dir, 'modules', 'box'), { recursive: true });
  await writeFile(join(dir, 'main.tf'), MAIN);
  await writeFile(join(dir, 'modules', 'box', 'main.tf'), BOX);
  return dir;
}

async function consoleRun(dir: string, input: string, args: string[] = []) {
  return runBallast(['console', ...args], { cwd: dir, input });
}

test('console before any apply: configuration values are known, resources are known after apply', async () => {
  const dir = await stackDir('ballast-console-empty-');
  const r = await consoleRun(dir, 'var.name\nterraform_data.a\nmodule.box["one"].label\nvar.region\n');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '"demo"\n(known after apply)\n(known after apply)\n(known after apply)\n');
});

test('console after apply: piped expressions print one result each; a failing line prints a diagnostic and the rest still run', async (t) => {
  const dir = await stackDir('ballast-console-');
  const applied = await runBallast(['apply', '--auto-approve', '--var', 'region=eu'], { cwd: dir });
  assert.equal(applied.code, 0, applied.stderr);
  await appendFile(join(dir, 'main.tf'), LATER);

  const r = await consoleRun(dir, 'var.name\n\nlocal.nope\nterraform_data.a.id\nterraform_data.b\nupper(\nvar.secret\nexit\nvar.name\n');
  assert.equal(r.code, 1, 'a failed line makes the exit code 1');
  const ids = r.stdout.match(/"[0-9a-f]{8}-[0-9a-f-]{27}"/g) ?? [];
  assert.ok(ids.length >= 3, r.stdout);
  assert.ok(r.stdout.startsWith('"demo"\n"'), r.stdout);
  assert.match(r.stdout, /\[\n {2}\{\n {4}"id" = "[0-9a-f-]+"\n {4}"input" = "demo-0"\n/);
  assert.match(r.stdout, /"triggers_replace" = \[\n {6}\(sensitive value\),\n/);
  assert.ok(r.stdout.endsWith('(sensitive value)\n'), 'lines after `exit` are not read');
  assert.match(r.stderr, /Error: Reference to undeclared local value "local\.nope"\n\n {2}on <console-input> line 1:\n {2}1: local\.nope\n {5}\^{10}/);
  assert.match(r.stderr, /Error: Invalid expression/);
  assert.ok(!(r.stdout + r.stderr).includes(SECRET), 'the sensitive value is never printed');
  assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');

  // --var sets a variable; an undeclared one is a clear error that evaluates nothing
  const withVar = await consoleRun(dir, 'var.region\n', ['--var', 'region=us']);
  assert.equal(withVar.stdout, '"us"\n');
  const undeclared = await consoleRun(dir, 'var.name\n', ['-var', 'nope=1']);
  assert.equal(undeclared.code, 1);
  assert.equal(undeclared.stdout, '');
  assert.match(undeclared.stderr, /undeclared variable "nope"/);

  const ours = await consoleRun(dir, COMPARED.join('\n') + '\n');
  assert.equal(ours.code, 0, ours.stderr);

  if (!terraformAvailable()) return t.skip('terraform is not on the PATH');
  const tf = await stackDir('ballast-console-tf-');
  const cli = { TF_CLI_CONFIG_FILE: '/dev/null' };
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', ...cli };
  await terraform(tf, ['init', '-input=false'], cli);
  await terraform(tf, ['apply', '-auto-approve', '-input=false', '-var', 'region=eu'], cli);
  await appendFile(join(tf, 'main.tf'), LATER);
  // terraform's piped console prints only the last result: one run per expression
  const expected: string[] = [];
  for (const e of COMPARED) {
    const r = spawnSync('terraform', ['console', '-no-color'], { cwd: tf, env, input: `${e}\n`, encoding: 'utf8', timeout: 180_000 });
    assert.equal(r.status, 0, `terraform console ${e}: ${r.stderr}`);
    expected.push(r.stdout);
  }
  assert.equal(ours.stdout, expected.join(''));
});

test('console in an app of several stacks needs --stack', async () => {
  const dir = await makeTempDir('ballast-console-multi-');
  const stack = (n: string) => ({ variable: { who: { default: n } }, resource: { terraform_data: { t: { input: '${var.who}' } } } });
  for (const n of ['one', 'two']) {
    await mkdir(join(dir, 'stacks', n), { recursive: true });
    await writeFile(join(dir, 'stacks', n, 'cdk.tf.json'), JSON.stringify(stack(n)));
  }
  const manifest = { version: '0.20.0', stacks: Object.fromEntries(['one', 'two'].map((n) => [n, { name: n, synthesizedStackPath: `stacks/${n}/cdk.tf.json`, workingDirectory: `stacks/${n}` }])) };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const both = await consoleRun(dir, 'var.who\n');
  assert.equal(both.code, 1);
  assert.match(both.stderr, /several stacks \(one, two\): name one with --stack NAME/);
  assert.equal(both.stdout, '');
  const two = await consoleRun(dir, 'var.who\n', ['--stack', 'two']);
  assert.equal(two.code, 0, two.stderr);
  assert.equal(two.stdout, '"two"\n');
});

test('on a terminal: a prompt loop; an open bracket continues on the next line; exit ends it', { skip: hasScript() ? undefined : 'script (util-linux) is not installed' }, async () => {
  const dir = await stackDir('ballast-console-tty-');
  // `script` runs the console on a pseudo-terminal and feeds it our stdin
  const r = spawnSync('script', ['-qec', `${ballastBin} console`, '/dev/null'], {
    cwd: dir,
    input: 'var.name\n[\n1,\n2]\nlocal.nope\nexit\n',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 300_000,
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const out = stripVTControlCharacters(r.stdout).replace(/\r/g, '');
  assert.match(out, /> /);
  assert.match(out, /"demo"\n/);
  assert.match(out, /\. /, 'the continuation prompt');
  assert.match(out, /\[\n {2}1,\n {2}2,\n\]\n/);
  assert.match(out, /Error: Reference to undeclared local value "local\.nope"/);
});

function hasScript(): boolean {
  return spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
}
