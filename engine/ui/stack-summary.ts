// One overview row per stack: what runs now (the current version's revision, author, time and
// commit subject) and its state as the agent sees it. Reading a stack costs its version list
// (the store's index) and its switches; the current version itself is read once per serial.

import type { StateStore } from '../../state/store.ts';
import type { StateReason, ChangeSummary } from '../../state/model.ts';
import type { StatusJson } from '../agent/stack-status.ts';
import { readControl, type StackControl } from '../agent/pins.ts';
import { placeStack } from './environments.ts';
import type { UiBackend } from './ui-backend.ts';
import { shaOf } from './commit-history.ts';

export type StackState = 'in sync' | 'applying' | 'queued' | 'drifted' | 'out of sync' | 'failed' | 'suspended' | 'pinned' | 'recorded' | 'no state';

export interface CurrentVersion {
  readonly serial: number;
  readonly time: string;
  readonly reason: StateReason;
  readonly revision: string | null;
  readonly author: string | null;
  readonly changes: ChangeSummary;
  readonly rollbackOf?: number;
  readonly resources: number;
}

export interface StackSummary {
  readonly name: string;
  readonly environment: string;
  readonly app: string;
  readonly path: string | null;
  readonly state: StackState;
  /** the failure, or what the state means in words */
  readonly note: string | null;
  readonly current: CurrentVersion | null;
  readonly versions: number;
  readonly subject: string | null;
  readonly control: StackControl;
  /** the revision whose inputs the agent has not recorded yet (being planned or applied) */
  readonly fetched: string | null;
  /** sharded agents: the stack's shard and the replica holding its Lease (null: none) since when */
  readonly holder?: { readonly shard: number; readonly replica: string | null; readonly since: string | null };
}

/**
 * What was read of a stack, reused: an overview of 200 stacks then costs no store reads, instead
 * of a version list (and its chain check) per stack per render. A read older than MAX_AGE_MS, or
 * one the agent's live status shows is behind (a new version), is still shown once while it is
 * read again in the background; the live updates send the result at their next tick. A stack
 * never read, or forgotten after an action, is read before the page is sent.
 */
interface Read {
  readonly at: number;
  readonly current: CurrentVersion | null;
  readonly versions: number;
  readonly control: StackControl;
}

export const MAX_AGE_MS = 5000;
const reads = new WeakMap<StateStore, Read>();
const reading = new WeakMap<StateStore, Promise<Read>>();

/** Drops what was read of the stack (after an action changed it). */
export function forgetStack(store: StateStore): void {
  reads.delete(store);
}

function readAgain(store: StateStore): Promise<Read> {
  let p = reading.get(store);
  if (!p) {
    p = (async () => {
      const known = reads.get(store);
      const [list, control] = await Promise.all([store.list(), store.getControl ? readControl(store) : Promise.resolve({})]);
      const last = list[list.length - 1];
      let current: CurrentVersion | null = null;
      if (last) {
        if (known?.current?.serial === last.serial) {
          current = known.current;
        } else {
          // the whole version only when it is a new one: its author and resource count
          const full = await store.get(last.serial);
          current = {
            serial: last.serial,
            time: last.time,
            reason: last.reason,
            revision: last.sourceRevision,
            author: full?.author ?? null,
            changes: last.changes,
            rollbackOf: last.rollbackOf,
            resources: full ? Object.keys(full.resources).length : 0,
          };
        }
      }
      const read: Read = { at: Date.now(), current, versions: list.length, control };
      reads.set(store, read);
      return read;
    })().finally(() => reading.delete(store));
    reading.set(store, p);
  }
  return p;
}

async function readStack(store: StateStore, liveSerial: number | null | undefined, onError: (e: Error) => void): Promise<Read> {
  const known = reads.get(store);
  if (!known) return readAgain(store);
  const fresh = Date.now() - known.at < MAX_AGE_MS && (liveSerial === undefined || liveSerial === (known.current?.serial ?? null));
  if (!fresh) readAgain(store).catch(onError);
  return known;
}

function stateOf(s: StatusJson['stacks'][string] | undefined, control: StackControl, current: CurrentVersion | null): { state: StackState; note: string | null } {
  if (control.suspended) return { state: 'suspended', note: `since ${control.suspended.since}${control.suspended.by ? ` by ${control.suspended.by}` : ''}` };
  if (control.pin) return { state: 'pinned', note: `rolled back to version ${control.pin.serial} (${control.pin.since}); a new commit releases the pin` };
  if (!s) return current ? { state: 'recorded', note: null } : { state: 'no state', note: null };
  if (s.phase === 'running') return { state: 'applying', note: null };
  if (s.phase === 'queued') return { state: 'queued', note: null };
  const r = s.lastResult;
  if (r?.kind === 'failed' || r?.kind === 'blocked' || r?.kind === 'cancelled') return { state: 'failed', note: r.message ?? r.kind };
  if (r?.kind === 'drift-detected') return { state: 'drifted', note: `${r.drifted ?? 0} object(s) changed outside Ballast` };
  if (r?.kind === 'planned') return { state: 'out of sync', note: 'planned, not applied (plan-only)' };
  if (!current) return { state: 'no state', note: r?.message ?? null };
  return { state: 'in sync', note: null };
}

export async function summarizeStacks(backend: UiBackend, onError: (e: Error) => void = () => undefined): Promise<StackSummary[]> {
  await backend.history?.refresh();
  const status = backend.status?.();
  const names = await backend.stacks();
  const rows = await Promise.all(
    names.map(async (name): Promise<StackSummary> => {
      const store = backend.store(name);
      const s = status?.stacks[name];
      const { current, versions, control } = await readStack(store, s?.stateVersion, onError);
      const path = s?.path ?? null;
      const { environment, app } = placeStack(name, path, backend.labels);
      const { state, note } = stateOf(s, control, current);
      const sha = shaOf(current?.revision);
      const subject = sha && backend.history ? ((await backend.history.commit(sha))?.subject ?? null) : null;
      const fetched = s?.lastChangedRevision && s.lastChangedRevision !== current?.revision ? s.lastChangedRevision : null;
      const holder = s?.shard !== undefined ? { shard: s.shard, replica: s.holder ?? null, since: s.holderSince ?? null } : undefined;
      return { name, environment, app, path, state, note, current, versions, subject, control, fetched, ...(holder ? { holder } : {}) };
    }),
  );
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}
