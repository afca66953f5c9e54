// apply ends as Terraform's does: the summary, then an `Outputs:` section with each output as
// `terraform output` prints it (sensitive ones as <sensitive>, never their value); also when
// nothing changed; none after a destroy, none without outputs, none in --json mode (which
// streams them); one section per stack, naming it, when several stacks are applied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { terraform, terraformAvailable } from './helpers/terraform-cli.ts';

const SECRET = 'sec-a7f3e9';
const MAIN = `resource "terraform_data" "t" { input = "v" }
output "o" { value = terraform_data.t.output }
output "s" {
  value     = "${SECRET}"
  sensitive = true
}
output "l" { value = ["a", { b = 1 }] }
`;
const OUTPUTS = `\nOutputs:\n\nl = [\n  "a",\n  {\n    "b" = 1\n  },\n]\no = "v"\ns = <sensitive>\n`;

async function stackDir(main: string): Promise<string> {
  const dir = await makeTempDir('ballast-apply-outputs-');
  await writeFile(join(dir, 'main.tf'), main);
  return dir;
}

test('apply prints the outputs last, sensitive ones as <sensitive>; again when nothing changed; not after destroy', async () => {
  const dir = await stackDir(MAIN);
  const applied = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(applied.code, 0, applied.stderr);
  assert.match(applied.stdout, /Apply complete! Resources: 1 added, 0 changed, 0 destroyed\.\nRecorded state version 1 of stack "[^"]+" \([\d.]+s\)\.\n/);
  assert.ok(applied.stdout.endsWith(OUTPUTS), applied.stdout);
  assert.ok(!applied.stdout.includes(SECRET), 'the sensitive output never prints');

  const again = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(again.code, 0, again.stderr);
  assert.ok(again.stdout.endsWith(`no changes are needed.\n\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.\n${OUTPUTS}`), again.stdout);

  const json = await runBallast(['apply', '--auto-approve', '--json'], { cwd: dir });
  assert.equal(json.code, 0, json.stderr);
  assert.ok(!json.stdout.includes('Outputs:\n'), 'no human section in the JSON stream');
  for (const line of json.stdout.trim().split('\n')) JSON.parse(line);

  const destroyed = await runBallast(['destroy', '--auto-approve'], { cwd: dir });
  assert.equal(destroyed.code, 0, destroyed.stderr);
  assert.match(destroyed.stdout, /Destroy complete! Resources: 1 destroyed\./);
  assert.doesNotMatch(destroyed.stdout, /^Outputs:/m);
  const nothing = await runBallast(['destroy', '--auto-approve'], { cwd: dir });
  assert.equal(nothing.code, 0, nothing.stderr);
  assert.match(nothing.stdout, /Destroy complete! Resources: 0 destroyed\.\n$/);
});

test('a stack without outputs prints no Outputs section', async () => {
  const dir = await stackDir('resource "terraform_data" "t" { input = "v" }\n');
  const applied = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(applied.code, 0, applied.stderr);
  assert.doesNotMatch(applied.stdout, /^Outputs/m);
});

test('several stacks: one Outputs section per stack, naming it', async () => {
  const dir = await makeTempDir('ballast-apply-outputs-multi-');
  const stack = (n: string) => ({ resource: { terraform_data: { t: { input: n } } }, output: { name: { value: '${terraform_data.t.output}' } } });
  for (const n of ['one', 'two']) {
    await mkdir(join(dir, 'stacks', n), { recursive: true });
    await writeFile(join(dir, 'stacks', n, 'cdk.tf.json'), JSON.stringify(stack(n)));
  }
  const manifest = { version: '0.20.0', stacks: Object.fromEntries(['one', 'two'].map((n) => [n, { name: n, synthesizedStackPath: `stacks/${n}/cdk.tf.json`, workingDirectory: `stacks/${n}` }])) };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const applied = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(applied.code, 0, applied.stderr);
  const one = applied.stdout.indexOf('\nOutputs of stack "one":\n\nname = "one"\n');
  const two = applied.stdout.indexOf('\nOutputs of stack "two":\n\nname = "two"\n');
  assert.ok(one >= 0 && two > one, applied.stdout);
  assert.ok(applied.stdout.indexOf('Recorded state version 1 of stack "one"') < one, 'each after its own stack was recorded');
});

test('the Outputs section reads as terraform apply prints it', { skip: terraformAvailable() ? undefined : 'terraform is not on the PATH' }, async () => {
  const dir = await stackDir(MAIN);
  await terraform(dir, ['init', '-input=false', '-no-color']);
  const { stdout } = await terraform(dir, ['apply', '-auto-approve', '-input=false', '-no-color']);
  assert.ok(stdout.endsWith(OUTPUTS), stdout);
});
