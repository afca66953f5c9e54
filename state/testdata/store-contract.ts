// The StateStore contract: what every store promises the engine, as one test suite that each
// store runs against a fresh instance of itself (state/local-dir-store.test.ts on a directory,
// test/s3-store.test.ts on a moto bucket). A store's own tests cover only what is particular
// to it (files on disk, S3 versioning, crashes).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LockHeldError, LockIdMismatchError, StateConflictError } from '../../engine/errors.ts';
import type { StateVersion } from '../model.ts';
import { digestOf, serializeState } from '../serialize.ts';
import type { StateStore } from '../store.ts';
import { sampleVersion } from './sample-version.ts';

export interface ContractStores {
  /** a new, empty store */
  fresh(): Promise<StateStore>;
  /** a second handle on the same state (another process would open this) */
  again(store: StateStore): Promise<StateStore>;
}

/** the version after `cur`, correctly chained */
function next(cur: StateVersion | null, extra: Partial<StateVersion> = {}): StateVersion {
  return sampleVersion((cur?.serial ?? 0) + 1, cur ? digestOf(serializeState(cur)) : null, extra);
}

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function stateStoreContract(name: string, stores: ContractStores): void {
  describe(`${name} keeps the StateStore contract`, () => {
    test('an empty store has no current version, no versions, no lock, no journals', async () => {
      const store = await stores.fresh();
      assert.equal(await store.current(), null);
      assert.deepEqual(await store.list(), []);
      assert.equal(await store.get(1), null);
      assert.equal(await store.currentLock(), null);
      assert.deepEqual(await store.pendingJournals(), []);
    });

    test('put, get, list and current', async () => {
      const store = await stores.fresh();
      const v1 = next(null);
      const v2 = next(v1, { changes: { add: 0, change: 1, destroy: 0 } });
      const info1 = await store.put(v1, { expectedSerial: null });
      const info2 = await store.put(v2, { expectedSerial: 1 });
      assert.equal(info1.serial, 1);
      assert.equal(info2.serial, 2);
      assert.deepEqual(await store.current(), plain(v2));
      assert.deepEqual(await store.get(1), plain(v1));
      assert.equal(await store.get(3), null);
      const list = await store.list();
      assert.deepEqual(
        list.map((i) => i.serial),
        [1, 2],
      );
      assert.deepEqual(
        list.map((i) => i.changes.change),
        [0, 1],
      );
      assert.equal(v2.parentDigest, list[0].digest);
    });

    test('a stale expectedSerial is a StateConflictError and writes nothing', async () => {
      const store = await stores.fresh();
      const v1 = next(null);
      await store.put(v1, { expectedSerial: null });
      // another writer's view: it read an empty state and writes version 1 again
      await assert.rejects(store.put(next(null), { expectedSerial: null }), StateConflictError);
      assert.deepEqual(
        (await store.list()).map((i) => i.serial),
        [1],
      );
      assert.deepEqual(await store.current(), plain(v1));
    });

    test('concurrent puts with the same expectedSerial: exactly one wins, the others conflict', async () => {
      const store = await stores.fresh();
      const others = await Promise.all([stores.again(store), stores.again(store)]);
      // each writer's version differs: a store may take an identical version as its own retried write
      const reasons = ['apply', 'refresh', 'import'] as const;
      const results = await Promise.allSettled([store, ...others].map((s, i) => s.put(next(null, { reason: reasons[i] }), { expectedSerial: null })));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      for (const r of results) if (r.status === 'rejected') assert.ok(r.reason instanceof StateConflictError, String(r.reason));
      assert.deepEqual(
        (await store.list()).map((i) => i.serial),
        [1],
      );
    });

    test('config snapshots are content-addressed and idempotent', async () => {
      const store = await stores.fresh();
      const bytes = Buffer.from('{"resource":{}}');
      const digest = await store.putConfig(bytes);
      assert.match(digest, /^sha256:[0-9a-f]{64}$/);
      assert.equal(await store.putConfig(Buffer.from(bytes)), digest);
      assert.deepEqual(await store.getConfig(digest), bytes);
      assert.equal(await store.getConfig(`sha256:${'0'.repeat(64)}`), null);
    });

    test('lock, currentLock, renew and release', async () => {
      const store = await stores.fresh();
      const lock = await store.lock({ operation: 'apply', ttlMs: 60_000 });
      assert.equal(lock.tookOver, undefined);
      assert.equal(lock.info.operation, 'apply');
      assert.equal(lock.info.pid, process.pid);
      assert.deepEqual(await store.currentLock(), lock.info);
      const firstExpiry = lock.info.expires;
      await new Promise((r) => setTimeout(r, 5));
      await lock.renew();
      assert.ok(Date.parse(lock.info.expires) > Date.parse(firstExpiry));
      await lock.release();
      assert.equal(await store.currentLock(), null);
    });

    test('a held lock is a LockHeldError naming it; waitMs waits until it is released', async () => {
      const store = await stores.fresh();
      const other = await stores.again(store);
      const first = await store.lock({ operation: 'apply' });
      await assert.rejects(other.lock({ operation: 'plan' }), (e: Error) => e instanceof LockHeldError && e.message.includes(first.info.id));
      const waiting = other.lock({ operation: 'plan', waitMs: 30_000 });
      setTimeout(() => void first.release(), 150);
      const second = await waiting;
      assert.equal(second.tookOver, undefined);
      assert.equal((await store.currentLock())?.id, second.info.id);
      await second.release();
    });

    test('forceUnlock removes only the lock with the given id', async () => {
      const store = await stores.fresh();
      const lock = await store.lock({ operation: 'apply' });
      await assert.rejects(store.forceUnlock('wrong-id'), LockIdMismatchError);
      assert.equal((await store.currentLock())?.id, lock.info.id);
      await store.forceUnlock(lock.info.id);
      assert.equal(await store.currentLock(), null);
    });

    test('journals: entries appended before close are pending until discarded', async () => {
      const store = await stores.fresh();
      const j = await store.openJournal('apply-1');
      await j.append({ kind: 'intent', address: 'null_resource.a', operation: 'create', prior: null, planned: { triggers: null }, provider: 'null', dependencies: [], schemaVersion: 0, time: 't1' });
      await j.append({ kind: 'done', address: 'null_resource.a', operation: 'create', state: null, time: 't2' });
      await j.close();
      const pending = await (await stores.again(store)).pendingJournals();
      assert.deepEqual(
        pending.map((p) => p.applyId),
        ['apply-1'],
      );
      assert.deepEqual(
        pending[0].entries.map((e) => e.kind),
        ['intent', 'done'],
      );
      await store.discardJournal('apply-1');
      assert.deepEqual(await store.pendingJournals(), []);
    });

    test('control documents: written, read back by another handle, deleted with null', async () => {
      const store = await stores.fresh();
      assert.ok(store.getControl && store.putControl, 'this store keeps control documents');
      assert.equal(await store.getControl('agent-pin'), null);
      await store.putControl('agent-pin', Buffer.from('{"serial":1}'));
      assert.deepEqual(await (await stores.again(store)).getControl?.('agent-pin'), Buffer.from('{"serial":1}'));
      await store.putControl('agent-pin', null);
      assert.equal(await store.getControl('agent-pin'), null);
    });
  });
}
