// Fuzz test of `ballast validate` (issue 7): thousands of seeded mutations of a valid
// Terraform JSON stack. Every one must end in "valid" or in clear diagnostics: no internal
// error, no hang, no "[object Object]" or other leaked JS internals. A failure names the case
// number, which reproduces it (same seed, same case).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { makeTempDir } from '../helpers/temp-dir.ts';
import type { CaseReport } from './validate-fuzz-worker.ts';

const SEED = Number(process.env.BALLAST_FUZZ_SEED ?? 7);
const CASES = Number(process.env.BALLAST_FUZZ_CASES ?? 3000);
/** a case that runs this long without an answer is a hang (a case normally takes milliseconds) */
const HANG_MS = 60_000;

test(`validate survives ${CASES} mutations of valid Terraform JSON (seed ${SEED})`, { timeout: 30 * 60_000 }, async () => {
  const dir = await makeTempDir('ballast-fuzz-');
  const reports: CaseReport[] = [];
  let current = -1;
  await new Promise<void>((resolve, reject) => {
    const worker = new Worker(new URL('./validate-fuzz-worker.mjs', import.meta.url), { workerData: { seed: SEED, from: 0, count: CASES, dir } });
    let watchdog = setTimeout(() => undefined, 0);
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        void worker.terminate();
        reject(new Error(`case ${current} (seed ${SEED}) did not finish: a hang`));
      }, HANG_MS);
    };
    arm();
    worker.on('message', (m: CaseReport | { started: number }) => {
      arm();
      if ('started' in m) current = m.started;
      else reports.push(m);
    });
    worker.on('error', (e) => {
      clearTimeout(watchdog);
      reject(e);
    });
    worker.on('exit', () => {
      clearTimeout(watchdog);
      resolve();
    });
  });
  assert.equal(reports.length, CASES, 'every case reported');
  const problems = reports.filter((r) => r.problem);
  assert.deepEqual(
    problems.slice(0, 5).map((p) => `case ${p.index}: ${p.problem}\n${p.text?.slice(0, 2000)}`),
    [],
    `${problems.length} of ${CASES} cases went wrong`,
  );
  // the mutations must reach past the JSON parser: most cases are rejected, but not all at the first step
  const rejected = reports.filter((r) => r.rejected).length;
  assert.ok(rejected > CASES / 4 && rejected < CASES, `${rejected} of ${CASES} rejected`);
});
