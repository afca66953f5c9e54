import { after as afterAll, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorruptStateError, LockHeldError, LockIdMismatchError, LockLostError, StateConflictError } from '../engine/errors.ts';
import { LocalDirStore } from './local-dir-store.ts';
import { digestOf, serializeState } from './serialize.ts';
import { readJournalFile } from './file-journal.ts';
import { sampleVersion } from './testdata/sample-version.ts';
import { stateStoreContract } from './testdata/store-contract.ts';
import { exited, lineReader, spawnScript } from './testdata/spawn-child.ts';
import type { StateVersion } from './model.ts';
import type { StateStore } from './store.ts';

async function withStore(fn: (store: LocalDirStore, dir: string) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'ballast-local-store-'));
  try {
    await fn(new LocalDirStore(dir, { stack: 'app' }), dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const contractDirs = new Map<StateStore, string>();
stateStoreContract('LocalDirStore', {
  fresh: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ballast-local-contract-'));
    const store = new LocalDirStore(dir, { stack: 'app' });
    contractDirs.set(store, dir);
    return store;
  },
  again: async (store) => new LocalDirStore(contractDirs.get(store)!, { stack: 'app' }),
});
afterAll(async () => {
  for (const d of contractDirs.values()) await rm(d, { recursive: true, force: true });
});

/** the version after `cur`, correctly chained */
function after(cur: StateVersion | null, extra: Partial<StateVersion> = {}): StateVersion {
  return sampleVersion((cur?.serial ?? 0) + 1, cur ? digestOf(serializeState(cur)) : null, extra);
}

async function putMany(store: LocalDirStore, n: number): Promise<StateVersion[]> {
  const out: StateVersion[] = [];
  let cur = await store.current();
  for (let i = 0; i < n; i++) {
    const next = after(cur, { changes: { add: i, change: 0, destroy: 0 } });
    await store.put(next, { expectedSerial: cur?.serial ?? null });
    out.push(next);
    cur = next;
  }
  return out;
}

test('an empty store has no current version, no versions, no lock', () =>
  withStore(async (store) => {
    assert.equal(await store.current(), null);
    assert.deepEqual(await store.list(), []);
    assert.equal(await store.get(1), null);
    assert.equal(await store.currentLock(), null);
    assert.deepEqual(await store.pendingJournals(), []);
  }));

test('put, get, list and current', () =>
  withStore(async (store, dir) => {
    const versions = await putMany(store, 3);
    assert.deepEqual(await store.current(), JSON.parse(JSON.stringify(versions[2])));
    assert.deepEqual(await store.get(2), JSON.parse(JSON.stringify(versions[1])));
    assert.equal(await store.get(4), null);
    const list = await store.list();
    assert.deepEqual(
      list.map((i) => i.serial),
      [1, 2, 3],
    );
    assert.deepEqual(
      list.map((i) => i.changes.add),
      [0, 1, 2],
    );
    assert.equal(list[1].digest, digestOf(await readFile(join(dir, 'versions', '00000002.json'))));
    assert.equal(versions[2].parentDigest, list[1].digest);
    assert.deepEqual(JSON.parse(await readFile(join(dir, 'current.json'), 'utf8')), { serial: 3, digest: list[2].digest });
  }));

test('put with a stale expectedSerial fails with StateConflictError', () =>
  withStore(async (store) => {
    const [v1] = await putMany(store, 2);
    await assert.rejects(store.put(after(v1), { expectedSerial: 1 }), (e: Error) => e instanceof StateConflictError && /state changed since it was read: expected serial 1, found 2/.test(e.message));
    await assert.rejects(store.put(after(null), { expectedSerial: null }), /expected serial none \(empty state\), found 2/);
    assert.equal((await store.current())?.serial, 2);
  }));

test('put refuses a wrong serial, parent digest, lineage or stack', () =>
  withStore(async (store) => {
    const [v1] = await putMany(store, 1);
    await assert.rejects(store.put({ ...after(v1), serial: 3 }, { expectedSerial: 1 }), /serial 3, but the version after 1 must be 2/);
    await assert.rejects(store.put({ ...after(v1), parentDigest: 'sha256:' + '0'.repeat(64) }, { expectedSerial: 1 }), /parent digest/);
    await assert.rejects(store.put({ ...after(v1), lineage: 'other' }, { expectedSerial: 1 }), /lineage other/);
    await assert.rejects(store.put({ ...after(v1), stack: 'db' }, { expectedSerial: 1 }), /stack "db"/);
    assert.deepEqual(
      (await store.list()).map((i) => i.serial),
      [1],
    );
  }));

test('versions are write-once: an existing serial is never overwritten', () =>
  withStore(async (store, dir) => {
    const [, v2] = await putMany(store, 2);
    const before = await readFile(join(dir, 'versions', '00000002.json'));
    // simulate a writer that read serial 1 just before serial 2 was stored, with the pointer lagging
    await writeFile(join(dir, 'current.json'), JSON.stringify({ serial: 1, digest: (await store.list())[0].digest }));
    const v1 = (await store.get(1))!;
    await assert.rejects(store.put(after(v1, { author: 'late' }), { expectedSerial: 1 }), StateConflictError);
    assert.deepEqual(await readFile(join(dir, 'versions', '00000002.json')), before);
    assert.equal((await store.current())?.author, v2.author);
  }));

test('two concurrent puts in one process with the same expectedSerial: exactly one wins', () =>
  withStore(async (store, dir) => {
    const [v1] = await putMany(store, 1);
    const other = new LocalDirStore(dir);
    const results = await Promise.allSettled([store.put(after(v1, { author: 'a' }), { expectedSerial: 1 }), other.put(after(v1, { author: 'b' }), { expectedSerial: 1 })]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(lost.reason instanceof StateConflictError, String(lost.reason));
    assert.deepEqual(
      (await store.list()).map((i) => i.serial),
      [1, 2],
    );
  }));

test('two processes put with the same expectedSerial: exactly one succeeds, one conflicts', { timeout: 60_000 }, () =>
  withStore(async (store, dir) => {
    await putMany(store, 1);
    const children = ['a', 'b'].map((tag) => spawnScript('racing-put.ts', [dir, tag]));
    const readers = children.map(lineReader);
    try {
      await Promise.all(readers.map((r) => r.waitFor(/^ready$/)));
      for (const c of children) c.stdin.write('go\n');
      const outcomes = await Promise.all(readers.map((r) => r.waitFor(/^(ok|conflict) /)));
      assert.equal(outcomes.filter((o) => o.startsWith('ok 2')).length, 1, outcomes.join('\n'));
      assert.equal(outcomes.filter((o) => o.startsWith('conflict state changed since it was read')).length, 1, outcomes.join('\n'));
      assert.deepEqual(
        (await store.list()).map((i) => i.serial),
        [1, 2],
      );
    } finally {
      for (const c of children) c.kill('SIGKILL');
      await Promise.all(children.map(exited));
    }
  }),
);

test('current() prefers the newest durable version when the pointer lags behind', () =>
  withStore(async (store, dir) => {
    const versions = await putMany(store, 3);
    await writeFile(join(dir, 'current.json'), JSON.stringify({ serial: 1, digest: (await store.list())[0].digest }));
    assert.equal((await store.current())?.serial, 3);
    await unlink(join(dir, 'current.json'));
    assert.equal((await store.current())?.serial, 3);
    const v4 = after(versions[2]);
    await store.put(v4, { expectedSerial: 3 });
    assert.equal((await store.current())?.serial, 4);
  }));

test('list() rebuilds its index when the index is missing, torn or behind', () =>
  withStore(async (store, dir) => {
    await putMany(store, 5);
    const full = await store.list();
    await unlink(join(dir, 'index.jsonl'));
    assert.deepEqual(await store.list(), full);
    const lines = (await readFile(join(dir, 'index.jsonl'), 'utf8')).split('\n');
    await writeFile(join(dir, 'index.jsonl'), lines.slice(0, 2).join('\n') + '\n{"serial":3,"tim');
    assert.deepEqual(await store.list(), full);
  }));

test('list() over 1,000 versions uses the index', { timeout: 120_000 }, () =>
  withStore(async (store) => {
    await putMany(store, 1000);
    const started = process.hrtime.bigint();
    const list = await store.list();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(list.length, 1000);
    assert.deepEqual(
      list.map((i) => i.serial),
      Array.from({ length: 1000 }, (_, i) => i + 1),
    );
    console.log(`# list() of 1000 versions took ${ms.toFixed(1)} ms`);
  }),
);

test('a corrupt version file gives an error naming the file', () =>
  withStore(async (store, dir) => {
    await putMany(store, 2);
    const path = join(dir, 'versions', '00000002.json');
    await writeFile(path, '{"formatVersion": 1, "serial": ');
    await assert.rejects(store.current(), (e: Error) => e instanceof CorruptStateError && e.message.startsWith(`state version file ${path} is corrupt: not valid JSON`));
    await assert.rejects(store.get(2), new RegExp(`${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is corrupt`));
    await writeFile(path, serializeState(sampleVersion(7, 'sha256:x')));
    await assert.rejects(store.get(2), /is corrupt: it holds serial 7/);
  }));

test('config snapshots are content-addressed and idempotent', () =>
  withStore(async (store, dir) => {
    const a = await store.putConfig(Buffer.from('{"resource":{}}'));
    const again = await store.putConfig(Buffer.from('{"resource":{}}'));
    const b = await store.putConfig(Buffer.from('{"resource":{"x":1}}'));
    assert.equal(a, again);
    assert.notEqual(a, b);
    assert.match(a, /^sha256:[0-9a-f]{64}$/);
    assert.equal((await store.getConfig(a))?.toString(), '{"resource":{}}');
    assert.equal(await store.getConfig('sha256:' + 'f'.repeat(64)), null);
    assert.deepEqual((await readdir(join(dir, 'configs'))).sort(), [a, b].map((d) => d.slice(7) + '.json').sort());
    await assert.rejects(store.getConfig('sha256:../../etc'), /not a sha256 digest/);
    await writeFile(join(dir, 'configs', a.slice(7) + '.json'), 'tampered');
    await assert.rejects(store.getConfig(a), CorruptStateError);
  }));

// ---- locks ----

test('lock, currentLock, renew and release', () =>
  withStore(async (store) => {
    const lock = await store.lock({ operation: 'apply', ttlMs: 60_000 });
    assert.equal(lock.tookOver, undefined);
    assert.equal(lock.info.pid, process.pid);
    assert.equal(lock.info.host, hostname());
    assert.equal(lock.info.operation, 'apply');
    assert.deepEqual(await store.currentLock(), lock.info);
    const firstExpiry = lock.info.expires;
    await new Promise((r) => setTimeout(r, 5));
    await lock.renew();
    assert.ok(Date.parse(lock.info.expires) > Date.parse(firstExpiry));
    assert.deepEqual(await store.currentLock(), lock.info);
    await lock.release();
    assert.equal(await store.currentLock(), null);
  }));

test('a live holder in this process blocks another lock until released (waitMs)', () =>
  withStore(async (store, dir) => {
    const first = await store.lock({ operation: 'apply' });
    const other = new LocalDirStore(dir);
    await assert.rejects(other.lock({ operation: 'plan' }), (e: Error) => e instanceof LockHeldError && e.message.includes(first.info.id));
    const waiting = other.lock({ operation: 'plan', waitMs: 30_000 });
    setTimeout(() => void first.release(), 150);
    const second = await waiting;
    assert.notEqual(second.info.id, first.info.id);
    assert.equal(second.tookOver, undefined);
    await second.release();
  }));

test('waiting for a lock stops when the signal aborts', () =>
  withStore(async (store, dir) => {
    const first = await store.lock({ operation: 'apply' });
    const ac = new AbortController();
    const waiting = new LocalDirStore(dir).lock({ operation: 'plan', waitMs: 60_000, signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    await assert.rejects(waiting, { name: 'AbortError' });
    await first.release();
  }));

test('release() and renew() do not touch a lock that is no longer ours', () =>
  withStore(async (store, dir) => {
    const mine = await store.lock({ operation: 'apply' });
    await store.forceUnlock(mine.info.id);
    const theirs = await new LocalDirStore(dir).lock({ operation: 'apply' });
    await mine.release();
    assert.equal((await store.currentLock())?.id, theirs.info.id);
    await assert.rejects(mine.renew(), (e: Error) => e instanceof LockLostError && e.message.includes(theirs.info.id));
    await theirs.release();
  }));

test('an expired lock is taken over and reported in tookOver', () =>
  withStore(async (store, dir) => {
    const old = await store.lock({ operation: 'apply', ttlMs: 1 });
    await new Promise((r) => setTimeout(r, 10));
    const next = await new LocalDirStore(dir).lock({ operation: 'apply' });
    assert.deepEqual(next.tookOver, old.info);
    assert.equal((await store.currentLock())?.id, next.info.id);
    await old.release(); // must not remove the new holder's lock
    assert.equal((await store.currentLock())?.id, next.info.id);
    await next.release();
  }));

test('forceUnlock removes only the named lock', () =>
  withStore(async (store) => {
    await assert.rejects(store.forceUnlock('nope'), (e: Error) => e instanceof LockIdMismatchError && /no lock is held/.test(e.message));
    const lock = await store.lock({ operation: 'apply' });
    await assert.rejects(store.forceUnlock('wrong-id'), (e: Error) => e instanceof LockIdMismatchError && e.message.includes(`it has id ${lock.info.id}`));
    assert.equal((await store.currentLock())?.id, lock.info.id);
    await store.forceUnlock(lock.info.id);
    assert.equal(await store.currentLock(), null);
  }));

test('a lock held by another live process fails with LockHeldError naming it; once that process dies its lock is taken over', { timeout: 60_000 }, () =>
  withStore(async (store, dir) => {
    const child = spawnScript('hold-lock.ts', [dir]);
    try {
      const line = await lineReader(child).waitFor(/^locked /);
      const held = JSON.parse(line.slice('locked '.length));
      assert.equal(held.pid, child.pid);
      await assert.rejects(
        store.lock({ operation: 'apply' }),
        (e: Error) => e instanceof LockHeldError && e.message.includes(`(pid ${child.pid})`) && e.message.includes(held.id) && e.message.includes(held.who),
      );
      child.kill('SIGKILL');
      await exited(child);
      const lock = await store.lock({ operation: 'apply' });
      assert.equal(lock.tookOver?.id, held.id);
      assert.equal(lock.tookOver?.pid, child.pid);
      await lock.release();
    } finally {
      child.kill('SIGKILL');
      await exited(child);
    }
  }),
);

test('a lock of another host is never judged dead by pid', () =>
  withStore(async (store, dir) => {
    const info = { id: 'x-1', operation: 'apply', who: 'someone', host: 'some-other-host', pid: 999_999_999, created: new Date().toISOString(), expires: new Date(Date.now() + 60_000).toISOString() };
    await writeFile(join(dir, 'lock.json'), JSON.stringify(info));
    await assert.rejects(store.lock({ operation: 'apply' }), LockHeldError);
    await writeFile(join(dir, 'lock.json'), JSON.stringify({ ...info, host: hostname() }));
    const lock = await store.lock({ operation: 'apply' });
    assert.equal(lock.tookOver?.id, 'x-1');
    await lock.release();
  }));

// ---- journal ----

test('journals: append, pending, torn last line, discard', () =>
  withStore(async (store, dir) => {
    const j = await store.openJournal('apply-1');
    await j.append({ kind: 'intent', address: 'null_resource.a', operation: 'create', prior: null, planned: { triggers: null }, provider: 'null', dependencies: [], schemaVersion: 0, time: 't1' });
    await j.append({ kind: 'done', address: 'null_resource.a', operation: 'create', state: null, time: 't2' });
    await j.close();
    const path = join(dir, 'journal', 'apply-1.jsonl');
    await writeFile(path, (await readFile(path, 'utf8')) + '{"kind":"intent","addr');
    const pending = await store.pendingJournals();
    assert.equal(pending.length, 1);
    assert.equal(pending[0].applyId, 'apply-1');
    assert.deepEqual(
      pending[0].entries.map((e) => e.kind),
      ['intent', 'done'],
    );
    // reopening cuts the torn fragment off so new lines stay readable
    const again = await store.openJournal('apply-1');
    await again.append({ kind: 'failed', address: 'null_resource.b', operation: 'create', state: null, error: 'boom', time: 't3' });
    await again.close();
    assert.deepEqual(
      (await readJournalFile(path)).map((e) => e.kind),
      ['intent', 'done', 'failed'],
    );
    await store.discardJournal('apply-1');
    assert.deepEqual(await store.pendingJournals(), []);
    await assert.rejects(store.openJournal('../escape'), /not a safe file name/);
  }));

// ---- crashes ----

test('SIGKILL mid-write never leaves a torn version, pointer, config or acknowledged journal entry', { timeout: 120_000 }, () =>
  withStore(async (store, dir) => {
    let maxAckedSerial = 0;
    for (let round = 0; round < 6; round++) {
      const applyId = `crash-${round}`;
      const child = spawnScript('crash-writer.ts', [dir, applyId]);
      const reader = lineReader(child);
      try {
        // kill once the child acknowledged a new version (1 to 3 past the last round's): its
        // writers never pause, so the kill lands in the middle of later writes, at a different
        // point each round, and the version the assertions below need is known to exist
        await reader.waitFor(/^j \d+$/);
        await reader.waitFor(new RegExp(`^v ${maxAckedSerial + 1 + (round % 3)}$`));
      } finally {
        child.kill('SIGKILL');
        await exited(child);
      }
      const acked = reader.lines;
      for (const l of acked) if (l.startsWith('v ')) maxAckedSerial = Math.max(maxAckedSerial, Number(l.slice(2)));
      const ackedSeqs = acked.filter((l) => l.startsWith('j ')).map((l) => Number(l.slice(2)));

      const reopened = new LocalDirStore(dir);
      const cur = await reopened.current();
      assert.ok(cur, `round ${round}: a current version exists`);
      assert.ok(cur.serial >= maxAckedSerial, `round ${round}: acknowledged serial ${maxAckedSerial} survived (current ${cur.serial})`);
      const list = await reopened.list();
      assert.deepEqual(
        list.map((i) => i.serial),
        Array.from({ length: cur.serial }, (_, i) => i + 1),
      );
      let parent: string | null = null;
      for (const info of list) {
        const v = await reopened.get(info.serial);
        assert.equal(v?.parentDigest, parent, `serial ${info.serial} chains to its parent`);
        assert.ok(v?.configDigest && (await reopened.getConfig(v.configDigest)), `serial ${info.serial} config snapshot readable`);
        parent = info.digest;
      }
      const journal = (await reopened.pendingJournals()).find((p) => p.applyId === applyId);
      assert.ok(journal, `round ${round}: journal exists`);
      const present = new Set(journal.entries.map((e) => Number(e.time)));
      for (const s of ackedSeqs) assert.ok(present.has(s), `round ${round}: acknowledged journal entry ${s} is present`);
    }
    assert.ok(maxAckedSerial > 0, 'the writer stored at least one version');
    await store.sweep();
  }),
);
