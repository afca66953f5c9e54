// The S3 store's lock: one object `<key>.lock` holding the holder's LockInfo as JSON, created
// with If-None-Match: * so exactly one writer wins. An expired lock (or one whose holder is
// provably gone) is replaced with If-Match on the ETag that was read, so two takers cannot
// both win either. Renew and release are conditional on our own ETag.

import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { LockHeldError } from '../engine/errors.ts';
import { currentHolder, holderIsGone } from './lock-holder.ts';
import { CorruptStateError, LockIdMismatchError, LockLostError } from '../engine/errors.ts';
import { getObject, isConditionFailed, isNotFound } from './s3-objects.ts';
import type { Lock, LockInfo, LockOptions } from './store.ts';

const DEFAULT_TTL_MS = 15 * 60 * 1000;
const POLL_MS = 500;

export interface S3LockPlace {
  readonly s3: S3Client;
  readonly bucket: string;
  readonly key: string;
  /** for messages, e.g. s3://bucket/key.lock */
  readonly where: string;
  readonly sse: Record<string, string>;
}

/** What is stored: LockInfo plus the holder scope used to tell whether it is provably gone. */
type StoredLock = LockInfo & { scope?: string; started?: string };

interface ReadLock {
  readonly info: StoredLock;
  readonly etag: string;
}

export async function readLock(place: S3LockPlace): Promise<ReadLock | null> {
  const got = await getObject(place.s3, place.bucket, place.key);
  if (!got) return null;
  const origin = `lock object ${place.where}`;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(got.bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new CorruptStateError(origin, 'not valid JSON; delete the object if no ballast process is running');
  }
  for (const k of ['id', 'operation', 'who', 'host', 'created', 'expires']) {
    if (typeof raw?.[k] !== 'string') throw new CorruptStateError(origin, `${k} must be a string; delete the object if no ballast process is running`);
  }
  if (typeof raw.pid !== 'number') throw new CorruptStateError(origin, 'pid must be a number; delete the object if no ballast process is running');
  return { info: raw as unknown as StoredLock, etag: got.etag };
}

/** Writes the lock body; `condition` decides create-only or replace-exactly-this. Returns the new ETag. */
async function writeLock(place: S3LockPlace, info: StoredLock, condition: { IfNoneMatch: '*' } | { IfMatch: string }): Promise<string> {
  const res = await place.s3.send(
    new PutObjectCommand({
      Bucket: place.bucket,
      Key: place.key,
      Body: JSON.stringify(info, null, 2) + '\n',
      ContentType: 'application/json',
      ...place.sse,
      ...condition,
    }),
  );
  return res.ETag ?? '';
}

const expired = (info: LockInfo, now: number) => Date.parse(info.expires) <= now;

export async function acquireLock(place: S3LockPlace, opts: LockOptions): Promise<Lock> {
  const ttl = opts.ttlMs ?? DEFAULT_TTL_MS;
  const deadline = Date.now() + (opts.waitMs ?? 0);
  const me = currentHolder();
  const fresh = (): StoredLock => {
    const now = Date.now();
    return {
      id: randomUUID(),
      operation: opts.operation,
      who: me.who,
      host: me.host,
      pid: me.pid,
      created: new Date(now).toISOString(),
      expires: new Date(now + ttl).toISOString(),
      ...(me.scope ? { scope: me.scope } : {}),
      ...(me.started ? { started: me.started } : {}),
    };
  };

  for (;;) {
    opts.signal?.throwIfAborted();
    const info = fresh();
    try {
      const etag = await writeLock(place, info, { IfNoneMatch: '*' });
      return new S3HeldLock(place, info, etag, ttl);
    } catch (e) {
      if (!isConditionFailed(e)) throw e;
    }
    const held = await readLock(place);
    if (!held) continue; // released between our write and read: try again
    if (expired(held.info, Date.now()) || holderIsGone(held.info)) {
      try {
        const etag = await writeLock(place, info, { IfMatch: held.etag });
        return new S3HeldLock(place, info, etag, ttl, publicInfo(held.info));
      } catch (e) {
        // another taker replaced or removed it first; look again
        if (isConditionFailed(e) || isNotFound(e)) continue;
        throw e;
      }
    }
    if (Date.now() >= deadline) throw new LockHeldError(held.info, place.where);
    await sleep(Math.min(POLL_MS, deadline - Date.now()), opts.signal);
  }
}

function publicInfo(info: StoredLock): LockInfo {
  const { id, operation, who, host, pid, created, expires } = info;
  return { id, operation, who, host, pid, created, expires };
}

class S3HeldLock implements Lock {
  constructor(
    private readonly place: S3LockPlace,
    private stored: StoredLock,
    private etag: string,
    private readonly ttlMs: number,
    readonly tookOver?: LockInfo,
  ) {}

  get info(): LockInfo {
    return publicInfo(this.stored);
  }

  async renew(): Promise<void> {
    const next = { ...this.stored, expires: new Date(Date.now() + this.ttlMs).toISOString() };
    try {
      this.etag = await writeLock(this.place, next, { IfMatch: this.etag });
      this.stored = next;
    } catch (e) {
      if (!isConditionFailed(e) && !isNotFound(e)) throw e;
      const held = await readLock(this.place);
      throw new LockLostError(
        held
          ? `lock ${this.stored.id} on ${this.place.where} was lost: it is now held by ${held.info.who}@${held.info.host} (pid ${held.info.pid}, lock id ${held.info.id})`
          : `lock ${this.stored.id} on ${this.place.where} was lost: it was removed`,
      );
    }
  }

  async release(): Promise<void> {
    const now = await readLock(this.place);
    // Someone force-unlocked or took over after our expiry: their lock is not ours to remove.
    if (!now || now.info.id !== this.stored.id) return;
    await deleteLock(this.place, now.etag);
  }
}

/** Deletes the lock only if it is still the version we read; false when it changed meanwhile. */
async function deleteLock(place: S3LockPlace, etag: string): Promise<boolean> {
  try {
    await place.s3.send(new DeleteObjectCommand({ Bucket: place.bucket, Key: place.key, IfMatch: etag }));
    return true;
  } catch (e) {
    if (isConditionFailed(e) || isNotFound(e)) return false;
    throw e;
  }
}

export async function currentLock(place: S3LockPlace): Promise<LockInfo | null> {
  const held = await readLock(place);
  return held ? publicInfo(held.info) : null;
}

export async function forceUnlock(place: S3LockPlace, id: string): Promise<void> {
  const held = await readLock(place);
  if (!held) throw new LockIdMismatchError(`no lock is held on ${place.where} (asked to remove lock id ${id})`);
  if (held.info.id !== id) {
    const h = held.info;
    throw new LockIdMismatchError(`lock id ${id} does not match the current lock on ${place.where}: it has id ${h.id} (held by ${h.who}@${h.host}, pid ${h.pid})`);
  }
  if (!(await deleteLock(place, held.etag))) {
    throw new LockIdMismatchError(`the lock on ${place.where} changed while removing it; check it again`);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
