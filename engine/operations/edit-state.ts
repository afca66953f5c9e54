// `ballast state mv` and `state rm`: a new state version with objects renamed or forgotten.
// Nothing in the real world changes. Under the stack's lock; an interrupted apply's journal is
// folded in first so no recorded object is lost.

import { formatInstance, moveInstance, endpointHolds, parseEndpoint, parseInstance } from '../addrs.ts';
import { type Diagnostic, error, hasErrors } from '../diagnostics.ts';
import type { InstanceState, StateVersion } from '../../state/model.ts';
import type { StateStore } from '../../state/store.ts';
import { readPrior } from './prior-state.ts';
import { nextStateVersion } from './state-version.ts';

export type StateEdit = { readonly kind: 'mv'; readonly from: string; readonly to: string } | { readonly kind: 'rm'; readonly addresses: readonly string[] };

export interface EditStateOutcome {
  readonly version: StateVersion | null;
  /** [old, new] for mv; [old] for rm */
  readonly touched: readonly string[][];
  readonly diagnostics: Diagnostic[];
}

/** The instances after the edit, or diagnostics saying why the edit does not apply. */
export function editInstances(
  stack: string,
  instances: ReadonlyMap<string, InstanceState>,
  edit: StateEdit,
): { instances: Map<string, InstanceState>; touched: string[][]; diagnostics: Diagnostic[] } {
  const out = new Map(instances);
  const touched: string[][] = [];
  const diags: Diagnostic[] = [];
  const where = { stack };
  try {
    if (edit.kind === 'mv') {
      const from = parseEndpoint(edit.from);
      const to = parseEndpoint(edit.to);
      if ((from.kind === 'module') !== (to.kind === 'module')) {
        diags.push(error('Invalid state move', `Cannot move ${edit.from} to ${edit.to}: a module moves to a module, a resource or instance to a resource or instance.`, where));
        return { instances: out, touched, diagnostics: diags };
      }
      for (const [key, inst] of instances) {
        if (inst.deposed) continue;
        const a = parseInstance(inst.address);
        // `state mv a.b[0] c.d` moves one instance to a single-instance address, as terraform does
        const n = from.kind === 'instance' && to.kind === 'resource' ? (endpointHolds(from, a) ? { ...to.addr, key: undefined } : undefined) : moveInstance(a, from, to);
        if (!n) continue;
        const address = formatInstance(n);
        if (out.has(address) && address !== inst.address) {
          diags.push(error('Invalid state move', `Cannot move ${inst.address} to ${address}: an object is already recorded at ${address}.`, where));
          continue;
        }
        out.delete(key);
        out.set(address, { ...inst, address, mode: n.mode, type: n.type, name: n.name, key: n.key });
        touched.push([inst.address, address]);
      }
      if (!touched.length && !diags.length) diags.push(error('Invalid state move', `No object is recorded at ${edit.from}.`, where));
    } else {
      for (const text of edit.addresses) {
        const ep = parseEndpoint(text);
        const hits = [...out.values()].filter((i) => endpointHolds(ep, parseInstance(i.address)));
        if (!hits.length) diags.push(error('Invalid target address', `No object is recorded at ${text}.`, where));
        for (const i of hits) {
          out.delete(i.deposed ? `${i.address} (deposed)` : i.address);
          touched.push([i.address]);
        }
      }
    }
  } catch (e) {
    diags.push(error('Invalid address', (e as Error).message, where));
  }
  return { instances: out, touched, diagnostics: diags };
}

export async function editState(stack: string, store: StateStore, edit: StateEdit, opts: { lockWaitMs?: number; author?: string; signal?: AbortSignal } = {}): Promise<EditStateOutcome> {
  const lock = await store.lock({ operation: `state ${edit.kind}`, waitMs: opts.lockWaitMs ?? 0, signal: opts.signal });
  try {
    const prior = await readPrior(store);
    const r = editInstances(stack, prior.instances, edit);
    if (hasErrors(r.diagnostics)) return { version: null, touched: [], diagnostics: r.diagnostics };
    const prev = prior.version;
    const next = nextStateVersion({
      stack,
      previous: prev,
      previousDigest: prior.digest,
      instances: r.instances,
      outputs: prev?.outputs ?? {},
      reason: 'state-edit',
      changes: { add: 0, change: 0, destroy: 0 },
      sourceRevision: prev?.sourceRevision ?? null,
      configDigest: prev?.configDigest ?? null,
      author: opts.author,
    });
    await store.put(next, { expectedSerial: prev?.serial ?? null });
    for (const id of prior.journals) await store.discardJournal(id);
    return { version: next, touched: r.touched, diagnostics: r.diagnostics };
  } finally {
    await lock.release().catch(() => undefined);
  }
}
