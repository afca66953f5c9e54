// Runs the same generated config with `terraform` or `tofu` when one is on the PATH, so the
// benchmark can print a ratio. terraform_data is built into both: `init` needs no download.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function findPeer(): string | null {
  for (const bin of ['terraform', 'tofu']) {
    if (spawnSync(bin, ['version'], { stdio: 'ignore' }).status === 0) return bin;
  }
  return null;
}

export function runPeer(bin: string, config: object): { planMs: number; applyMs: number; replanMs: number } | null {
  const dir = mkdtempSync(join(tmpdir(), `ballast-peer-${bin}-`));
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' };
  // a peer step that takes longer than this is reported as unfinished rather than holding the run
  const limitMs = Number(process.env.BALLAST_BENCH_PEER_TIMEOUT_MS ?? 600_000);
  const sh = (args: string[]) => execFileSync(bin, args, { cwd: dir, env, stdio: 'pipe', maxBuffer: 1 << 28, timeout: limitMs });
  const time = (args: string[]) => {
    const t = performance.now();
    sh(args);
    return performance.now() - t;
  };
  try {
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config));
    sh(['init', '-input=false', '-no-color']);
    const planMs = time(['plan', '-input=false', '-no-color', '-out=plan.bin', '-parallelism=10']);
    const applyMs = time(['apply', '-input=false', '-no-color', '-parallelism=10', 'plan.bin']);
    const replanMs = time(['plan', '-input=false', '-no-color', '-detailed-exitcode', '-parallelism=10']);
    return { planMs, applyMs, replanMs };
  } catch (e) {
    const timedOut = (e as { code?: string }).code === 'ETIMEDOUT' || (e as { signal?: string }).signal === 'SIGTERM';
    console.log(`  (${bin} run ${timedOut ? `did not finish a step within ${limitMs / 1000} s` : `failed: ${(e as Error).message.split('\n')[0]}`})`);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
