// The npm package as users get it: `npm pack` (dist/ built by `prepare` or `pretest`), then
// `npm install -g` of the tarball into a temporary prefix, then the installed `ballast` runs every
// kind of stack whose code needs a runtime asset beside the bundle: the example (a cdktf app,
// synthesized with the package's own cdktf bindings), an HCL stack (the hcl2json Go wasm, the
// random_pet word lists), a YAML stack (the Kubernetes provider; no cluster, so a clean error) and
// a plugin provider binary (the gRPC .proto definitions).

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from './helpers/temp-dir.ts';
import { repoRoot } from './helpers/repo-root.ts';
import { ensureTestProviders, mirrorDir } from './helpers/test-providers.ts';

const execFileAsync = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let work: string;
let ballast: string;
let packedPaths: string[];
/** an isolated home: no ~/.kube/config, ~/.terraformrc or plugin cache of the machine takes part */
let env: Record<string, string>;

async function run(args: string[], cwd: string, extraEnv: Record<string, string> = {}) {
  return execFileAsync(ballast, args, { cwd, env: { ...process.env, ...env, ...extraEnv }, maxBuffer: 1 << 26, timeout: 300_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
  );
}

async function sizeOf(path: string): Promise<number> {
  const s = await stat(path);
  if (!s.isDirectory()) return s.size;
  let total = 0;
  for (const name of await readdir(path)) total += await sizeOf(join(path, name));
  return total;
}

const NO_STACK_TRACE = /\n\s+at \S+ \(/;

before(
  async () => {
    work = await makeTempDir('ballast-pack-');
    // --ignore-scripts: `npm test` built dist/ already (pretest); rebuilding here would swap it
    // under the CLI tests running beside this one
    const packed = await execFileAsync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: repoRoot, maxBuffer: 1 << 26 });
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    assert.ok(info, 'npm pack reported the tarball');
    packedPaths = info.files.map((f) => f.path);
    const prefix = join(work, 'prefix');
    // packages come from the npm cache when it has them (the checkout's install filled it)
    await execFileAsync(npm, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(work, info.filename)], {
      cwd: work,
      maxBuffer: 1 << 26,
    });
    ballast = join(prefix, 'bin', 'ballast');
    const home = join(work, 'home');
    await mkdir(home);
    env = {
      HOME: home,
      NO_COLOR: '1',
      KUBECONFIG: '',
      KUBE_CONFIG_PATH: '',
      TF_CLI_CONFIG_FILE: '',
      BALLAST_PLUGIN_DIRS: '',
      BALLAST_USE_PLUGINS: '',
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_DATA_HOME: join(home, '.local/share'),
      XDG_DATA_DIRS: join(home, 'none'),
    };
    process.stdout.write(`# installed size: ${((await sizeOf(join(prefix, 'lib', 'node_modules', 'ballast'))) / 2 ** 20).toFixed(0)} MiB (with dependencies)\n`);
  },
  { timeout: 900_000 },
);

test('the tarball carries the compiled CLI and its runtime assets, and no tests, benches or CI', async () => {
  for (const p of ['bin/ballast', 'dist/ballast.js', 'dist/proto/tfplugin5.proto', 'dist/proto/tfplugin6.proto', 'dist/proto/go-plugin.proto', 'dist/register-module-fallback.mjs']) {
    assert.ok(packedPaths.includes(p), `${p} is in the package`);
  }
  for (const p of packedPaths) {
    assert.ok(!/(^|\/)(test|bench|\.ci|scripts|stacks|node_modules)\/|\.test\.|\.ts$/.test(p), `${p} does not belong in the package`);
  }
  const version = await run(['--version'], work);
  assert.match(version.stdout, /^ballast\/\d+\.\d+\.\d+/);
});

test('the installed ballast plans the bundled example (a cdktf app)', async () => {
  const app = join(work, 'example');
  await cp(join(repoRoot, 'stacks', 'example'), app, { recursive: true });
  // exit code 2 with --detailed-exitcode: the plan worked and proposes creations
  const plan = await run(['plan', '--detailed-exitcode'], app);
  assert.equal(plan.code, 2, plan.stderr);
  assert.match(plan.stdout, /will be created/);
  assert.match(plan.stdout, /Plan: \d+ to add, 0 to change, 0 to destroy/);
});

test('the installed ballast applies an HCL stack (hcl2json wasm, random_pet words) and re-plans no changes', async () => {
  const dir = join(work, 'hcl');
  await mkdir(dir);
  await writeFile(
    join(dir, 'main.tf'),
    [
      'variable "greeting" {\n  type    = string\n  default = "hello"\n}',
      'resource "random_pet" "p" {\n  length = 3\n}',
      'resource "terraform_data" "a" {\n  input = "${var.greeting}-${random_pet.p.id}"\n}',
      'output "a" {\n  value = terraform_data.a.output\n}\n',
    ].join('\n'),
  );
  const apply = await run(['apply', '--auto-approve'], dir);
  assert.equal(apply.code, 0, apply.stdout + apply.stderr);
  assert.match(apply.stdout, /Apply complete! Resources: 2 added/);
  const out = await run(['output', 'a'], dir);
  assert.match(out.stdout, /hello-[a-z]+-[a-z]+-[a-z]+/, 'a pet name of three words from the bundled lists');
  const again = await run(['plan', '--detailed-exitcode'], dir);
  assert.equal(again.code, 0, again.stdout + again.stderr);
  assert.match(again.stdout, /No changes/);

  // a syntax error is a diagnostic naming the file, from the same wasm parser
  const bad = join(work, 'hcl-bad');
  await mkdir(bad);
  await writeFile(join(bad, 'main.tf'), 'resource "terraform_data" "a" {\n  input = \n');
  const r = await run(['plan'], bad);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /main\.tf/);
  assert.doesNotMatch(r.stderr, NO_STACK_TRACE);
});

test('the installed ballast loads a YAML stack and, with no cluster configured, says so cleanly', async () => {
  const dir = join(work, 'yamls');
  await mkdir(dir);
  await writeFile(join(dir, 'namespace.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
  const r = await run(['plan'], dir);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /No Kubernetes cluster configured/);
  assert.doesNotMatch(r.stderr, NO_STACK_TRACE);
  assert.doesNotMatch(r.stderr, /Internal error/);
});

const noProviders = ensureTestProviders();

test('the installed ballast runs a plugin provider binary over gRPC (the .proto files ship in dist/)', { skip: noProviders }, async () => {
  const dir = join(work, 'plugin');
  await mkdir(dir);
  await writeFile(
    join(dir, 'main.tf.json'),
    JSON.stringify({
      terraform: { required_providers: { ballasttest6: { source: 'ballast/ballasttest6', version: '~> 0.1' } } },
      provider: { ballasttest6: [{ prefix: 'p-' }] },
      resource: { ballasttest6_thing: { a: { name: 'alpha' } } },
    }),
  );
  const apply = await run(['apply', '--auto-approve', '--plugin-dir', mirrorDir], dir);
  assert.equal(apply.code, 0, apply.stdout + apply.stderr);
  assert.match(apply.stdout, /plugin terraform-provider-ballasttest6_v0\.1\.0 0\.1\.0, protocol 6/);
  assert.match(apply.stdout, /Apply complete! Resources: 1 added/);
  const again = await run(['plan', '--detailed-exitcode', '--plugin-dir', mirrorDir], dir);
  assert.equal(again.code, 0, again.stdout + again.stderr);
});

test('an installation missing its .proto files says so and stops the provider it started (no hang)', { skip: noProviders }, async () => {
  const dist = join(work, 'prefix', 'lib', 'node_modules', 'ballast', 'dist');
  await rename(join(dist, 'proto'), join(dist, 'proto.away'));
  try {
    const dir = join(work, 'plugin-broken');
    await mkdir(dir);
    await writeFile(
      join(dir, 'main.tf.json'),
      JSON.stringify({ terraform: { required_providers: { ballasttest6: { source: 'ballast/ballasttest6' } } }, resource: { ballasttest6_thing: { a: { name: 'a' } } } }),
    );
    // before the fix the provider process was left running and kept ballast alive: the run timed out
    const r = await run(['plan', '--plugin-dir', mirrorDir], dir);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /cannot load its plugin protocol definition .*tfplugin\d\.proto.*Reinstall Ballast/s);
    assert.doesNotMatch(r.stderr, NO_STACK_TRACE);
  } finally {
    await rename(join(dist, 'proto.away'), join(dist, 'proto'));
  }
});
