// Diagnostics as Terraform prints them: every mistake of a stack in one run (misspelled
// variable, function and resource together), each with `on FILE line N, in BLOCK:`, the source
// line and an underline, and "Did you mean ...?". For cdktf output the cdk.tf.json line and the
// construct path from cdktf's `//` metadata. Where terraform is on the PATH, it reports the same
// lines for the same HCL stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runBallast } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { repoRoot } from './helpers/repo-root.ts';

const run = promisify(execFile);
const FIXTURES = join(repoRoot, 'test/fixtures/diagnostics');

async function copy(name: string): Promise<string> {
  const dir = await makeTempDir(`ballast-diags-${name}-`);
  await cp(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

const lines = (text: string) => [...text.matchAll(/on main\.tf line (\d+)/g)].map((m) => Number(m[1])).sort((a, b) => a - b);

test('HCL stack: all errors at once, with file, line, block, snippet, underline and suggestions', async (t) => {
  const dir = await copy('hcl');
  const r = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stderr, /\n\s+at .*\.ts:\d+/, 'no stack trace');
  assert.match(r.stderr, /Error: Reference to undeclared input variable "var\.nmae"\n\n  on main\.tf line 7, in resource "terraform_data" "a":\n  7:   input = var\.nmae\n {15}\^{8}\n/);
  assert.match(r.stderr, /Did you mean "var\.name"\?/);
  assert.match(r.stderr, /Error: Call to unknown function "uper"\n\n  on main\.tf line 11, in resource "terraform_data" "b":\n  11:   input = uper\("x"\)\n {16}\^{4}\n/);
  assert.match(r.stderr, /Did you mean "upper"\?/);
  assert.match(r.stderr, /Error: Reference to undeclared resource "terraform_data\.c"\n\n  on main\.tf line 15, in output "o":/);
  assert.match(r.stderr, /Did you mean "terraform_data\.a"\?/);
  assert.deepEqual(lines(r.stderr), [7, 11, 15]);
  const state = await runBallast(['history'], { cwd: dir });
  assert.doesNotMatch(state.stdout, /apply/, 'nothing was recorded');

  try {
    await run('terraform', ['version'], { timeout: 20_000 });
  } catch {
    return t.skip('terraform is not on the PATH');
  }
  const theirs = await copy('hcl');
  const tf = await run('terraform', ['validate', '-no-color'], { cwd: theirs, env: { ...process.env, CHECKPOINT_DISABLE: '1' } }).then(
    () => '',
    (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}`,
  );
  assert.deepEqual(lines(tf), lines(r.stderr), 'terraform reports the same lines');
});

test('cdktf JSON stack: the cdk.tf.json line, the expression underlined, and the construct path', async () => {
  const dir = await copy('cdktf');
  const r = await runBallast(['plan'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /Error: Reference to undeclared input variable "var\.nmae"\n\n  on cdk\.tf\.json line 8, in resource "terraform_data" "site_bucket_A1B2":\n  8:         "input": "\$\{var\.nmae\}"\n {25}\^{8}\n  \(stack "[^"]+", terraform_data\.site_bucket_A1B2, construct app\/site\/bucket\)/,
  );
  assert.match(r.stderr, /Error: Call to unknown function "uper"\n\n  on cdk\.tf\.json line 12, in resource "terraform_data" "other":[\s\S]*construct app\/other\)/);
});
