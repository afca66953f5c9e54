// A monorepo of 200 stacks (10 terraform_data each) in one agent process against git daemon:
// the first full reconcile, then commit -> applied for a one-stack change by polling (1s) and by
// webhook, the plans each commit ran, and the agent's RSS. Prints numbers; asserts nothing
// about time.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitDaemon } from '../test/helpers/git-daemon.ts';
import { makeRepo } from '../test/helpers/git-repo.ts';
import { startAgent, rev } from '../test/agent-harness.ts';
import { signBody } from '../engine/agent/webhook-signature.ts';

const STACKS = Number(process.env.BALLAST_BENCH_STACKS ?? 200);
const RESOURCES = 10;
const ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const name = (i: number) => `s${String(i).padStart(3, '0')}`;

function stack(i: number, version: number): string {
  const resources: Record<string, unknown> = {};
  for (let r = 1; r <= RESOURCES; r++) resources[`r${r}`] = { input: `${name(i)}-r${r}-v${version}` };
  return JSON.stringify({ resource: { terraform_data: resources } }, null, 2) + '\n';
}

function metric(text: string, metricName: string, labels = ''): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(metricName) || (labels && !line.includes(labels))) continue;
    const m = /^(\S+?)(\{[^}]*\})? ([0-9.e+-]+)$/.exec(line);
    if (m && m[1] === metricName) sum += Number(m[3]);
  }
  return sum;
}

export async function run(): Promise<void> {
  const daemon = await startGitDaemon();
  const dir = mkdtempSync(join(tmpdir(), 'ballast-bench-mono-'));
  const repo = makeRepo({ root: daemon.basePath, name: 'mono' });
  const secretFile = join(dir, 'secret');
  writeFileSync(secretFile, 'bench-secret');
  const config = join(dir, 'agent.yaml');
  writeFileSync(config, JSON.stringify({ sources: [{ name: 'mono', git: { url: daemon.url('mono.git'), path: 'stacks/*' } }] }));
  let agent: Awaited<ReturnType<typeof startAgent>> | undefined;
  try {
    const files: Record<string, string> = {};
    for (let i = 1; i <= STACKS; i++) files[`stacks/${name(i)}/main.tf.json`] = stack(i, 1);
    const first = repo.commit(files, `${STACKS} stacks`);
    const args = (interval: string) => [
      '--config',
      config,
      '--interval',
      interval,
      '--drift-interval',
      '1h',
      '--state-dir',
      join(dir, 'state'),
      '--work-dir',
      join(dir, 'work'),
      '--webhook-secret-file',
      secretFile,
    ];
    type Status = Awaited<ReturnType<NonNullable<typeof agent>['status']>>;
    const idleAt = (revision: string) => (s: Status) => Object.keys(s.stacks).length === STACKS && Object.values(s.stacks).every((x) => x.lastConsideredRevision === revision && x.phase === 'idle');
    const metrics = async () => (await fetch(`${agent!.base}/metrics`)).text();
    let version = 1;
    let head = first;
    const rounds = async (mode: 'polling' | 'webhook') => {
      const times: number[] = [];
      const plans: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const i = 1 + ((round * 37 + (mode === 'webhook' ? 11 : 0)) % STACKS);
        const before = metric(await metrics(), 'ballast_plans_total', 'kind="revision"');
        const t = performance.now();
        const sha = repo.commit({ [`stacks/${name(i)}/main.tf.json`]: stack(i, ++version) }, `change ${name(i)}`);
        head = sha;
        if (mode === 'webhook') {
          const body = JSON.stringify({ after: sha });
          const res = await fetch(`${agent!.base}/hooks/git`, { method: 'POST', body, headers: { 'x-hub-signature-256': signBody('bench-secret', body) } });
          if (res.status !== 202) throw new Error(`webhook answered ${res.status}`);
        }
        await agent!.waitFor(`${name(i)} applied`, (s) => s.stacks[name(i)]?.lastAppliedRevision === rev(sha), 120_000);
        times.push(performance.now() - t);
        await agent!.waitFor('every stack considered the commit', idleAt(rev(sha)), 120_000);
        plans.push(metric(await metrics(), 'ballast_plans_total', 'kind="revision"') - before);
      }
      const label = mode === 'polling' ? 'polling (interval 1s)' : 'webhook (interval 1h)';
      console.log(
        `commit -> applied for a one-stack change, ${label}: p50 ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${ROUNDS} commits; plans per commit: ${plans.join(', ')}`,
      );
    };

    const t0 = performance.now();
    agent = await startAgent(args('1h'), { cwd: dir, env: { BALLAST_LOG_LEVEL: 'warn' } });
    await agent.waitFor('the first full reconcile', (s) => Object.keys(s.stacks).length === STACKS && Object.values(s.stacks).every((x) => x.lastAppliedRevision === rev(first)), 1_800_000);
    console.log(`first full reconcile of ${STACKS} stacks x ${RESOURCES} terraform_data in one agent (stack concurrency 4): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await rounds('webhook');
    let text = await metrics();
    console.log(
      `agent RSS with ${STACKS} stacks: ${(metric(text, 'ballast_agent_process_resident_memory_bytes') / 1024 / 1024).toFixed(0)} MiB; fetches: ${metric(text, 'ballast_source_fetch_total')} (one per cycle for all ${STACKS} stacks)`,
    );
    await agent.stop('SIGTERM');

    const t1 = performance.now();
    agent = await startAgent(args('1s'), { cwd: dir, env: { BALLAST_LOG_LEVEL: 'warn' } });
    await agent.waitFor('the restart settled', idleAt(rev(head)), 1_800_000);
    text = await metrics();
    console.log(
      `restart: ${STACKS} stacks settled in ${((performance.now() - t1) / 1000).toFixed(1)} s (revision plans ${metric(text, 'ballast_plans_total', 'kind="revision"')}, drift checks ${metric(text, 'ballast_plans_total', 'kind="drift"')})`,
    );
    await rounds('polling');
    text = await metrics();
    console.log(`agent RSS after the polling rounds: ${(metric(text, 'ballast_agent_process_resident_memory_bytes') / 1024 / 1024).toFixed(0)} MiB`);
  } finally {
    await agent?.stop('SIGTERM');
    repo.dispose();
    await daemon.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
