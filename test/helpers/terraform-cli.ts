// The `terraform` binary as the oracle of the parity tests: run it in a directory without
// prompts or update checks, and tell whether it is on the PATH (tests skip cleanly without it).
import { execFile, spawnSync } from 'node:child_process';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './repo-root.ts';
import { makeTempDir } from './temp-dir.ts';
import { ensureTestProviders, mirrorDir } from './test-providers.ts';

const run = promisify(execFile);

export function terraform(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return run('terraform', args, { cwd, timeout: 180_000, maxBuffer: 64 << 20, env: { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', ...env } });
}

export function terraformAvailable(): boolean {
  return spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
}

/** A fresh copy of the configuration the plan-JSON, UI-JSON and state-interchange tests share. */
export async function planJsonStack(prefix: string): Promise<string> {
  const dir = await makeTempDir(prefix);
  await cp(join(repoRoot, 'test/fixtures/plan-json'), dir, { recursive: true });
  return dir;
}

/**
 * Environment for a `terraform init` without the network: a CLI config whose filesystem mirror
 * is the test-provider mirror (hashicorp/null 2.1.2 from PyPI and the Go test providers), or
 * undefined when the mirror cannot be built here.
 */
export async function offlineMirrorEnv(): Promise<NodeJS.ProcessEnv | undefined> {
  if (ensureTestProviders() !== undefined) return undefined;
  const dir = await makeTempDir('ballast-terraformrc-');
  const file = join(dir, 'terraformrc');
  await writeFile(file, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirrorDir)}\n  }\n}\n`);
  return { TF_CLI_CONFIG_FILE: file };
}
