// Web UI benchmark (issue 13): the overview of 200 stacks with 10,000 versions in their
// histories (50 each), recorded through the real local-directory store, served over HTTP by the
// same handler the agent uses. Prints the first (cold: every store read) and the following
// (warm) render times, and those that re-read every stack's store; the target is < 200 ms. Numbers only; nothing asserts on time.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDirStore } from '../state/local-dir-store.ts';
import { digestOf, serializeState } from '../state/serialize.ts';
import { sampleVersion } from '../state/testdata/sample-version.ts';
import type { StateVersion } from '../state/model.ts';
import { createUi } from '../engine/ui/start-ui.ts';
import { MAX_AGE_MS } from '../engine/ui/stack-summary.ts';

const STACKS = 200;
const VERSIONS_EACH = 50;
const ENVS = ['dev', 'staging', 'prod'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-ui-bench-'));
  const stores = new Map<string, LocalDirStore>();
  const store = (name: string) => {
    let s = stores.get(name);
    if (!s) stores.set(name, (s = new LocalDirStore(join(dir, name), { stack: name })));
    return s;
  };
  try {
    const t0 = performance.now();
    // eight stacks written at a time (each stack's versions in order), as several agents would
    const names = Array.from({ length: STACKS }, (_, i) => `app${String(Math.floor(i / ENVS.length)).padStart(3, '0')}-${ENVS[i % ENVS.length]}`);
    const record = async (name: string) => {
      const s = store(name);
      let parent: StateVersion | null = null;
      for (let serial = 1; serial <= VERSIONS_EACH; serial++) {
        const v = sampleVersion(serial, parent ? digestOf(serializeState(parent)) : null, {
          stack: name,
          sourceRevision: `main@sha1:${serial.toString(16).padStart(40, '0')}`,
          author: 'Bench <bench@example.invalid>',
          time: new Date(Date.UTC(2026, 0, 1, 0, serial)).toISOString(),
        });
        await s.put(v, { expectedSerial: parent?.serial ?? null });
        parent = v;
      }
    };
    for (let i = 0; i < names.length; i += 8) await Promise.all(names.slice(i, i + 8).map(record));
    console.log(`recorded ${STACKS} stacks x ${VERSIONS_EACH} versions = ${STACKS * VERSIONS_EACH} versions with the local store in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // a fresh set of stores, as a new `ballast ui` process would open
    stores.clear();
    const ui = createUi({ title: 'bench', stacks: async () => readdirSync(dir).sort(), store }, {});
    const server = createServer((req, res) => void ui.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const time = async (path: string) => {
      const t = performance.now();
      const res = await fetch(base + path);
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return { ms: performance.now() - t, bytes: body.length };
    };
    try {
      const cold = await time('/');
      // the reads of the cold render are old by now: one render starts reading every stack
      // again in the background; wait until that settled, then time the renders
      await new Promise((r) => setTimeout(r, MAX_AGE_MS + 100));
      await time('/');
      await new Promise((r) => setTimeout(r, MAX_AGE_MS / 2));
      const warm: number[] = [];
      for (let i = 0; i < 10; i++) warm.push((await time('/')).ms);
      console.log(`overview (${STACKS} stacks, ${STACKS * VERSIONS_EACH} versions): first render (cold stores: every chain checked) ${cold.ms.toFixed(0)} ms, ${(cold.bytes / 1024).toFixed(0)} KiB`);
      console.log(`overview, every stack read before: median ${median(warm).toFixed(0)} ms, max ${Math.max(...warm).toFixed(0)} ms over ${warm.length} renders (target < 200 ms)`);
      const stale: number[] = [];
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, MAX_AGE_MS + 100));
        stale.push((await time('/')).ms);
      }
      console.log(`overview when every read is older than ${MAX_AGE_MS / 1000} s (shown while read again in the background): median ${median(stale).toFixed(0)} ms over ${stale.length}`);
      const hist: number[] = [];
      for (let i = 0; i < 5; i++) hist.push((await time('/stacks/app000-prod')).ms);
      console.log(`stack history (${VERSIONS_EACH} versions): median ${median(hist).toFixed(0)} ms`);
      const diff: number[] = [];
      for (let i = 0; i < 5; i++) diff.push((await time('/stacks/app000-prod/diff?from=1&to=50')).ms);
      console.log(`diff v1 -> v${VERSIONS_EACH}: median ${median(diff).toFixed(0)} ms`);
    } finally {
      await ui.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
