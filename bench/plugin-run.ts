// One plugin-bench run in a fresh process: like engine-run.ts, with the provider registry that
// runs provider binaries from the given mirror directory (argv[3]).

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

const file = process.argv[2];
const mirror = process.argv[3];
const bytes = readFileSync(file);
const dir = mkdtempSync(join(tmpdir(), 'ballast-plugin-bench-'));
const store = new LocalDirStore(join(dir, 'state'), { stack: 'bench' });
const registry = withPlugins(defaultRegistry(), { pluginDirs: [mirror], log: () => {} });
const input = { name: 'bench', file, dir, json: JSON.parse(bytes.toString()), bytes };
const env = { HOME: dir, XDG_CACHE_HOME: join(dir, 'cache') };

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
  const s1 = await plan();
  const planMs = performance.now() - t;
  const changes = s1.plan.changes.filter((c) => c.action !== 'no-op').length;
  t = performance.now();
  const out = await applySession(s1, store, { parallelism: 10 });
  const applyMs = performance.now() - t;
  if (hasErrors(out.diagnostics)) throw new Error(out.diagnostics.map(formatDiagnostic).join('\n'));
  await s1.close();
  t = performance.now();
  const s2 = await plan();
  const replanMs = performance.now() - t;
  const pending = s2.plan.changes.filter((c) => c.action !== 'no-op').length;
  await s2.close();
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ planMs, applyMs, replanMs, maxRssMiB, changes, pendingAfterApply: pending }) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
