// Numbers beyond a double through a whole flow (issue 17 item 1): an HCL stack whose resource
// input and outputs hold integers past 2^53 and literals with 17+ significant digits is planned,
// applied, re-planned (no changes), and read back with `output --json`; every digit survives the
// state file. The expected values were recorded from `terraform output -json` (terraform 1.11.4)
// on the same main.tf; where terraform is on the PATH the test also runs it and compares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { terraformAvailable } from './helpers/terraform-cli.ts';

const MAIN_TF = `
resource "terraform_data" "n" {
  input = { id = 123456789012345678901, fine = 0.12345678901234567890123, small = 5, sum = 0.1 + 0.2 }
}
output "id" { value = terraform_data.n.output.id }
output "next" { value = terraform_data.n.output.id + 1 }
output "fine" { value = terraform_data.n.output.fine }
output "sum" { value = terraform_data.n.output.sum }
output "pow" { value = pow(2, 64) }
output "big_float" { value = 1e21 }
output "json" { value = jsonencode(terraform_data.n.output) }
output "text" { value = "id-\${terraform_data.n.output.id}" }
`;

/** `terraform output -json` values, recorded (raw JSON text, since JSON.parse would round them). */
const RECORDED: Record<string, string> = {
  big_float: '1000000000000000000000',
  fine: '0.12345678901234567890123',
  id: '123456789012345678901',
  json: '"{\\"fine\\":0.12345678901234567890123,\\"id\\":123456789012345678901,\\"small\\":5,\\"sum\\":0.3}"',
  next: '123456789012345678902',
  pow: '18446744073709550000',
  sum: '0.3',
  text: '"id-123456789012345678901"',
};

/**
 * Where Ballast knowingly differs (docs/terraform-differences.md, "numbers in state"): a whole
 * number is written to state with every digit, so the 53-bit pow(2, 64) reads back as 2^64
 * exactly; terraform writes the digits printed at 53 bits and reads back another integer.
 */
const DIFFERS_FROM_TERRAFORM: Record<string, string> = { pow: '18446744073709551616' };

/** The raw JSON text of each output's value in `output --json` text (indented 2 or 4 by nesting). */
function rawValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^ {2}"([a-z_]+)": \{[^}]*?"value": (.*?),?\n/gms)) out[m[1]] = m[2];
  return out;
}

test('integers past 2^53 and 17+ digit literals keep every digit through plan, apply, state and output --json', { timeout: 600_000 }, async () => {
  const dir = await makeTempDir('ballast-bignum-');
  await writeFile(join(dir, 'main.tf'), MAIN_TF);
  const plan = await runBallast(['plan'], { cwd: dir });
  assert.equal(plan.code, 0, plan.stderr);
  assert.match(plan.stdout, /123456789012345678901/, 'the plan shows every digit');
  assert.match(plan.stdout, /0\.12345678901234567890123/);
  const applied = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(applied.code, 0, applied.stderr);
  const again = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir });
  assert.equal(again.code, 0, `re-plan after apply must have no changes:\n${again.stdout}\n${again.stderr}`);

  const out = await runBallast(['output', '--json'], { cwd: dir });
  assert.equal(out.code, 0, out.stderr);
  const got = rawValues(out.stdout);
  for (const [name, want] of Object.entries({ ...RECORDED, ...DIFFERS_FROM_TERRAFORM })) assert.equal(got[name], want, `output ${name}`);
  const one = await runBallast(['output', 'id'], { cwd: dir });
  assert.equal(one.stdout.trim(), '123456789012345678901');

  // the state file itself holds the digits as a JSON number
  const versions = join(dir, '.ballast');
  const texts = await readAll(versions);
  assert.ok(
    texts.some((t) => /"id": 123456789012345678901\b/.test(t)),
    'a state version records the id as a JSON number with every digit',
  );
});

test('terraform gives the recorded values for the same main.tf', { skip: terraformAvailable() ? undefined : 'terraform is not on the PATH', timeout: 180_000 }, async () => {
  const dir = await makeTempDir('ballast-bignum-tf-');
  await writeFile(join(dir, 'main.tf'), MAIN_TF);
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
  for (const args of [
    ['init', '-input=false'],
    ['apply', '-auto-approve', '-input=false'],
  ]) {
    const r = spawnSync('terraform', args, { cwd: dir, env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
  const r = spawnSync('terraform', ['output', '-json'], { cwd: dir, env, encoding: 'utf8' });
  assert.deepEqual(rawValues(r.stdout), RECORDED);
});

async function readAll(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.json')) out.push(await readFile(join(e.parentPath, e.name), 'utf8'));
  }
  return out;
}
