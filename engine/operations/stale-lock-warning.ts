// The warning a run gives when its lock replaced a stale one (expired, or its holder is gone).

import { type Diagnostic, warning } from '../diagnostics.ts';
import type { LockInfo } from '../../state/store.ts';

export function staleLockWarning(t: LockInfo, stack: string): Diagnostic {
  return warning('Took over a stale state lock', `The lock held by ${t.who}@${t.host} (pid ${t.pid}, ${t.operation} since ${t.created}) had expired or its holder is gone; it was replaced.`, {
    stack,
  });
}
