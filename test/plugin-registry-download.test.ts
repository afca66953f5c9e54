// The registry download protocol through the CLI, against a real HTTPS registry on loopback: a
// package is installed only when its SHA256SUMS carries a valid signature by a key the registry
// announced and lists the archive's hash; the lock file then records every signed zh: hash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startProviderRegistry, type FakeRegistryOptions } from './helpers/provider-registry.ts';
import { runBallast } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { binaries, ensureTestProviders, isolatedHomeEnv } from './helpers/test-providers.ts';

const skip = ensureTestProviders();
const os = process.platform;
const arch = process.arch === 'x64' ? 'amd64' : process.arch;

async function withRegistry(opts: FakeRegistryOptions, body: (r: { dir: string; env: Record<string, string>; source: string; requests: string[] }) => Promise<void>): Promise<void> {
  const registry = await startProviderRegistry({ namespace: 'ballast', type: 'ballasttest6', version: '0.1.0', os, arch, binary: binaries.ballasttest6 }, opts);
  try {
    const dir = await makeTempDir('ballast-registry-cli-');
    const home = join(dir, 'home');
    mkdirSync(home);
    const source = `${registry.host}/ballast/ballasttest6`;
    writeFileSync(
      join(dir, 'main.tf.json'),
      JSON.stringify({
        terraform: { required_providers: { ballasttest6: { source, version: '~> 0.1' } } },
        resource: { ballasttest6_thing: { a: { name: 'from-registry' } } },
      }),
    );
    const env = {
      ...isolatedHomeEnv(home),
      BALLAST_PROVIDER_DOWNLOAD: '1',
      NODE_EXTRA_CA_CERTS: registry.caFile,
    };
    await body({ dir, env, source, requests: registry.requests });
  } finally {
    await registry.close();
  }
}

test('a signed package is downloaded, locked with every signed hash, and runs', { skip }, async () => {
  await withRegistry({}, async ({ dir, env, source, requests }) => {
    const apply = await runBallast(['apply', '--auto-approve'], { cwd: dir, env });
    assert.equal(apply.code, 0, apply.stdout + apply.stderr);
    assert.match(apply.stdout, /Apply complete! Resources: 1 added/);
    assert.ok(requests.includes('/files/SHA256SUMS.sig'), 'the signature was fetched');
    const lock = readFileSync(join(dir, '.terraform.lock.hcl'), 'utf8');
    const entry = lock.slice(lock.indexOf(`provider "${source}"`));
    assert.match(entry, /"h1:[A-Za-z0-9+/=]{44}"/);
    assert.equal(entry.match(/"zh:[0-9a-f]{64}"/g)?.length, 2, 'both platforms of the signed SHA256SUMS are locked');
    const plan = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir, env });
    assert.equal(plan.code, 0, plan.stdout + plan.stderr);
    assert.match(plan.stdout, /No changes/);
  });
});

for (const [what, opts, message] of [
  ['a SHA256SUMS changed after signing', { tamperSums: true }, /is not signed by any key the registry announced/],
  ['an archive other than the signed one', { tamperArchive: true }, /has sha256 [0-9a-f]{64}, but the signed SHA256SUMS lists [0-9a-f]{64}/],
] as const) {
  test(`${what} is refused with a diagnostic, and nothing is applied`, { skip }, async () => {
    await withRegistry(opts, async ({ dir, env }) => {
      const r = await runBallast(['apply', '--auto-approve'], { cwd: dir, env });
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stderr, /refused: its signature does not check out/);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at \S+ \(/, 'no stack trace');
      const list = await runBallast(['state', 'list'], { cwd: dir, env });
      assert.equal(list.stdout.trim(), '');
    });
  });
}
