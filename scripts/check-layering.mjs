#!/usr/bin/env node
// The dependency rules: dependency-cruiser checks the module rules in .dependency-cruiser.cjs;
// cycles between folders are checked here on the same cruise, because dependency-cruiser's own
// folder scope rolls engine/ and providers/ up over everything below them and so reports cycles
// that do not exist between the folders themselves. Exits non-zero on any violation.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
/** Production code: what the folder-cycle check looks at (tests may reach anywhere). */
const PRODUCTION = /^(engine|providers|state)\//;
const TEST_SUPPORT = /(^test\/|^bench\/|^scripts\/|\/testdata\/|\.test\.ts$)/;

const dirs = ['engine', 'providers', 'state', 'test', 'bench', 'scripts'];
const tmp = mkdtempSync(join(tmpdir(), 'ballast-layering-'));
let result;
try {
  const out = join(tmp, 'cruise.json');
  const r = spawnSync(process.execPath, [bin, ...dirs, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', '--output-to', out], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error('dependency-cruiser failed to run');
    process.exit(2);
  }
  result = JSON.parse(readFileSync(out, 'utf8'));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

let failures = 0;
for (const v of result.summary.violations) {
  failures++;
  const via = v.cycle?.length ? `\n    via ${v.cycle.map((c) => c.name ?? c).join(' → ')}` : '';
  console.error(`error ${v.rule.name}: ${v.from} → ${v.to}${via}`);
}

// Folder graph of production code, one node per room: engine/<x>/ and providers/<x>/ with
// everything below them (a room's own subfolders may use each other), the leaf files directly
// in engine/ and the framework files directly in providers/ as rooms of their own, and state/.
const room = (file) => {
  const parts = file.split('/');
  return parts[0] === 'state' || parts.length === 2 ? parts[0] : `${parts[0]}/${parts[1]}`;
};
const edges = new Map();
for (const m of result.modules) {
  if (!PRODUCTION.test(m.source) || TEST_SUPPORT.test(m.source)) continue;
  const from = room(m.source);
  for (const d of m.dependencies) {
    if (!PRODUCTION.test(d.resolved) || TEST_SUPPORT.test(d.resolved)) continue;
    const to = room(d.resolved);
    if (to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    const byTarget = edges.get(from);
    if (!byTarget.has(to)) byTarget.set(to, `${m.source} → ${d.resolved}`);
  }
}
for (const scc of stronglyConnected(edges)) {
  if (scc.length < 2) continue;
  failures++;
  const members = new Set(scc);
  const examples = scc.flatMap((f) => [...(edges.get(f) ?? new Map())].filter(([t]) => members.has(t)).map(([, e]) => e));
  console.error(`error no-circular-between-folders: ${scc.sort().join(', ')} depend on each other:\n    ${examples.join('\n    ')}`);
}

if (failures > 0) {
  console.error(`\n${failures} dependency rule violation(s); the rules and their reasons are in .dependency-cruiser.cjs and docs/architecture.md`);
  process.exit(1);
}
console.log(`dependency rules: no violations (${result.summary.totalCruised} modules)`);

/** Tarjan's algorithm: the strongly connected components of a directed graph. */
function stronglyConnected(graph) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const out = [];
  let next = 0;
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((m) => [...m.keys()])]);
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      out.push(scc);
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return out;
}
