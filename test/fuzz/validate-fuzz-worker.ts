// Runs fuzz cases of `ballast validate` in-process (the same steps the command runs) and
// reports each outcome to the test, which watches for hangs from the main thread.

import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../../engine/diagnostics.ts';
import { prepareStack } from '../../engine/operations/prepare-stack.ts';
import { planPreparedStack } from '../../engine/operations/plan-stack.ts';
import { parseJsonText } from '../../engine/synth/read-json-file.ts';
import { SynthError } from '../../engine/synth/synth-error.ts';
import { defaultRegistry } from '../../providers/shipped/default-registry.ts';
import { mutate, prng, SEED_CONFIG } from './mutate.ts';

export interface CaseReport {
  readonly index: number;
  /** what went wrong, if anything */
  readonly problem?: string;
  readonly text?: string;
  /** the case ended in diagnostics with errors (a user mistake was found) */
  readonly rejected: boolean;
}

const { seed, from, count, dir } = workerData as { seed: number; from: number; count: number; dir: string };
const registry = defaultRegistry();
const SUSPICIOUS = /\[object Object\]|internal error|RangeError|TypeError|ReferenceError|Maximum call stack|Cannot read properties|is not a function|\bNaN\b|\bundefined\b/i;

async function validate(text: string): Promise<Diagnostic[]> {
  const file = join(dir, 'main.tf.json');
  let json: unknown;
  try {
    json = parseJsonText(text, file, 'Terraform JSON');
  } catch (e) {
    if (e instanceof SynthError) return [{ severity: 'error', summary: e.message } as Diagnostic];
    throw e;
  }
  const prepared = prepareStack({ name: 'main', file, dir, json, bytes: Buffer.from(text) }, { env: {} });
  const all = [...prepared.diagnostics];
  if (prepared.stack) {
    const empty = { version: null, digest: null, instances: new Map(), journals: [] };
    const r = await planPreparedStack(prepared.stack, empty, registry, { mode: 'normal', refresh: false, remoteState: async () => null }, {});
    all.push(...r.diagnostics);
    await r.session?.close();
  }
  return all;
}

for (let index = from; index < from + count; index++) {
  const text = mutate(SEED_CONFIG, prng(seed * 1_000_003 + index));
  parentPort!.postMessage({ started: index });
  let report: CaseReport;
  try {
    const diags = await validate(text);
    const shown = diags.map((d) => `${d.summary} ${d.detail ?? ''}`).join('\n');
    const bad = SUSPICIOUS.exec(shown);
    report = bad ? { index, problem: `diagnostic contains "${bad[0]}": ${shown.slice(0, 600)}`, text, rejected: true } : { index, rejected: diags.some((d) => d.severity === 'error') };
  } catch (e) {
    report = { index, problem: `internal error: ${(e as Error)?.stack ?? String(e)}`.slice(0, 1500), text, rejected: true };
  }
  parentPort!.postMessage(report);
}
