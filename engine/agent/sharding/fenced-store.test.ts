import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { LocalDirStore } from '../../../state/local-dir-store.ts';
import { fencedStore } from './fenced-store.ts';
import { LeaseLostError } from './stack-sharding.ts';

test('a fenced store refuses the lock and the version write once the fence fails, and reads pass', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fenced-'));
  const inner = new LocalDirStore(join(dir, 's'), { stack: 's' });
  let held = true;
  const store = fencedStore(inner, async () => {
    if (!held) throw new LeaseLostError('s', 3, 'test');
  });
  const lock = await store.lock({ operation: 'apply' });
  await lock.release();
  held = false;
  await assert.rejects(store.lock({ operation: 'apply' }), LeaseLostError);
  const version = { stack: 's', serial: 1 } as unknown as Parameters<typeof store.put>[0];
  await assert.rejects(store.put(version, { expectedSerial: null }), /no longer holds the Lease of shard 3/);
  assert.equal(await store.current(), null);
  assert.equal(await inner.currentLock(), null);
});
