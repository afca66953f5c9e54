// Plugin bridge benchmark (issue 11): 1,000 instances of a test-provider resource
// (ballasttest6_thing, protocol 6) through the bridge, beside 1,000 built-in terraform_data and,
// when `terraform` or `tofu` is on the PATH, the same provider config through it (dev_overrides).
// Prints plan / apply / no-op re-plan wall time, peak memory and the bridge's cost per instance
// per phase over the built-in path, at parallelism 10, and the CPU split: Ballast's own CPU per
// instance and per provider call beside the provider process's CPU (which terraform pays too),
// with the load average, since wall time on a shared machine says little alone.
// Numbers only; nothing asserts on time.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { binaries, ensureTestProviders, mirrorDir } from '../test/helpers/test-providers.ts';
import { childrenCpuMs } from './process-cpu.ts';
import { findPeer } from './terraform-peer.ts';

const N = Number(process.env.BALLAST_BENCH_PLUGIN_COUNT ?? 1000);
interface PhaseCpu {
  ballastMs: number;
  providerMs: number | null;
  providerCalls: number;
}
type Phase = 'plan' | 'apply' | 'replan';
interface Result {
  planMs: number;
  applyMs: number;
  replanMs: number;
  cpu: Record<Phase, PhaseCpu>;
  maxRssMiB: number;
  changes: number;
  pendingAfterApply: number;
}

const bridgeConfigOf = (count: number) => ({
  terraform: { required_providers: { ballasttest6: { source: 'ballast/ballasttest6' } } },
  resource: { ballasttest6_thing: { t: { count, name: 't${count.index}', tags: ['a', 'b'], rule: [{ port: 80 }] } } },
});
const bridgeConfig = bridgeConfigOf(N);
const builtinConfigOf = (count: number) => ({ resource: { terraform_data: { t: { count, input: { name: 't${count.index}', tags: ['a', 'b'], port: 80 } } } } });
const builtinConfig = builtinConfigOf(N);

function runOne(file: string, mirror?: string): Result {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'engine-run.ts'), file, ...(mirror ? [mirror] : [])], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

interface PeerResult {
  planMs: number;
  applyMs: number;
  replanMs: number;
  /** CPU of terraform and the provider it ran, per phase (ms) */
  cpuMs: Record<Phase, number | undefined>;
}

function runPeerWithProvider(bin: string, dir: string): PeerResult | null {
  const rc = join(dir, 'terraformrc');
  writeFileSync(rc, `provider_installation {\n  dev_overrides {\n    "ballast/ballasttest6" = "${dirname(binaries.ballasttest6)}"\n  }\n}\n`);
  const work = join(dir, 'peer');
  execFileSync('mkdir', ['-p', work]);
  writeFileSync(join(work, 'main.tf.json'), JSON.stringify(bridgeConfig));
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: rc };
  const limitMs = Number(process.env.BALLAST_BENCH_PEER_TIMEOUT_MS ?? 600_000);
  const cpuMs: Record<Phase, number | undefined> = { plan: undefined, apply: undefined, replan: undefined };
  const time = (phase: Phase, args: string[]) => {
    const t = performance.now();
    // terraform and its provider (reaped by terraform) count in this process's children once reaped
    const c = childrenCpuMs();
    const r = spawnSync(bin, args, { cwd: work, env, stdio: 'pipe', maxBuffer: 1 << 28, timeout: limitMs });
    if (r.status !== 0) throw new Error(`${bin} ${args[0]} failed: ${r.stderr?.toString().slice(0, 300)}`);
    const after = childrenCpuMs();
    cpuMs[phase] = c === undefined || after === undefined ? undefined : after - c;
    return performance.now() - t;
  };
  try {
    const planMs = time('plan', ['plan', '-input=false', '-no-color', '-out=plan.bin', '-parallelism=10']);
    const applyMs = time('apply', ['apply', '-input=false', '-no-color', '-parallelism=10', 'plan.bin']);
    const replanMs = time('replan', ['plan', '-input=false', '-no-color', '-parallelism=10']);
    return { planMs, applyMs, replanMs, cpuMs };
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
    const load = () => loadavg()[0].toFixed(1);
    console.log(`# plugin bridge: ${N} instances, parallelism 10 (load average ${load()} on ${availableParallelism()} cores)`);
    const b = runOne(bf, mirrorDir);
    // the same stack with no instance: what a run pays once (provider start, hashing, schema, configure)
    const zf = join(dir, 'bridge-empty.tf.json');
    writeFileSync(zf, JSON.stringify(bridgeConfigOf(0)));
    const z = runOne(zf, mirrorDir);
    console.log(
      `bridge (ballasttest6_thing)   plan=${fmt(b.planMs)} apply=${fmt(b.applyMs)} replan=${fmt(b.replanMs)} peak=${b.maxRssMiB.toFixed(0)} MiB (planned ${b.changes}; ${b.pendingAfterApply} left after apply)`,
    );
    const t = runOne(tf);
    console.log(`built-in (terraform_data)    plan=${fmt(t.planMs)} apply=${fmt(t.applyMs)} replan=${fmt(t.replanMs)} peak=${t.maxRssMiB.toFixed(0)} MiB`);
    const per = (x: number, y: number) => `${((x - y) / N).toFixed(3)} ms`;
    console.log(`bridge wall time per instance over built-in: plan ${per(b.planMs, t.planMs)}, apply ${per(b.applyMs, t.applyMs)}, replan ${per(b.replanMs, t.replanMs)} (depends on the load)`);
    console.log(
      `once per run (the same stack with 0 instances): ballast CPU plan ${z.cpu.plan.ballastMs.toFixed(0)} ms, replan ${z.cpu.replan.ballastMs.toFixed(0)} ms; provider process CPU plan ${z.cpu.plan.providerMs?.toFixed(0) ?? 'n/a'} ms, replan ${z.cpu.replan.providerMs?.toFixed(0) ?? 'n/a'} ms`,
    );
    console.log('CPU time per instance (user+sys), the once-per-run part taken out:');
    for (const phase of ['plan', 'apply', 'replan'] as const) {
      const bc = {
        ...b.cpu[phase],
        ballastMs: b.cpu[phase].ballastMs - z.cpu[phase].ballastMs,
        providerMs: b.cpu[phase].providerMs === null ? null : b.cpu[phase].providerMs! - (z.cpu[phase].providerMs ?? 0),
      };
      const added = (bc.ballastMs - t.cpu[phase].ballastMs) / N;
      const calls = bc.providerCalls / N;
      const perCall = calls ? added / calls : Number.NaN;
      const provider = bc.providerMs === null ? 'n/a' : `${(bc.providerMs / N).toFixed(3)} ms`;
      console.log(
        `  ${phase.padEnd(6)} ballast ${(bc.ballastMs / N).toFixed(3)} ms (built-in ${(t.cpu[phase].ballastMs / N).toFixed(3)} ms; the bridge adds ${added.toFixed(3)} ms = ${perCall.toFixed(3)} ms per call over ${calls.toFixed(1)} calls, target <= 0.5 ms per call)  provider process ${provider}`,
      );
    }
    // Twice the instances: the difference to the run above is what the extra calls cost alone,
    // without the once-per-run part and without the JIT warm-up of the call path, which a run of
    // N instances pays within its first calls.
    const bf2 = join(dir, 'bridge-2n.tf.json');
    const tf2 = join(dir, 'builtin-2n.tf.json');
    writeFileSync(bf2, JSON.stringify(bridgeConfigOf(2 * N)));
    writeFileSync(tf2, JSON.stringify(builtinConfigOf(2 * N)));
    const b2 = runOne(bf2, mirrorDir);
    const t2 = runOne(tf2);
    const marginal = (['plan', 'apply', 'replan'] as const).map((phase) => {
      const added = b2.cpu[phase].ballastMs - b.cpu[phase].ballastMs - (t2.cpu[phase].ballastMs - t.cpu[phase].ballastMs);
      return `${phase} ${(added / (b2.cpu[phase].providerCalls - b.cpu[phase].providerCalls)).toFixed(3)} ms`;
    });
    console.log(`the bridge's Ballast CPU per call at the margin (runs of ${2 * N} minus ${N} instances, each over built-in): ${marginal.join(', ')}`);
    const floor = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'plugin-call-floor.ts'), binaries.ballasttest6, String(2 * N)], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .pop()!,
    ) as { usPerCall: number[] };
    console.log(
      `gRPC call alone (GetFunctions: no values, tiny messages), Ballast CPU per call in batches of ${2 * N}: ${floor.usPerCall.map((u) => `${(u / 1000).toFixed(3)} ms`).join(', ')} (the first batch includes the JIT warm-up)`,
    );
    const peer = findPeer();
    if (!peer) {
      console.log('(no terraform or tofu on PATH: no peer comparison)');
      return;
    }
    const p = runPeerWithProvider(peer, dir);
    if (p) {
      console.log(
        `${peer} (same provider)       plan=${fmt(p.planMs)} apply=${fmt(p.applyMs)} replan=${fmt(p.replanMs)}  speed-up ballast vs ${peer}: plan x${(p.planMs / b.planMs).toFixed(1)}, apply x${(p.applyMs / b.applyMs).toFixed(1)}, replan x${(p.replanMs / b.replanMs).toFixed(1)} (target >= 5)`,
      );
      const total = (c: PhaseCpu) => c.ballastMs + (c.providerMs ?? 0);
      const ratio = (phase: Phase) => {
        const pc = p.cpuMs[phase];
        return pc === undefined ? 'n/a' : `${(pc / N).toFixed(3)} ms vs ${(total(b.cpu[phase]) / N).toFixed(3)} ms, x${(pc / total(b.cpu[phase])).toFixed(1)}`;
      };
      console.log(`${peer} CPU per instance (with its provider) vs ballast (with the provider): plan ${ratio('plan')}; apply ${ratio('apply')}; replan ${ratio('replan')}`);
    }
    console.log(`(load average ${load()} at the end)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
