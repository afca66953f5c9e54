// A lock held as one file. Creating the file is the acquire step (create-if-absent, atomic);
// the file records who holds it and until when. A lock that expired, or whose holder is
// provably gone (see lock-holder.ts), is taken over, and the caller is told so it can warn.

import { randomUUID } from 'node:crypto';
import { link, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockHeldError } from '../engine/errors.ts';
import { createFileOnce, fsyncDir, readFileOrNull, tempPathFor, writeFileAtomic } from './atomic-file.ts';
import { currentHolder, holderIsGone } from './lock-holder.ts';
import { CorruptStateError, LockIdMismatchError, LockLostError } from '../engine/errors.ts';
import { jsonErrorWhere } from './serialize.ts';
import type { Lock, LockInfo, LockOptions } from './store.ts';

export const DEFAULT_LOCK_TTL_MS = 15 * 60 * 1000;
const POLL_MS = 100;

/** What the lock file holds: LockInfo plus what lets a later reader judge the holder's liveness. */
interface StoredLock extends LockInfo {
  readonly scope?: string;
  readonly started?: string;
}

/** Acquires the lock file at `path`. `where` describes the store for messages. */
export async function acquireFileLock(path: string, opts: LockOptions, where: string): Promise<Lock> {
  const ttlMs = opts.ttlMs ?? DEFAULT_LOCK_TTL_MS;
  const deadline = Date.now() + (opts.waitMs ?? 0);
  for (;;) {
    opts.signal?.throwIfAborted();
    const mine = newLock(opts.operation, ttlMs);
    if (await createFileOnce(path, encode(mine))) return new FileLock(path, mine, ttlMs, where);

    const held = await readStoredLock(path);
    if (held === null) continue; // released between our attempt and the read: try again
    if (isStale(held)) {
      // Move the stale file aside (only if it is still the one we judged), then create ours.
      // If someone else creates first, the next round sees their lock as held.
      if ((await removeIfId(path, held.id)) === 'removed') {
        const taken = newLock(opts.operation, ttlMs);
        if (await createFileOnce(path, encode(taken))) return new FileLock(path, taken, ttlMs, where, publicInfo(held));
      }
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new LockHeldError(publicInfo(held), where);
    await sleep(Math.min(POLL_MS, left), undefined, { signal: opts.signal });
  }
}

/** The lock recorded at `path` (stale or not), or null. */
export async function readFileLock(path: string): Promise<LockInfo | null> {
  const held = await readStoredLock(path);
  return held && publicInfo(held);
}

/** Removes the lock at `path` whatever its owner, if its id is `id`. */
export async function forceUnlockFile(path: string, id: string, where: string): Promise<void> {
  const held = await readStoredLock(path);
  if (held === null) throw new LockIdMismatchError(`no lock is held on ${where} (asked to remove lock id ${id})`);
  if (held.id !== id) {
    throw new LockIdMismatchError(`lock id ${id} does not match the current lock on ${where}: it has id ${held.id} (held by ${held.who}@${held.host}, pid ${held.pid})`);
  }
  const r = await removeIfId(path, id);
  if (r === 'other') throw new LockIdMismatchError(`the lock on ${where} changed while removing it; check it again`);
}

class FileLock implements Lock {
  private current: StoredLock;
  constructor(
    private readonly path: string,
    info: StoredLock,
    private readonly ttlMs: number,
    private readonly where: string,
    readonly tookOver?: LockInfo,
  ) {
    this.current = info;
  }

  get info(): LockInfo {
    return publicInfo(this.current);
  }

  async renew(): Promise<void> {
    const held = await readStoredLock(this.path);
    if (held?.id !== this.current.id) {
      throw new LockLostError(
        held
          ? `lock ${this.current.id} on ${this.where} was lost: it is now held by ${held.who}@${held.host} (pid ${held.pid}, lock id ${held.id})`
          : `lock ${this.current.id} on ${this.where} was lost: it was removed`,
      );
    }
    // The check and the replace are two steps; a takeover can only race with this once our
    // lock has already expired, which renewing on time prevents.
    const renewed: StoredLock = { ...this.current, expires: new Date(Date.now() + this.ttlMs).toISOString() };
    await writeFileAtomic(this.path, encode(renewed));
    this.current = renewed;
  }

  async release(): Promise<void> {
    const held = await readStoredLock(this.path);
    if (held?.id !== this.current.id) return; // not ours any more: leave whoever holds it alone
    await removeIfId(this.path, this.current.id);
  }
}

function newLock(operation: string, ttlMs: number): StoredLock {
  const me = currentHolder();
  const now = Date.now();
  return {
    id: randomUUID(),
    operation,
    who: me.who,
    host: me.host,
    pid: me.pid,
    created: new Date(now).toISOString(),
    expires: new Date(now + ttlMs).toISOString(),
    ...(me.scope ? { scope: me.scope } : {}),
    ...(me.started ? { started: me.started } : {}),
  };
}

function isStale(held: StoredLock): boolean {
  const expires = Date.parse(held.expires);
  return !(expires > Date.now()) || holderIsGone(held);
}

function publicInfo(s: StoredLock): LockInfo {
  return { id: s.id, operation: s.operation, who: s.who, host: s.host, pid: s.pid, created: s.created, expires: s.expires };
}

const encode = (l: StoredLock) => JSON.stringify(l, null, 2) + '\n';

async function readStoredLock(path: string): Promise<StoredLock | null> {
  const bytes = await readFileOrNull(path);
  return bytes === null ? null : decode(bytes, path);
}

function decode(bytes: Buffer, path: string): StoredLock {
  const origin = `lock file ${path}`;
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new CorruptStateError(origin, `not valid JSON${jsonErrorWhere(e)}; remove it if no ballast process is running`);
  }
  const o = raw as Record<string, unknown>;
  for (const k of ['id', 'operation', 'who', 'host', 'created', 'expires']) {
    if (typeof o?.[k] !== 'string') throw new CorruptStateError(origin, `${k} must be a string; remove it if no ballast process is running`);
  }
  if (typeof o.pid !== 'number') throw new CorruptStateError(origin, 'pid must be a number; remove it if no ballast process is running');
  return o as unknown as StoredLock;
}

/**
 * Compare-and-delete: moves the file aside under a unique name, then checks it is the one
 * with `id`. If it is not (it changed after our last read), it is put back with link(), which
 * fails rather than overwrite a lock someone created in the meantime.
 */
async function removeIfId(path: string, id: string): Promise<'removed' | 'absent' | 'other'> {
  const aside = tempPathFor(path);
  try {
    await rename(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw e;
  }
  let movedId: unknown;
  try {
    movedId = (JSON.parse(await readFile(aside, 'utf8')) as { id?: unknown }).id;
  } catch {
    movedId = undefined;
  }
  if (movedId !== id) {
    try {
      await link(aside, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  await unlink(aside);
  await fsyncDir(dirname(path));
  return movedId === id ? 'removed' : 'other';
}
