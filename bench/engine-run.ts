// One benchmark run in a fresh process (so peak memory is this run's alone): plan from empty
// state, apply with durable per-operation journal records, then a no-change re-plan.
// Prints one JSON line of timings (ms), CPU time per phase (ms; this process and, separately,
// the provider processes it started) and peak RSS (MiB). With a mirror directory as the second
// argument, provider binaries found there run through the plugin bridge (plugin.bench.ts).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareStack } from '../engine/operations/prepare-stack.ts';
import { readPrior } from '../engine/operations/prior-state.ts';
import { planPreparedStack } from '../engine/operations/plan-stack.ts';
import { applySession } from '../engine/operations/apply-stack.ts';
import { LocalDirStore } from '../state/local-dir-store.ts';
import { defaultRegistry } from '../providers/shipped/default-registry.ts';
import { withPlugins } from '../providers/plugin/plugin-registry.ts';
import { hasErrors, formatDiagnostic } from '../engine/diagnostics.ts';
import { type CpuReading, readCpu, since } from './process-cpu.ts';
import { providerCallCount } from '../providers/plugin/plugin-provider.ts';

const [file, mirror] = process.argv.slice(2);
const bytes = readFileSync(file);
const dir = mkdtempSync(join(tmpdir(), 'ballast-bench-'));
const store = new LocalDirStore(join(dir, 'state'), { stack: 'bench' });
const registry = mirror ? withPlugins(defaultRegistry(), { pluginDirs: [mirror], log: () => {} }) : defaultRegistry();
// An isolated home: no ~/.terraformrc or plugin cache of the machine takes part.
const env = { HOME: dir, XDG_CACHE_HOME: join(dir, 'cache') };
const input = { name: 'bench', file, dir, json: JSON.parse(bytes.toString()), bytes };

async function plan() {
  const prepared = prepareStack(input, { env: {} });
  if (!prepared.stack) throw new Error(prepared.diagnostics.map(formatDiagnostic).join('\n'));
  const prior = await readPrior(store);
  const r = await planPreparedStack(prepared.stack, prior, registry, { mode: 'normal', parallelism: 10 }, env);
  if (!r.session) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.session;
}

try {
  let t = performance.now();
  let c = readCpu();
  let calls = providerCallCount();
  const s1 = await plan();
  const planMs = performance.now() - t;
  const planCpu = since(c);
  const planCalls = providerCallCount() - calls;
  const changes = s1.plan.changes.filter((c) => c.action !== 'no-op').length;

  t = performance.now();
  c = readCpu();
  calls = providerCallCount();
  const out = await applySession(s1, store, { parallelism: 10 });
  const applyMs = performance.now() - t;
  const applyCpu = since(c);
  const applyCalls = providerCallCount() - calls;
  if (hasErrors(out.diagnostics)) throw new Error(out.diagnostics.map(formatDiagnostic).join('\n'));
  // stopping the provider belongs to no phase
  await s1.close();

  t = performance.now();
  c = readCpu();
  calls = providerCallCount();
  const s2 = await plan();
  const replanMs = performance.now() - t;
  const replanCpu = since(c);
  const replanCalls = providerCallCount() - calls;
  const pending = s2.plan.changes.filter((c) => c.action !== 'no-op').length;
  await s2.close();
  const cpu = (r: CpuReading, providerCalls: number) => ({ ballastMs: r.self, providerMs: r.children ?? null, providerCalls });

  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({
      planMs,
      applyMs,
      replanMs,
      cpu: { plan: cpu(planCpu, planCalls), apply: cpu(applyCpu, applyCalls), replan: cpu(replanCpu, replanCalls) },
      maxRssMiB,
      changes,
      pendingAfterApply: pending,
    }) + '\n',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
