// Folds journals left behind by an interrupted apply into the prior instances, so nothing a
// killed process created is forgotten:
//   done create/update   -> the recorded object
//   done delete          -> gone
//   failed with object   -> kept, tainted (replaced on the next apply)
//   intent without end   -> for create: a tainted placeholder built from the planned values, so
//                           the next refresh looks for it by identity and the plan replaces it;
//                           for update/delete: the prior object stays and refresh finds out.
//   deposed (an old object destroyed after its replacement took the address) -> no effect

import type { JournalEntry } from '../../state/journal.ts';
import type { InstanceState } from '../../state/model.ts';
import { parseInstance } from '../addrs.ts';
import { DEPOSED_SUFFIX } from '../apply/apply.ts';

export function recoverJournal(instances: Map<string, InstanceState>, entries: readonly JournalEntry[]): number {
  const open = new Map<string, JournalEntry & { kind: 'intent' }>();
  let touched = 0;
  for (const e of entries) {
    // a deposed object never holds its address in state, so its fate cannot change the current object
    if (e.address.endsWith(DEPOSED_SUFFIX)) { touched++; continue; }
    if (e.kind === 'intent') { open.set(e.address, e); continue; }
    open.delete(e.address);
    touched++;
    if (e.kind === 'done') {
      if (e.state) instances.set(e.address, e.state);
      else instances.delete(e.address);
    } else if (e.state) instances.set(e.address, { ...e.state, tainted: true });
  }
  for (const intent of open.values()) {
    touched++;
    // with create-before-destroy the old object still holds the address; it is the one known to exist
    if (intent.operation === 'create' && intent.planned && !instances.has(intent.address)) {
      const a = parseInstance(intent.address);
      instances.set(intent.address, {
        address: intent.address, mode: a.mode, type: a.type, name: a.name, key: a.key,
        provider: intent.provider, attributes: intent.planned, sensitivePaths: intent.prior?.sensitivePaths ?? [],
        dependencies: intent.dependencies, schemaVersion: intent.schemaVersion, tainted: true,
      });
    }
  }
  return touched;
}
