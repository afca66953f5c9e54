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
}

const currentCache = new WeakMap<StateStore, { serial: number; v: CurrentVersion }>();

async function currentOf(store: StateStore): Promise<{ current: CurrentVersion | null; versions: number }> {
  const list = await store.list();
  const last = list[list.length - 1];
  if (!last) return { current: null, versions: 0 };
  const cached = currentCache.get(store);
  if (cached?.serial === last.serial) return { current: cached.v, versions: list.length };
  const full = await store.get(last.serial);
  const v: CurrentVersion = {
    serial: last.serial, time: last.time, reason: last.reason, revision: last.sourceRevision, author: full?.author ?? null, changes: last.changes,
    rollbackOf: last.rollbackOf, resources: full ? Object.keys(full.resources).length : 0,
  };
  currentCache.set(store, { serial: last.serial, v });
  return { current: v, versions: list.length };
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

export async function summarizeStacks(backend: UiBackend): Promise<StackSummary[]> {
  await backend.history?.refresh();
  const status = backend.status?.();
  const names = await backend.stacks();
  const rows = await Promise.all(names.map(async (name): Promise<StackSummary> => {
    const store = backend.store(name);
    const [{ current, versions }, control] = await Promise.all([currentOf(store), store.getControl ? readControl(store) : Promise.resolve({})]);
    const s = status?.stacks[name];
    const path = s?.path ?? null;
    const { environment, app } = placeStack(name, path, backend.labels);
    const { state, note } = stateOf(s, control, current);
    const sha = shaOf(current?.revision);
    const subject = sha && backend.history ? ((await backend.history.commit(sha))?.subject ?? null) : null;
    const fetched = s?.lastChangedRevision && s.lastChangedRevision !== current?.revision ? s.lastChangedRevision : null;
    return { name, environment, app, path, state, note, current, versions, subject, control, fetched };
  }));
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}
