// Plugin bridge benchmark (issue 11): 1,000 instances of a test-provider resource
// (ballasttest6_thing, protocol 6) through the bridge, beside 1,000 built-in terraform_data and,
// when `terraform` or `tofu` is on the PATH, the same provider config through it (dev_overrides).
// Prints plan / apply / no-op re-plan wall time, peak memory and the bridge's cost per instance
// per phase over the built-in path, at parallelism 10. Numbers only; nothing asserts on time.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { binaries, ensureTestProviders, mirrorDir } from '../test/helpers/test-providers.ts';
import { findPeer } from './terraform-peer.ts';

const N = Number(process.env.BALLAST_BENCH_PLUGIN_COUNT ?? 1000);
interface Result {
  planMs: number;
  applyMs: number;
  replanMs: number;
  maxRssMiB: number;
  changes: number;
  pendingAfterApply: number;
}

const bridgeConfig = {
  terraform: { required_providers: { ballasttest6: { source: 'ballast/ballasttest6' } } },
  resource: { ballasttest6_thing: { t: { count: N, name: 't${count.index}', tags: ['a', 'b'], rule: [{ port: 80 }] } } },
};
const builtinConfig = { resource: { terraform_data: { t: { count: N, input: { name: 't${count.index}', tags: ['a', 'b'], port: 80 } } } } };

function runOne(file: string, mirror?: string): Result {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'engine-run.ts'), file, ...(mirror ? [mirror] : [])], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function runPeerWithProvider(bin: string, dir: string): { planMs: number; applyMs: number; replanMs: number } | null {
  const rc = join(dir, 'terraformrc');
  writeFileSync(rc, `provider_installation {\n  dev_overrides {\n    "ballast/ballasttest6" = "${dirname(binaries.ballasttest6)}"\n  }\n}\n`);
  const work = join(dir, 'peer');
  execFileSync('mkdir', ['-p', work]);
  writeFileSync(join(work, 'main.tf.json'), JSON.stringify(bridgeConfig));
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: rc };
  const limitMs = Number(process.env.BALLAST_BENCH_PEER_TIMEOUT_MS ?? 600_000);
  const time = (args: string[]) => {
    const t = performance.now();
    const r = spawnSync(bin, args, { cwd: work, env, stdio: 'pipe', maxBuffer: 1 << 28, timeout: limitMs });
    if (r.status !== 0 && !(args.includes('-detailed-exitcode') && r.status === 0)) throw new Error(`${bin} ${args[0]} failed: ${r.stderr?.toString().slice(0, 300)}`);
    return performance.now() - t;
  };
  try {
    const planMs = time(['plan', '-input=false', '-no-color', '-out=plan.bin', '-parallelism=10']);
    const applyMs = time(['apply', '-input=false', '-no-color', '-parallelism=10', 'plan.bin']);
    const replanMs = time(['plan', '-input=false', '-no-color', '-parallelism=10']);
    return { planMs, applyMs, replanMs };
  } catch (e) {
    console.log(`  (${bin} run failed: ${(e as Error).message.split('\n')[0]})`);
    return null;
  }
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function run(): Promise<void> {
  const missing = ensureTestProviders();
  if (missing) {
    console.log(`# plugin: skipped (${missing})`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ballast-plugin-bench-cfg-'));
  try {
    const bf = join(dir, 'bridge.tf.json');
    const tf = join(dir, 'builtin.tf.json');
    writeFileSync(bf, JSON.stringify(bridgeConfig));
    writeFileSync(tf, JSON.stringify(builtinConfig));
    console.log(`# plugin bridge: ${N} instances, parallelism 10`);
    const b = runOne(bf, mirrorDir);
    console.log(
      `bridge (ballasttest6_thing)   plan=${fmt(b.planMs)} apply=${fmt(b.applyMs)} replan=${fmt(b.replanMs)} peak=${b.maxRssMiB.toFixed(0)} MiB (planned ${b.changes}; ${b.pendingAfterApply} left after apply)`,
    );
    const t = runOne(tf);
    console.log(`built-in (terraform_data)    plan=${fmt(t.planMs)} apply=${fmt(t.applyMs)} replan=${fmt(t.replanMs)} peak=${t.maxRssMiB.toFixed(0)} MiB`);
    const per = (x: number, y: number) => `${((x - y) / N).toFixed(3)} ms`;
    console.log(`bridge cost per instance over built-in: plan ${per(b.planMs, t.planMs)}, apply ${per(b.applyMs, t.applyMs)}, replan ${per(b.replanMs, t.replanMs)} (target <= 0.5 ms per call)`);
    const peer = findPeer();
    if (!peer) {
      console.log('(no terraform or tofu on PATH: no peer comparison)');
      return;
    }
    const p = runPeerWithProvider(peer, dir);
    if (p)
      console.log(
        `${peer} (same provider)       plan=${fmt(p.planMs)} apply=${fmt(p.applyMs)} replan=${fmt(p.replanMs)}  speed-up ballast vs ${peer}: plan x${(p.planMs / b.planMs).toFixed(1)}, apply x${(p.applyMs / b.applyMs).toFixed(1)}, replan x${(p.replanMs / b.replanMs).toFixed(1)} (target >= 5)`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
