// Real provider binaries through the ballast CLI: installation from --plugin-dir, mirrors and
// dev_overrides with a .terraform.lock.hcl, built-ins next to binaries in one stack, and bad
// input (not a provider, wrong protocol, hash mismatch, a crash mid-apply, no registry).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AdmZip from 'adm-zip';
import { runBallast } from './helpers/run-ballast.ts';
import { binaries, ensureTestProviders, mirrorDir, pluginSandbox } from './helpers/test-providers.ts';

const skip = ensureTestProviders();
const PLATFORM = `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`;

const sandbox = (config: object) => pluginSandbox('ballast-plugin-cli-', config);

const mixed = {
  terraform: {
    required_providers: {
      ballasttest6: { source: 'ballast/ballasttest6', version: '~> 0.1' },
      null: { source: 'hashicorp/null', version: '2.1.2' },
    },
  },
  provider: { ballasttest6: [{ prefix: 'p-' }] },
  resource: {
    ballasttest6_thing: { a: { count: 2, name: 'alpha-${count.index}', tags: ['x'], secret: 'hidden-value', rule: [{ port: 80 }] } },
    null_resource: { n: { triggers: { id: '${ballasttest6_thing.a[0].id}' } } },
    terraform_data: { d: { input: '${ballasttest6_thing.a[1].id}' } },
  },
  data: { ballasttest6_echo: { e: { input: 'static' } } },
  output: { echo: { value: '${data.ballasttest6_echo.e.output}' } },
};

test('binaries and built-ins in one stack: plan names each implementation, apply, lock file, no-op re-plan', { skip }, async () => {
  const { dir, env } = await sandbox(mixed);
  const args = ['--plugin-dir', mirrorDir, '--use-plugin', 'hashicorp/null'];
  const plan = await runBallast(['plan', ...args], { cwd: dir, env });
  assert.equal(plan.code, 0, plan.stderr);
  assert.match(plan.stdout, /registry\.terraform\.io\/ballast\/ballasttest6 \(ballasttest6\): plugin terraform-provider-ballasttest6_v0\.1\.0 0\.1\.0, protocol 6/);
  assert.match(plan.stdout, /registry\.terraform\.io\/hashicorp\/null \(null\): plugin terraform-provider-null_v2\.1\.2_x4 2\.1\.2, protocol 5/);
  assert.match(plan.stdout, /terraform\.io\/builtin\/terraform \(terraform\): built-in/);
  assert.doesNotMatch(plan.stdout + plan.stderr, /hidden-value/, 'a sensitive value never shows');
  const apply = await runBallast(['apply', '--auto-approve', ...args], { cwd: dir, env });
  assert.equal(apply.code, 0, apply.stdout + apply.stderr);
  assert.match(apply.stdout, /Apply complete! Resources: 4 added/);
  const show = await runBallast(['output', '--json'], { cwd: dir, env });
  assert.match(show.stdout, /"STATIC"/);
  const lock = readFileSync(join(dir, '.terraform.lock.hcl'), 'utf8');
  assert.match(lock, /provider "registry\.terraform\.io\/ballast\/ballasttest6" \{\n {2}version {5}= "0\.1\.0"\n {2}constraints = "~> 0\.1"\n {2}hashes = \[\n {4}"h1:[A-Za-z0-9+/=]{44}",/);
  assert.match(lock, /provider "registry\.terraform\.io\/hashicorp\/null" \{\n {2}version {5}= "2\.1\.2"/);
  const again = await runBallast(['plan', '--detailed-exitcode', ...args], { cwd: dir, env });
  assert.equal(again.code, 0, again.stdout + again.stderr);
  assert.match(again.stdout, /No changes/);
});

test('without --use-plugin the built-in null provider serves hashicorp/null', { skip }, async () => {
  const { dir, env } = await sandbox({ resource: { null_resource: { n: {} } } });
  const plan = await runBallast(['plan', '--plugin-dir', mirrorDir], { cwd: dir, env });
  assert.equal(plan.code, 0, plan.stderr);
  assert.doesNotMatch(plan.stdout, /Providers:/, 'only built-ins: nothing to point out');
});

test('a package whose hash is not in the lock file is refused, and nothing is applied', { skip }, async () => {
  const { dir, env } = await sandbox({ terraform: { required_providers: { ballasttest6: { source: 'ballast/ballasttest6' } } }, resource: { ballasttest6_thing: { a: { name: 'a' } } } });
  writeFileSync(
    join(dir, '.terraform.lock.hcl'),
    `provider "registry.terraform.io/ballast/ballasttest6" {\n  version = "0.1.0"\n  hashes = [\n    "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",\n  ]\n}\n`,
  );
  const r = await runBallast(['apply', '--auto-approve', '--plugin-dir', mirrorDir], { cwd: dir, env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Provider registry\.terraform\.io\/ballast\/ballasttest6 refused/);
  assert.match(r.stderr, /has hash h1:\S+, which is not one of the hashes \.terraform\.lock\.hcl records/);
  assert.doesNotMatch(r.stderr, /\n\s+at \S+ \(/, 'no stack trace');
  const list = await runBallast(['state', 'list'], { cwd: dir, env });
  assert.equal(list.stdout.trim(), '');
});

test('packed mirror layout (zip) from the CLI configuration, recorded with h1 and zh hashes', { skip }, async () => {
  const { dir, env } = await sandbox({ terraform: { required_providers: { ballasttest5: { source: 'ballast/ballasttest5' } } }, resource: { ballasttest5_item: { a: { name: 'zipped' } } } });
  const mirror = join(dir, 'packed');
  const zipDir = join(mirror, 'registry.terraform.io/ballast/ballasttest5');
  mkdirSync(zipDir, { recursive: true });
  const zip = new AdmZip();
  zip.addLocalFile(binaries.ballasttest5);
  zip.writeZip(join(zipDir, `terraform-provider-ballasttest5_0.2.0_${PLATFORM}.zip`));
  const rc = join(dir, 'terraformrc');
  writeFileSync(rc, `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["ballast/*"]\n  }\n}\n`);
  const r = await runBallast(['apply', '--auto-approve'], { cwd: dir, env: { ...env, TF_CLI_CONFIG_FILE: rc } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /plugin terraform-provider-ballasttest5_v0\.1\.0 0\.2\.0, protocol 5/);
  const lock = readFileSync(join(dir, '.terraform.lock.hcl'), 'utf8');
  assert.match(lock, /"h1:[^"]+",\n {4}"zh:[0-9a-f]{64}",/);
});

test('dev_overrides run the binary as-is, without a lock entry', { skip }, async () => {
  const { dir, env } = await sandbox({ terraform: { required_providers: { ballasttest6: { source: 'ballast/ballasttest6' } } }, resource: { ballasttest6_thing: { a: { name: 'dev' } } } });
  const rc = join(dir, 'terraformrc');
  writeFileSync(rc, `provider_installation {\n  dev_overrides {\n    "ballast/ballasttest6" = "${dirname(binaries.ballasttest6)}"\n  }\n  direct {}\n}\n`);
  const r = await runBallast(['apply', '--auto-approve'], { cwd: dir, env: { ...env, TF_CLI_CONFIG_FILE: rc } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.throws(() => readFileSync(join(dir, '.terraform.lock.hcl')), /ENOENT/);
});

async function fakeProvider(dir: string, script: string): Promise<string> {
  const pkg = join(dir, 'fake-mirror/registry.terraform.io/ballast/fake/1.0.0', PLATFORM);
  mkdirSync(pkg, { recursive: true });
  const bin = join(pkg, 'terraform-provider-fake_v1.0.0');
  writeFileSync(bin, `#!/bin/sh\n${script}\n`);
  chmodSync(bin, 0o755);
  return join(dir, 'fake-mirror');
}
const fakeStack = { terraform: { required_providers: { fake: { source: 'ballast/fake' } } }, resource: { fake_thing: { a: {} } } };

test('a binary that is not a provider: a clear error naming it, no stack trace', { skip }, async () => {
  const { dir, env } = await sandbox(fakeStack);
  const mirror = await fakeProvider(dir, 'echo "hello, I am a shell script" >&2; exit 1');
  const r = await runBallast(['plan', '--plugin-dir', mirror], { cwd: dir, env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Provider registry\.terraform\.io\/ballast\/fake could not be started/);
  assert.match(r.stderr, /exited with code 1 before completing the plugin handshake/);
  assert.match(r.stderr, /hello, I am a shell script/);
  assert.doesNotMatch(r.stderr, /\n\s+at \S+ \(/);
});

test('a provider speaking an unsupported protocol version is refused with the versions named', { skip }, async () => {
  const { dir, env } = await sandbox(fakeStack);
  const mirror = await fakeProvider(dir, 'echo "1|4|unix|/tmp/none.sock|grpc|"; sleep 30');
  const r = await runBallast(['plan', '--plugin-dir', mirror], { cwd: dir, env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /speaks plugin protocol version 4; Ballast speaks 6 and 5/);
});

test('a crash mid-apply keeps what was created in state and shows the provider panic', { skip }, async () => {
  const { dir, env } = await sandbox({
    terraform: { required_providers: { ballasttest5: { source: 'ballast/ballasttest5' } } },
    resource: { ballasttest5_item: { ok: { count: 3, name: 'ok-${count.index}' }, boom: { name: 'boom', behavior: 'crash', depends_on: ['ballasttest5_item.ok'] } } },
  });
  const r = await runBallast(['apply', '--auto-approve', '--plugin-dir', mirrorDir], { cwd: dir, env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Provider registry\.terraform\.io\/ballast\/ballasttest5 crashed during ApplyResourceChange/);
  assert.match(r.stderr, /panic: ballasttest5 crashed on purpose/);
  const list = await runBallast(['state', 'list'], { cwd: dir, env });
  assert.deepEqual(list.stdout.trim().split('\n'), ['ballasttest5_item.ok[0]', 'ballasttest5_item.ok[1]', 'ballasttest5_item.ok[2]']);
});

test('a provider found nowhere and a registry that cannot be reached: the error says where to put it', { skip }, async () => {
  const { dir, env } = await sandbox({ terraform: { required_providers: { gone: { source: '127.0.0.1:1/acme/gone' } } }, resource: { gone_thing: { a: {} } } });
  const r = await runBallast(['plan'], { cwd: dir, env: { ...env, BALLAST_PROVIDER_DOWNLOAD: '1' } });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Provider 127\.0\.0\.1:1\/acme\/gone was not found locally and its registry 127\.0\.0\.1:1 cannot be reached/);
  assert.match(r.stderr, /--plugin-dir/);
});

test('without a binary anywhere and no download allowed, an unlisted provider is unknown (no network)', { skip }, async () => {
  const { dir, env } = await sandbox({ resource: { foo_thing: { a: {} } } });
  const r = await runBallast(['plan'], { cwd: dir, env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Unknown provider "foo"/);
});

test('version constraints pick from the mirror; none matching is a clear error', { skip }, async () => {
  const { dir, env } = await sandbox({
    terraform: { required_providers: { ballasttest6: { source: 'ballast/ballasttest6', version: '>= 2.0' } } },
    resource: { ballasttest6_thing: { a: { name: 'a' } } },
  });
  const r = await runBallast(['plan', '--plugin-dir', mirrorDir], { cwd: dir, env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /has registry\.terraform\.io\/ballast\/ballasttest6 versions 0\.1\.0, none matching the constraint ">= 2\.0"/);
  void cpSync;
});
