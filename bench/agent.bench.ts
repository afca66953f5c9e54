// The agent: time from a commit to the applied state version, triggered by a signed webhook
// (interval 1h, so only the hook can explain it) and by polling (interval 1s), with the agent as
// a real process against git daemon; and the agent's RSS after 1,000 no-change reconcile cycles
// driven in-process against a local repository. Prints numbers; asserts nothing about time.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startGitDaemon } from '../test/helpers/git-daemon.ts';
import { makeRepo } from '../test/helpers/git-repo.ts';
import { startAgent, fileStack, rev } from '../test/agent-harness.ts';
import { signBody } from '../engine/agent/webhook-signature.ts';
import { Agent } from '../engine/agent/agent.ts';
import { resolveAgentConfig } from '../engine/agent/agent-config.ts';
import { createLogger } from '../engine/agent/logger.ts';
import { createAgentMetrics } from '../engine/agent/metrics.ts';
import { LocalDirStore } from '../state/local-dir-store.ts';
import { defaultRegistry } from '../providers/shipped/default-registry.ts';

const ROUNDS = 5;
const CYCLES = 1000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;

async function commitToApplied(mode: 'webhook' | 'polling'): Promise<number[]> {
  const daemon = await startGitDaemon();
  const dir = mkdtempSync(join(tmpdir(), 'ballast-bench-agent-'));
  const repo = makeRepo({ root: daemon.basePath, name: 'bench' });
  const secretFile = join(dir, 'secret');
  writeFileSync(secretFile, 'bench-secret');
  const out = join(dir, 'out');
  let agent: Awaited<ReturnType<typeof startAgent>> | undefined;
  try {
    const first = repo.commit({ 'main.tf.json': fileStack(out, { a: 'v0' }) }, 'v0');
    agent = await startAgent(
      ['--git', daemon.url('bench.git'), '--interval', mode === 'webhook' ? '1h' : '1s', '--state-dir', join(dir, 'state'), '--work-dir', join(dir, 'work'), '--webhook-secret-file', secretFile],
      { cwd: dir, env: { BALLAST_LOG_LEVEL: 'warn' } },
    );
    await agent.waitFor('first apply', (s) => s.stacks.main?.lastAppliedRevision === rev(first), 60_000);
    const times: number[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      const t0 = performance.now();
      const sha = repo.commit({ 'main.tf.json': fileStack(out, { a: `v${i}` }) }, `v${i}`);
      if (mode === 'webhook') {
        const body = JSON.stringify({ after: sha });
        const res = await fetch(`${agent.base}/hooks/git`, { method: 'POST', body, headers: { 'x-hub-signature-256': signBody('bench-secret', body) } });
        if (res.status !== 202) throw new Error(`webhook answered ${res.status}`);
      }
      await agent.waitFor(`v${i} applied`, (s) => s.stacks.main?.lastAppliedRevision === rev(sha), 60_000);
      times.push(performance.now() - t0);
    }
    return times;
  } finally {
    await agent?.stop('SIGTERM');
    repo.dispose();
    await daemon.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function memoryAfterCycles(): Promise<{ before: number; after: number; heapBefore: number; heapAfter: number; perCycleMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-bench-agent-mem-'));
  const repo = makeRepo({ root: dir });
  try {
    repo.commit({ 'main.tf.json': fileStack(join(dir, 'out'), { a: 'x', b: 'y' }) }, 'one');
    const { config } = resolveAgentConfig(undefined, { git: { url: repo.bare }, interval: '10ms', driftInterval: '1h', stateDir: join(dir, 'state'), workDir: join(dir, 'work') });
    const sink = new Writable({
      write(_c, _e, done) {
        done();
      },
    });
    const agent = new Agent({
      config: config!,
      registry: defaultRegistry(),
      openStore: (stack) => new LocalDirStore(join(dir, 'state', stack), { stack }),
      log: createLogger({ destination: sink, json: true, level: 'warn' }),
      metrics: createAgentMetrics({ processMetrics: false }),
    });
    await agent.reconcileOnce(); // the first cycle applies
    for (let i = 0; i < 50; i++) await agent.reconcileOnce(); // warm-up
    global.gc?.();
    const before = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    for (let i = 0; i < CYCLES; i++) await agent.reconcileOnce();
    const perCycleMs = (performance.now() - t0) / CYCLES;
    global.gc?.();
    const after = process.memoryUsage().rss;
    const heapAfter = process.memoryUsage().heapUsed;
    const status = agent.status().stacks.main;
    if (status.stateVersion !== 1) throw new Error(`no-change cycles recorded versions: state version ${status.stateVersion}`);
    await agent.stop();
    return { before, after, heapBefore, heapAfter, perCycleMs };
  } finally {
    repo.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const hook = await commitToApplied('webhook');
  console.log(
    `commit -> applied state version, webhook (interval 1h): median ${median(hook).toFixed(0)} ms, min ${Math.min(...hook).toFixed(0)} ms, max ${Math.max(...hook).toFixed(0)} ms over ${ROUNDS} commits`,
  );
  const poll = await commitToApplied('polling');
  console.log(
    `commit -> applied state version, polling (interval 1s): median ${median(poll).toFixed(0)} ms, min ${Math.min(...poll).toFixed(0)} ms, max ${Math.max(...poll).toFixed(0)} ms over ${ROUNDS} commits`,
  );
  const mem = await memoryAfterCycles();
  console.log(
    `agent RSS after ${CYCLES} no-change reconcile cycles (in-process, local repo): ${mb(mem.after)} (before the ${CYCLES}: ${mb(mem.before)}, growth ${mb(mem.after - mem.before)}); live heap ${mb(mem.heapBefore)} -> ${mb(mem.heapAfter)}${global.gc ? '' : ' (run with --expose-gc for collected figures)'}; ${mem.perCycleMs.toFixed(1)} ms per cycle`,
  );
}
