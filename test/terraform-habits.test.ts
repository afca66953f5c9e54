// Terraform users' habits work: single-dash flags (-auto-approve, -var 'k=v', -var-file=,
// -refresh=false, -parallelism=N, -lock-timeout=, -target=, -replace=, -json, -out=,
// -input=false, -no-color), "Did you mean ...?" for a misspelled flag or command (never an
// internal camelCase name), "Destroy cancelled." on a "no", and progress lines
// (`Creating...`, `Creation complete after Ns [id=...]`, `Destroying... [id=...]`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

const MAIN = `variable "n" {
  type = string
}
variable "m" {
  type    = string
  default = "unset"
}
resource "terraform_data" "a" {
  input = var.n
}
resource "terraform_data" "b" {
  input = "\${terraform_data.a.output}-\${var.m}"
}
output "o" { value = terraform_data.b.output }
`;

async function stack(): Promise<string> {
  const dir = await makeTempDir('ballast-habits-');
  await writeFile(join(dir, 'main.tf'), MAIN);
  await writeFile(join(dir, 'extra.tfvars'), 'm = "from-file"\n');
  return dir;
}

test('single-dash flags, progress lines, and Terraform\'s words for a "no"', async () => {
  const dir = await stack();
  const applied = await runBallast(['apply', '-auto-approve', '-var', 'n=hello', '-var-file=extra.tfvars', '-refresh=false', '-parallelism=1', '-lock-timeout=1s', '-input=false', '-no-color'], {
    cwd: dir,
  });
  assert.equal(applied.code, 0, applied.stderr);
  assert.match(applied.stdout, /^terraform_data\.a: Creating\.\.\.$/m);
  assert.match(applied.stdout, /^terraform_data\.a: Creation complete after \d+s \[id=[0-9a-f-]{36}\]$/m);
  assert.ok(applied.stdout.indexOf('terraform_data.a: Creation complete') < applied.stdout.indexOf('terraform_data.b: Creating...'), 'b starts after a (parallelism 1, b depends on a)');

  const out = await runBallast(['output', '-json'], { cwd: dir });
  assert.equal(out.code, 0, out.stderr);
  assert.equal(JSON.parse(out.stdout).o.value, 'hello-from-file');

  // -target and -replace with -json and -out
  const planned = await runBallast(['plan', '-var=n=hello', '-var-file=extra.tfvars', '-target=terraform_data.a', '-replace=terraform_data.a', '-json', '-out=saved.plan'], { cwd: dir });
  assert.equal(planned.code, 0, planned.stderr);
  const doc = JSON.parse(planned.stdout);
  assert.deepEqual(
    doc.resource_changes
      .filter((c: { change: { actions: string[] } }) => c.change.actions.join() !== 'no-op')
      .map((c: { address: string; change: { actions: string[] } }) => [c.address, c.change.actions]),
    [['terraform_data.a', ['delete', 'create']]],
  );
  assert.ok(existsSync(join(dir, 'saved.plan')));

  // a "no" to destroy: Terraform's words, exit 1, nothing destroyed
  const no = await runBallast(['destroy', '-var', 'n=hello'], { cwd: dir, input: 'no\n' });
  assert.equal(no.code, 1);
  assert.match(no.stderr, /^Destroy cancelled\.$/m);
  const stillThere = await runBallast(['plan', '-var', 'n=hello', '-var-file', 'extra.tfvars', '-detailed-exitcode'], { cwd: dir });
  assert.equal(stillThere.code, 0, `nothing was destroyed\n${stillThere.stdout}${stillThere.stderr}`);

  const destroyed = await runBallast(['destroy', '-auto-approve', '-var', 'n=hello'], { cwd: dir });
  assert.equal(destroyed.code, 0, destroyed.stderr);
  assert.match(destroyed.stdout, /^terraform_data\.b: Destroying\.\.\. \[id=[0-9a-f-]{36}\]$/m);
  assert.match(destroyed.stdout, /^terraform_data\.b: Destruction complete after \d+s$/m);
});

test('a misspelled flag or command gets "Did you mean"; no internal names; nothing runs', async () => {
  const dir = await stack();
  const flag = await runBallast(['apply', '-auto-aprove', '-var', 'n=x'], { cwd: dir });
  assert.equal(flag.code, 1);
  assert.match(flag.stderr, /Unknown flag -auto-aprove\. Did you mean --auto-approve\?/);
  assert.doesNotMatch(flag.stderr, /autoAprove|Internal error/);
  const dashed = await runBallast(['plan', '--refresh-onyl'], { cwd: dir });
  assert.match(dashed.stderr, /Unknown flag --refresh-onyl\. Did you mean --refresh-only\?/);
  // each flag named as typed: two dashes or one
  const bogus = await runBallast(['plan', '--bogus'], { cwd: dir });
  assert.equal(bogus.code, 1);
  assert.match(bogus.stderr, /^Error: Unknown flag --bogus\.$/m);
  const single = await runBallast(['plan', '-bogus'], { cwd: dir });
  assert.match(single.stderr, /^Error: Unknown flag -bogus\.$/m);
  const command = await runBallast(['aply'], { cwd: dir });
  assert.equal(command.code, 1);
  assert.match(command.stderr, /Unknown command "aply"\. Did you mean "apply"\?/);
  assert.ok(!existsSync(join(dir, '.ballast')), 'nothing was recorded');
});
