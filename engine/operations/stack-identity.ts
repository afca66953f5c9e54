// Which stack directory a stack's state belongs to. Two stack directories that end up with one
// name would silently share (and overwrite) one state, so the first one to claim a state
// records where it comes from (a control document next to the state) and another origin of
// the same kind is refused, naming both. Agent and CLI origins are recorded apart: the same
// stack is routinely applied by the agent and rolled back or planned from a checkout.
//
// A stack whose name changed (a lone main.tf.json now named after its directory) takes its
// old state along with moveStackState: the old history stays where it was, marked as moved,
// and the new name starts with a version of reason `move` holding the same resources.

import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { StateStore } from '../../state/store.ts';
import type { StateVersion } from '../../state/model.ts';

export type OriginKind = 'agent' | 'cli';

interface IdentityDoc {
  agent?: string;
  cli?: string;
  movedTo?: { stack: string; serial: number; at: string };
}

const DOC = 'stack-identity';

async function read(store: StateStore): Promise<IdentityDoc> {
  const bytes = await store.getControl?.(DOC);
  if (!bytes) return {};
  try {
    const doc = JSON.parse(bytes.toString('utf8')) as unknown;
    return doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as IdentityDoc) : {};
  } catch {
    return {};
  }
}

async function write(store: StateStore, doc: IdentityDoc): Promise<void> {
  await store.putControl?.(DOC, Buffer.from(JSON.stringify(doc, null, 2) + '\n'));
}

/** The origin recorded for `kind`, if any. */
export async function recordedOrigin(store: StateStore, kind: OriginKind): Promise<string | undefined> {
  return (await read(store))[kind];
}

/**
 * null when `where` may use the stack's state (recording it when `record` and nothing was
 * recorded yet), else a message naming both origins.
 */
export async function claimStack(store: StateStore, stack: string, kind: OriginKind, where: string, record: boolean): Promise<string | null> {
  const doc = await read(store);
  if (doc.movedTo) return `the state of stack "${stack}" was moved to stack "${doc.movedTo.stack}" (${doc.movedTo.at}); use that name`;
  const other = doc[kind];
  if (other !== undefined && other !== where) {
    return `stack "${stack}" of ${where} would share its state with stack "${stack}" of ${other} (recorded in ${store.description}); give one of them another name`;
  }
  if (other === undefined && record) await write(store, { ...doc, [kind]: where });
  return null;
}

/**
 * Carries the current version of `from` over to the empty store `to` as version 1 with reason
 * `move` (same lineage, resources, outputs and configuration), then marks `from` as moved.
 */
export async function moveStackState(from: StateStore, to: StateStore, toName: string, kind: OriginKind, where: string): Promise<StateVersion | null> {
  const current = await from.current();
  if (!current) return null;
  if (current.configDigest) {
    const config = await from.getConfig(current.configDigest);
    if (config) await to.putConfig(config);
  }
  const moved: StateVersion = {
    ...current,
    serial: 1,
    parentDigest: null,
    stack: toName,
    reason: 'move',
    time: new Date().toISOString(),
    changes: { add: 0, change: 0, destroy: 0 },
  };
  delete (moved as { rollbackOf?: number }).rollbackOf;
  await to.put(moved, { expectedSerial: null });
  const doc = await read(from);
  await write(from, { ...doc, movedTo: { stack: toName, serial: current.serial, at: new Date().toISOString() } });
  await write(to, { [kind]: where });
  return moved;
}

/**
 * Where a CLI stack comes from: its directory relative to the enclosing git work tree (the
 * same on every clone and CI runner), else the absolute directory.
 */
export function cliOrigin(dir: string): string {
  const start = resolve(dir.endsWith('.json') ? dirname(dir) : dir);
  for (let d = start; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return `directory ${relative(d, start).split(sep).join('/') || '.'} of a git work tree`;
    if (dirname(d) === d) return `directory ${start}`;
  }
}
