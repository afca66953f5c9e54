// `ballast state push FILE`: a Terraform v4 state file becomes the stack's next state version
// (reason `state-push`). Refused, as `terraform state push` refuses, when the file belongs to
// another lineage or is not newer than the current version, unless forced.

import type { StateVersion } from '../../state/model.ts';
import type { StateStore } from '../../state/store.ts';
import { readPrior } from './prior-state.ts';
import { nextStateVersion } from './state-version.ts';
import { TerraformStateError, type ParsedTerraformState } from './terraform-state.ts';

export interface PushOutcome {
  readonly version: StateVersion;
  readonly previousSerial: number | null;
}

export async function pushState(stack: string, store: StateStore, pushed: ParsedTerraformState, opts: { force?: boolean; author?: string; lockWaitMs?: number }): Promise<PushOutcome> {
  const lock = await store.lock({ operation: 'state push', waitMs: opts.lockWaitMs ?? 0 });
  try {
    const prior = await readPrior(store);
    const prev = prior.version;
    const empty = !prev || (Object.keys(prev.resources).length === 0 && Object.keys(prev.outputs).length === 0);
    if (prior.journals.length && !opts.force) {
      throw new TerraformStateError(`Stack "${stack}" has an interrupted apply whose objects are not recorded yet; run ballast apply (or plan) first, or push with --force to replace them.`);
    }
    if (prev && !opts.force) {
      if (!empty && pushed.lineage !== prev.lineage) {
        throw new TerraformStateError(`Cannot push state with lineage "${pushed.lineage}" over unrelated state of stack "${stack}" with lineage "${prev.lineage}" (use --force to replace it anyway).`);
      }
      if (!empty && pushed.serial <= prev.serial) {
        throw new TerraformStateError(
          `Cannot push state with serial ${pushed.serial}: stack "${stack}" is at serial ${prev.serial}, and a pushed state must have a greater serial (use --force to push anyway).`,
        );
      }
    }
    const base = nextStateVersion({
      stack,
      previous: prev,
      previousDigest: prior.digest,
      instances: pushed.instances,
      outputs: pushed.outputs,
      reason: 'state-push',
      changes: { add: 0, change: 0, destroy: 0 },
      sourceRevision: prev?.sourceRevision ?? null,
      configDigest: prev?.configDigest ?? null,
      author: opts.author,
    });
    // a first push adopts the file's lineage, so later pulls and pushes recognise it
    const next: StateVersion = prev ? base : { ...base, lineage: pushed.lineage };
    await store.put(next, { expectedSerial: prev?.serial ?? null });
    for (const id of prior.journals) await store.discardJournal(id);
    return { version: next, previousSerial: prev?.serial ?? null };
  } finally {
    await lock.release().catch(() => undefined);
  }
}
