// for_each and outputs over collection functions whose arguments are known collections with
// unknowns inside, through the real CLI: Terraform passes such collections to the function (only
// an argument that is itself unknown makes the result unknown), so keys() and merge() of
// partly-unknown maps still give known keys and the instances can be planned. Expected plans were
// recorded from `terraform plan` (v1.11) on the same configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast, type BallastRun } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

async function run(args: string[], cwd: string, code = 0): Promise<BallastRun> {
  const r = await runBallast(args, { cwd });
  assert.equal(r.code, code, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r;
}

const CONFIG = `
resource "terraform_data" "u" { input = 1 }
resource "terraform_data" "e" {
  for_each = toset(["a", "b"])
  input    = each.key
}
resource "terraform_data" "f" {
  for_each = merge({ a = terraform_data.u.id }, { b = "static" })
  input    = each.value
}
resource "terraform_data" "g" {
  for_each = toset(keys(terraform_data.e))
  input    = each.value
}
output "inputs" { value = values(terraform_data.e)[*].input }
output "merged" { value = merge({ a = terraform_data.u.id }, { b = "static" }) }
output "zipped_keys" { value = zipmap([terraform_data.u.id, "x"], ["v1", "v2"]) }
output "flat" { value = flatten([[terraform_data.u.id, "x"], ["y"]]) }
`;

test('for_each over merge() and keys() of partly-unknown values plans each instance, as Terraform does', async () => {
  const dir = await makeTempDir('ballast-fnunknown-');
  await writeFile(join(dir, 'main.tf'), CONFIG);
  const plan = (await run(['plan'], dir)).stdout;
  for (const addr of ['u', 'e["a"]', 'e["b"]', 'f["a"]', 'f["b"]', 'g["a"]', 'g["b"]']) assert.ok(plan.includes(`# terraform_data.${addr} will be created`), `${addr} planned\n${plan}`);
  assert.match(plan, /Plan: 7 to add, 0 to change, 0 to destroy\./);
  // terraform 1.11's "Changes to Outputs" for the same configuration
  const outputs = plan.slice(plan.indexOf('Changes to Outputs:')).replace(/ +/g, ' ');
  assert.ok(outputs.includes('+ inputs = [\n + "a",\n + "b",\n ]'), outputs);
  assert.ok(outputs.includes('+ merged = {\n + a = (known after apply)\n + b = "static"\n }'), outputs);
  assert.ok(outputs.includes('+ zipped_keys = (known after apply)'), outputs); // an unknown key decides the map's shape
  // the id is known to be a string before it is known, so flatten keeps it as one element
  assert.ok(outputs.includes('+ flat = [\n + (known after apply),\n + "x",\n + "y",\n ]'), outputs);

  await run(['apply', '--auto-approve'], dir);
  const out = JSON.parse((await run(['output', '--json'], dir)).stdout) as Record<string, { value: unknown }>;
  assert.deepEqual(out.inputs.value, ['a', 'b']);
  assert.equal((out.merged.value as Record<string, string>).b, 'static');
  await run(['plan', '--detailed-exitcode'], dir);
});
