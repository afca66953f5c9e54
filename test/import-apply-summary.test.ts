// An apply that adopts objects through import blocks says so as Terraform does: an
// `Importing... [id=...]` / `Import complete [id=...]` pair per adopted object, and the
// summary `Apply complete! Resources: N imported, ...`; the --json stream counts them too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { terraform, terraformAvailable } from './helpers/terraform-cli.ts';

// t is imported and then updated, u is imported unchanged, n is created
const MAIN = `import {
  to = terraform_data.t
  id = "abc-123"
}
import {
  to = terraform_data.u
  id = "def-456"
}
resource "terraform_data" "t" { input = "v" }
resource "terraform_data" "u" {}
resource "terraform_data" "n" { input = "w" }
`;
const SUMMARY = 'Apply complete! Resources: 2 imported, 1 added, 1 changed, 0 destroyed.';

async function stackDir(): Promise<string> {
  const dir = await makeTempDir('ballast-import-summary-');
  await writeFile(join(dir, 'main.tf'), MAIN);
  return dir;
}

test('apply with import blocks: Importing lines and "N imported" in the summary; the next plan has no changes', async () => {
  const dir = await stackDir();
  const applied = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(applied.code, 0, applied.stderr);
  assert.match(applied.stdout, /^terraform_data\.t: Importing\.\.\. \[id=abc-123\]\nterraform_data\.t: Import complete \[id=abc-123\]$/m);
  assert.match(applied.stdout, /^terraform_data\.u: Importing\.\.\. \[id=def-456\]\nterraform_data\.u: Import complete \[id=def-456\]$/m);
  assert.ok(applied.stdout.includes(`\n${SUMMARY}\n`), applied.stdout);
  const again = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir });
  assert.equal(again.code, 0, again.stdout + again.stderr);
});

test('apply --json counts the imports in its change summaries', async () => {
  const dir = await stackDir();
  const applied = await runBallast(['apply', '--auto-approve', '--json'], { cwd: dir });
  assert.equal(applied.code, 0, applied.stderr);
  const summaries = applied.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; '@message': string; changes?: unknown })
    .filter((m) => m.type === 'change_summary');
  assert.deepEqual(
    summaries.map((m) => [m['@message'], m.changes]),
    [
      ['Plan: 2 to import, 1 to add, 1 to change, 0 to destroy.', { add: 1, change: 1, import: 2, remove: 0, operation: 'plan' }],
      [SUMMARY, { add: 1, change: 1, import: 2, remove: 0, operation: 'apply' }],
    ],
  );
});

test('terraform ends the same apply with the same summary', { skip: terraformAvailable() ? undefined : 'terraform is not on the PATH' }, async () => {
  const dir = await stackDir();
  await terraform(dir, ['init', '-input=false', '-no-color']);
  const { stdout } = await terraform(dir, ['apply', '-auto-approve', '-input=false', '-no-color']);
  assert.ok(stdout.includes(`\n${SUMMARY}\n`), stdout);
  assert.match(stdout, /^terraform_data\.t: Importing\.\.\. \[id=abc-123\]\nterraform_data\.t: Import complete \[id=abc-123\]$/m);
});

test('an import block naming an instance the configuration does not give (a key for_each lacks, an index past count) fails the plan, as Terraform', async () => {
  const dir = await makeTempDir('ballast-import-target-');
  for (const [resource, to] of [
    ['resource "terraform_data" "e" {\n  for_each = toset(["a", "b"])\n}', 'terraform_data.e["q"]'],
    ['resource "terraform_data" "c" {\n  count = 2\n}', 'terraform_data.c[2]'],
  ]) {
    await writeFile(join(dir, 'main.tf'), `${resource}\n\nimport {\n  to = ${to}\n  id = "x"\n}\n`);
    for (const cmd of [['plan'], ['apply', '--auto-approve']]) {
      const r = await runBallast(cmd, { cwd: dir });
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.ok(r.stderr.includes('Error: Configuration for import target does not exist'), r.stderr);
      assert.ok(r.stderr.includes(`The configuration for the given import ${to} does not exist. All target instances must have an associated configuration to be imported.`), r.stderr);
      assert.match(r.stderr, /on main\.tf line 5:\n {2}5: import \{/);
    }
  }
  const recorded = existsSync(join(dir, '.ballast')) ? readdirSync(join(dir, '.ballast'), { recursive: true }).map(String) : [];
  assert.deepEqual(
    recorded.filter((f) => /versions[/\\].+\.json$/.test(f)),
    [],
    'no state version was recorded',
  );
});
