// The switches the CLI and the agent share, kept next to each stack's state (StateStore
// control documents) so they hold across agent restarts and across several agents:
//
//   agent-control  {suspended?, pin?}   written by `ballast agent suspend|resume` and
//                                       `ballast rollback`; the agent only removes a pin
//   agent-seen     {revision, time}     the source revision the agent last fetched
//
// A pin says "stay on version N's config until the source moves on": it lists the revisions
// that were already there when it was set (what was applied, and what the agent had seen), and
// any other revision releases it.

import type { StateStore } from '../../state/store.ts';

export interface StackControl {
  readonly suspended?: { readonly since: string; readonly by?: string };
  readonly pin?: Pin;
}

export interface Pin {
  /** the state version whose config the stack was rolled back to */
  readonly serial: number;
  readonly since: string;
  /** source revisions that do not release the pin */
  readonly heldRevisions: string[];
}

const CONTROL = 'agent-control';
const SEEN = 'agent-seen';

function controlled(store: StateStore): Required<Pick<StateStore, 'getControl' | 'putControl'>> {
  if (!store.getControl || !store.putControl) throw new Error(`the state store ${store.description} cannot keep agent switches (suspend, rollback pins)`);
  return { getControl: store.getControl.bind(store), putControl: store.putControl.bind(store) };
}

async function readJson<T>(store: StateStore, name: string): Promise<T | null> {
  const bytes = await controlled(store).getControl(name);
  if (!bytes) return null;
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    // a torn or hand-edited document: treat as absent rather than wedge the agent
    return null;
  }
}

export async function readControl(store: StateStore): Promise<StackControl> {
  const c = await readJson<StackControl>(store, CONTROL);
  return c && typeof c === 'object' ? c : {};
}

export async function writeControl(store: StateStore, c: StackControl): Promise<void> {
  const empty = !c.suspended && !c.pin;
  await controlled(store).putControl(CONTROL, empty ? null : Buffer.from(JSON.stringify(c, null, 2) + '\n'));
}

export async function suspendStack(store: StateStore, by?: string): Promise<StackControl> {
  const c = await readControl(store);
  const next = { ...c, suspended: { since: new Date().toISOString(), ...(by ? { by } : {}) } };
  await writeControl(store, next);
  return next;
}

/** Clears the suspension and any rollback pin: the agent follows the source again. */
export async function resumeStack(store: StateStore): Promise<StackControl> {
  const before = await readControl(store);
  await writeControl(store, {});
  return before;
}

/**
 * Records that the stack was rolled back to `serial`: the revision applied before the rollback
 * and the one the agent last fetched do not undo it; a new revision does.
 */
export async function pinStack(store: StateStore, serial: number, appliedRevision: string | null | undefined): Promise<Pin> {
  const c = await readControl(store);
  const seen = await readSeenRevision(store);
  const held = [...new Set([appliedRevision, seen, ...(c.pin?.heldRevisions ?? [])].filter((r): r is string => typeof r === 'string'))];
  const pin: Pin = { serial, since: new Date().toISOString(), heldRevisions: held };
  await writeControl(store, { ...c, pin });
  return pin;
}

/** Drops the pin, keeping a suspension. */
export async function releasePin(store: StateStore): Promise<void> {
  const c = await readControl(store);
  if (c.pin) await writeControl(store, { suspended: c.suspended });
}

export async function readSeenRevision(store: StateStore): Promise<string | null> {
  const s = await readJson<{ revision?: unknown }>(store, SEEN);
  return typeof s?.revision === 'string' ? s.revision : null;
}

export async function recordSeenRevision(store: StateStore, revision: string): Promise<void> {
  await controlled(store).putControl(SEEN, Buffer.from(JSON.stringify({ revision, time: new Date().toISOString() }) + '\n'));
}

/** Whether the store can hold the switches at all (both built-in stores can). */
export const canHoldControls = (store: StateStore): boolean => typeof store.getControl === 'function' && typeof store.putControl === 'function';
