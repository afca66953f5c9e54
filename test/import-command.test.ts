// `ballast import` takes only instances the configuration has: an index past count or a key
// for_each lacks is refused as terraform import refuses it (exit 1, the same error), and the
// state is not touched; a configured instance imports, and the next plan keeps it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { terraform, terraformAvailable } from './helpers/terraform-cli.ts';

const MAIN = `resource "terraform_data" "e" {
  for_each = toset(["a", "b", "c"])
  input    = each.key
}
resource "terraform_data" "c" {
  count = 2
}
`;
const MISSING = ['terraform_data.e["q"]', 'terraform_data.c[9]', 'terraform_data.c[2]'];
const summary = 'Error: Configuration for import target does not exist';
const detail = (address: string) => `The configuration for the given import ${address} does not exist. All target instances must have an associated configuration to be imported.`;

async function stackDir(): Promise<string> {
  const dir = await makeTempDir('ballast-import-cmd-');
  await writeFile(join(dir, 'main.tf'), MAIN);
  return dir;
}

test('import of an instance the configuration does not have is refused; nothing is recorded', async () => {
  const dir = await stackDir();
  for (const address of MISSING) {
    const r = await runBallast(['import', address, 'x'], { cwd: dir });
    assert.equal(r.code, 1, `${address}: ${r.stdout}${r.stderr}`);
    assert.ok(r.stderr.includes(summary), r.stderr);
    assert.ok(r.stderr.includes(detail(address)), r.stderr);
    assert.doesNotMatch(r.stdout, /Import successful/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
  const history = await runBallast(['history'], { cwd: dir });
  assert.match(history.stdout, /no versions yet/, 'no state version was recorded');

  const ok = await runBallast(['import', 'terraform_data.e["b"]', 'x'], { cwd: dir });
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /Import successful!/);
  const plan = await runBallast(['plan', '--no-color'], { cwd: dir });
  assert.equal(plan.code, 0, plan.stderr);
  assert.doesNotMatch(plan.stdout, /terraform_data\.e\["b"\] will be destroyed/);
  assert.match(plan.stdout, /terraform_data\.e\["b"\] will be updated in-place/);
});

test('terraform import refuses the same addresses with the same words', { skip: terraformAvailable() ? undefined : 'terraform is not on the PATH' }, async () => {
  const dir = await stackDir();
  await terraform(dir, ['init', '-input=false', '-no-color']);
  for (const address of MISSING) {
    const r = await terraform(dir, ['import', '-no-color', '-input=false', address, 'x']).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    assert.equal(r.code, 1, address);
    const text = r.stderr.replace(/\s+/g, ' ');
    assert.ok(text.includes(summary), r.stderr);
    assert.ok(text.includes(detail(address)), r.stderr);
  }
});
