// Engine benchmark (issue 2): terraform_data configs of 1,000 and 10,000 resources and the
// correlated 2×2,500 pattern. Prints plan-from-empty, apply, no-change re-plan and peak memory
// per config, the 10k/1k growth ratios, and — when `terraform` or `tofu` is on the PATH — the
// same runs with it and the ratio. Numbers only; nothing here asserts on time.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countResources, generateConfig, type Shape } from './generate-config.ts';
import { runPeer, findPeer } from './terraform-peer.ts';

interface Result {
  planMs: number;
  applyMs: number;
  replanMs: number;
  maxRssMiB: number;
  changes: number;
  pendingAfterApply: number;
}

const SHAPES: { name: string; shape: Shape }[] = [
  { name: 'mixed 1,000', shape: { kind: 'mixed', resources: 1000 } },
  { name: 'mixed 10,000', shape: { kind: 'mixed', resources: 10000 } },
  { name: 'correlated 2x2,500', shape: { kind: 'correlated', perSide: 2500 } },
];

function runBallast(file: string): Result {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'engine-run.ts'), file], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-bench-cfg-'));
  const peer = findPeer();
  console.log(`# engine: plan / apply / re-plan / peak memory${peer ? ` (peer: ${peer})` : ' (no terraform or tofu on PATH: ballast only)'}`);
  const results = new Map<string, Result>();
  try {
    for (const { name, shape } of SHAPES) {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.tf.json`);
      writeFileSync(file, JSON.stringify(generateConfig(shape)));
      const r = runBallast(file);
      results.set(name, r);
      console.log(
        `${name.padEnd(20)} resources=${countResources(shape)} plan=${fmt(r.planMs)} apply=${fmt(r.applyMs)} replan=${fmt(r.replanMs)} peak=${r.maxRssMiB.toFixed(0)} MiB (planned ${r.changes} changes; ${r.pendingAfterApply} left after apply)`,
      );
      if (peer) {
        const p = runPeer(peer, generateConfig(shape));
        if (p)
          console.log(
            `${''.padEnd(20)} ${peer}: plan=${fmt(p.planMs)} apply=${fmt(p.applyMs)} replan=${fmt(p.replanMs)}  ratio ballast/${peer}: plan ${(r.planMs / p.planMs).toFixed(2)}, apply ${(r.applyMs / p.applyMs).toFixed(2)}, replan ${(r.replanMs / p.replanMs).toFixed(2)}`,
          );
      }
    }
    const a = results.get('mixed 1,000')!;
    const b = results.get('mixed 10,000')!;
    console.log(
      `growth 10,000 vs 1,000: plan x${(b.planMs / a.planMs).toFixed(1)}, apply x${(b.applyMs / a.applyMs).toFixed(1)}, replan x${(b.replanMs / a.replanMs).toFixed(1)} (linear would be x10)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
