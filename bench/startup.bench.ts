// Whole-process timings of the compiled CLI (bin/ballast → dist/), the way a user or CI runs it:
// start-up (`--version` beside `node -e 0`), then cold plan, apply from empty and no-op re-plan of
// 1,000 and 10,000 terraform_data, beside terraform/tofu when on the PATH (1,000 only unless
// BALLAST_BENCH_PEER_LARGE=1: they take minutes at 10,000). Medians of BALLAST_BENCH_RUNS (default 5)
// runs; peak RSS from /usr/bin/time when present; BALLAST_BENCH_PEERS=0 skips the peers;
// BALLAST_BENCH_NODE=/path/to/node runs Ballast and `node -e 0` under that Node instead of this
// one (e.g. .ci/node24/node_modules/.bin/node: the compile cache needs Node 22.1+). Prints
// numbers; asserts nothing.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateConfig } from './generate-config.ts';

const repo = join(import.meta.dirname, '..');
const ballast = join(repo, 'bin', 'ballast');
/** the Node that runs Ballast (bin/ballast) and the `node -e 0` baseline */
const nodeBin = process.env.BALLAST_BENCH_NODE ?? process.execPath;
const runs = Math.max(1, Number(process.env.BALLAST_BENCH_RUNS ?? 5));
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Sample {
  ms: number;
  /** peak resident set size in MiB, when /usr/bin/time is available */
  rssMiB?: number;
  /** user + system CPU seconds, when /usr/bin/time is available: far less sensitive to a shared machine's load than wall time */
  cpuS?: number;
}

function once(cmd: string, args: string[], cwd: string, okCodes = [0]): Sample {
  const [bin, argv] = gnuTime ? [gnuTime, ['-f', '%M %U %S', cmd, ...args]] : [cmd, args];
  const t = performance.now();
  const r = spawnSync(bin, argv, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1', TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
  });
  const ms = performance.now() - t;
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${(r.stderr ?? '').slice(-2000)}`);
  const [kb, user, sys] = gnuTime ? ((r.stderr ?? '').trim().split('\n').pop() ?? '').split(' ').map(Number) : [];
  return kb !== undefined && Number.isFinite(kb) ? { ms, rssMiB: kb / 1024, cpuS: (user ?? 0) + (sys ?? 0) } : { ms };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Stat {
  medianMs: number;
  minMs: number;
  peakMiB?: number;
  medianCpuS?: number;
}

function stat(samples: Sample[]): Stat {
  const rss = samples.flatMap((s) => (s.rssMiB === undefined ? [] : [s.rssMiB]));
  const cpu = samples.flatMap((s) => (s.cpuS === undefined ? [] : [s.cpuS]));
  return {
    medianMs: median(samples.map((s) => s.ms)),
    minMs: Math.min(...samples.map((s) => s.ms)),
    ...(rss.length ? { peakMiB: Math.max(...rss) } : {}),
    ...(cpu.length ? { medianCpuS: median(cpu) } : {}),
  };
}

const fmt = (s: Stat | undefined) =>
  s ? `${(s.medianMs / 1000).toFixed(3)} s${s.medianCpuS !== undefined ? ` cpu ${s.medianCpuS.toFixed(2)} s` : ''}${s.peakMiB ? ` ${s.peakMiB.toFixed(0)} MiB` : ''}` : '–';

/** cold plan, apply from empty, no-op re-plan: each step `runs` times from its own starting point */
function planApplyReplan(tool: string, kind: 'ballast' | 'peer', n: number, nRuns: number): { cold: Stat; apply: Stat; replan: Stat; nodeE: Stat } {
  const config = generateConfig({ kind: 'mixed', resources: n });
  const cold: Sample[] = [];
  const apply: Sample[] = [];
  const replan: Sample[] = [];
  // `node -e 0` sampled between the runs: the machine may be shared, so each row carries the
  // baseline measured under the same load
  const nodeE: Sample[] = [];
  for (let i = 0; i < nRuns; i++) {
    const dir = mkdtempSync(join(tmpdir(), `ballast-startup-${kind}-`));
    try {
      nodeE.push(once(nodeBin, ['-e', '0'], dir));
      writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config));
      if (kind === 'ballast') {
        cold.push(once(nodeBin, [tool, 'plan', '--detailed-exitcode'], dir, [2]));
        apply.push(once(nodeBin, [tool, 'apply', '--auto-approve'], dir));
        replan.push(once(nodeBin, [tool, 'plan', '--detailed-exitcode'], dir));
      } else {
        once(tool, ['init', '-input=false', '-no-color'], dir);
        cold.push(once(tool, ['plan', '-input=false', '-no-color', '-detailed-exitcode'], dir, [2]));
        apply.push(once(tool, ['apply', '-input=false', '-no-color', '-auto-approve'], dir));
        replan.push(once(tool, ['plan', '-input=false', '-no-color', '-detailed-exitcode'], dir));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { cold: stat(cold), apply: stat(apply), replan: stat(replan), nodeE: stat(nodeE) };
}

function peers(): string[] {
  if (process.env.BALLAST_BENCH_PEERS === '0') return [];
  return ['terraform', 'tofu'].filter((b) => spawnSync(b, ['version'], { stdio: 'ignore', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } }).status === 0);
}

export async function run(): Promise<void> {
  if (!existsSync(join(repo, 'dist', 'ballast.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const scratch = mkdtempSync(join(tmpdir(), 'ballast-startup-'));
  // interleaved, so both see the same load
  const pairs = Array.from({ length: runs }, () => [once(nodeBin, ['-e', '0'], scratch), once(nodeBin, [ballast, '--version'], scratch)] as const);
  const nodeE = stat(pairs.map((p) => p[0]));
  const version = stat(pairs.map((p) => p[1]));
  rmSync(scratch, { recursive: true, force: true });
  const load = (await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const nodeVersion = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`node ${nodeVersion}, ${runs} runs per figure (medians), load average ${load}`);
  console.log(`node -e 0          ${fmt(nodeE)}`);
  console.log(`ballast --version  ${fmt(version)}  (${(version.medianMs / nodeE.medianMs).toFixed(1)}× node -e 0)`);

  const peerBins = peers();
  const peerRuns = Math.max(1, Number(process.env.BALLAST_BENCH_PEER_RUNS ?? 3));
  // the fixed cost of a plan (start-up, loading what a plan needs, reading the configuration and
  // state folders, writing the output) with nothing to plan: what every plan pays before its first resource
  const empty = {};
  console.log('\nplan of an empty configuration (fixed cost of a plan)');
  for (const [name, tool, kind] of [['ballast', ballast, 'ballast'], ...peerBins.map((p) => [p, p, 'peer'])] as [string, string, 'ballast' | 'peer'][]) {
    const dir = mkdtempSync(join(tmpdir(), `ballast-startup-empty-${kind}-`));
    try {
      writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(empty));
      const samples: Sample[] = [];
      if (kind === 'peer') once(tool, ['init', '-input=false', '-no-color'], dir);
      for (let i = 0; i < (kind === 'ballast' ? runs : peerRuns); i++) {
        samples.push(kind === 'ballast' ? once(nodeBin, [tool, 'plan'], dir) : once(tool, ['plan', '-input=false', '-no-color'], dir));
      }
      console.log(`${name.padEnd(10)} ${fmt(stat(samples))}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const n of [1000, 10000]) {
    const b = planApplyReplan(ballast, 'ballast', n, runs);
    const rows: [string, ReturnType<typeof planApplyReplan>][] = [['ballast', b]];
    if (n <= 1000 || process.env.BALLAST_BENCH_PEER_LARGE === '1') {
      for (const p of peerBins) {
        try {
          rows.push([p, planApplyReplan(p, 'peer', n, peerRuns)]);
        } catch (e) {
          console.log(`  (${p} failed: ${(e as Error).message.split('\n')[0]})`);
        }
      }
    }
    console.log(`\n${n.toLocaleString('en')} terraform_data`);
    console.log(`${'tool'.padEnd(10)} ${'cold plan'.padEnd(34)} ${'apply'.padEnd(34)} ${'no-op re-plan'.padEnd(34)} node -e 0 meanwhile`);
    for (const [name, r] of rows) {
      const ratio = (k: 'cold' | 'apply' | 'replan') => (name === 'ballast' ? '' : ` ${(r[k].medianMs / b[k].medianMs).toFixed(1)}×`);
      console.log(`${name.padEnd(10)} ${(fmt(r.cold) + ratio('cold')).padEnd(34)} ${(fmt(r.apply) + ratio('apply')).padEnd(34)} ${(fmt(r.replan) + ratio('replan')).padEnd(34)} ${fmt(r.nodeE)}`);
    }
  }
}
