// Who did what from the web UI, and when: kept next to each stack's state and pins (a control
// document of the stack's store, so it works for local and S3 state alike), newest last,
// capped so it never grows without bound. Writes to one stack are serialized in-process.

import type { StateStore } from '../../state/store.ts';

export interface AuditEntry {
  readonly time: string;
  readonly who: string;
  readonly role: 'operator' | 'viewer';
  readonly action: string;
  readonly stack: string;
  readonly detail?: string;
  readonly result: 'ok' | 'failed' | 'refused';
}

const DOC = 'ui-audit';
export const AUDIT_KEEP = 1000;

const chains = new WeakMap<StateStore, Promise<unknown>>();

export async function readAudit(store: StateStore): Promise<AuditEntry[]> {
  const bytes = await store.getControl?.(DOC);
  if (!bytes) return [];
  try {
    const v = JSON.parse(bytes.toString('utf8')) as unknown;
    return Array.isArray(v) ? (v as AuditEntry[]) : [];
  } catch {
    return []; // torn or hand-edited: start again rather than lose the ability to act
  }
}

export function appendAudit(store: StateStore, entry: AuditEntry): Promise<void> {
  if (!store.putControl) return Promise.reject(new Error(`the state store ${store.description} cannot keep an audit log`));
  const run = (chains.get(store) ?? Promise.resolve())
    .catch(() => undefined)
    .then(async () => {
      const entries = [...(await readAudit(store)), entry].slice(-AUDIT_KEEP);
      await store.putControl!(DOC, Buffer.from(JSON.stringify(entries, null, 1) + '\n'));
    });
  chains.set(store, run);
  return run;
}
