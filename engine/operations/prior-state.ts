// The state a plan starts from: the current version plus whatever journals of interrupted
// applies recorded after it.

import type { StateStore } from '../../state/store.ts';
import { versionDigest } from '../../state/serialize.ts';
import type { InstanceState } from '../../state/model.ts';
import type { PriorState } from '../plan/prior-state.ts';
import { recoverJournal } from './recover-journal.ts';

export interface LoadedPrior extends PriorState {
  /** apply ids of journals folded in; discarded once a new version records them */
  readonly journals: string[];
}

export async function readPrior(store: StateStore): Promise<LoadedPrior> {
  const version = await store.current();
  const instances = new Map<string, InstanceState>(Object.entries(version?.resources ?? {}));
  const journals: string[] = [];
  for (const j of await store.pendingJournals()) {
    recoverJournal(instances, j.entries);
    journals.push(j.applyId);
  }
  return { version, digest: version ? versionDigest(version) : null, instances, journals };
}
