// Folds journals left behind by an interrupted apply into the prior instances, so nothing a
// killed process created is forgotten. Journal addresses are state keys: the old object of a
// create-before-destroy replacement is journalled as `ADDR (deposed)`.
//   done create/update    -> the recorded object; an older object still holding the address
//                            (create-before-destroy) moves to the deposed slot
//   done delete           -> gone
//   failed                -> a partly created object is kept tainted (replaced next time);
//                            after a failed update or delete the object stays as recorded
//   intent without end    -> create: a tainted placeholder built from the planned values, so the
//                            next refresh looks for it by identity and the plan replaces it (an
//                            older object holding the address is deposed);
//                            update/delete: the prior object stays and refresh finds out.

import type { JournalEntry } from '../../state/journal.ts';
import { DEPOSED_SUFFIX, stateKey, type InstanceState } from '../../state/model.ts';
import { parseInstance } from '../addrs.ts';

export function recoverJournal(instances: Map<string, InstanceState>, entries: readonly JournalEntry[]): number {
  const open = new Map<string, JournalEntry & { kind: 'intent' }>();
  let touched = 0;
  /** an older object about to be replaced by `incoming` keeps a slot until it is destroyed */
  const depose = (key: string, incoming: InstanceState | null) => {
    const old = instances.get(key);
    if (old && !old.deposed && old !== incoming && !instances.has(key + DEPOSED_SUFFIX)) instances.set(key + DEPOSED_SUFFIX, { ...old, deposed: true });
  };
  for (const e of entries) {
    if (e.kind === 'intent') {
      open.set(e.address, e);
      continue;
    }
    const intent = open.get(e.address);
    open.delete(e.address);
    touched++;
    if (e.kind === 'done') {
      if (e.state) {
        if (e.operation === 'create' && intent?.prior) depose(e.address, e.state);
        instances.set(e.address, e.address.endsWith(DEPOSED_SUFFIX) ? { ...e.state, deposed: true } : e.state);
      } else instances.delete(e.address);
    } else if (e.state) {
      const kept = e.operation === 'create' ? { ...e.state, tainted: true } : e.state;
      if (e.operation === 'create' && intent?.prior) depose(e.address, kept);
      instances.set(e.address, e.address.endsWith(DEPOSED_SUFFIX) ? { ...kept, deposed: true } : kept);
    }
  }
  for (const intent of open.values()) {
    touched++;
    if (intent.operation !== 'create' || !intent.planned || intent.address.endsWith(DEPOSED_SUFFIX)) continue;
    const a = parseInstance(intent.address);
    const placeholder: InstanceState = {
      address: intent.address,
      mode: a.mode,
      type: a.type,
      name: a.name,
      key: a.key,
      provider: intent.provider,
      attributes: intent.planned,
      sensitivePaths: intent.prior?.sensitivePaths ?? [],
      dependencies: intent.dependencies,
      schemaVersion: intent.schemaVersion,
      tainted: true,
    };
    depose(intent.address, placeholder);
    instances.set(stateKey(placeholder), placeholder);
  }
  return touched;
}
