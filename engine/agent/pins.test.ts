import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDirStore } from '../../state/local-dir-store.ts';
import { pinStack, readControl, recordSeenRevision, releasePin, resumeStack, suspendStack } from './pins.ts';

test('suspend, pin, release and resume persist in the state directory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-pins-'));
  try {
    const store = new LocalDirStore(join(dir, 'app'), { stack: 'app' });
    assert.deepEqual(await readControl(store), {});
    await suspendStack(store, 'alice');
    const again = new LocalDirStore(join(dir, 'app'), { stack: 'app' }); // another process's view
    assert.equal((await readControl(again)).suspended?.by, 'alice');

    await recordSeenRevision(store, 'main@sha1:bbb');
    const pin = await pinStack(store, 3, 'main@sha1:aaa');
    assert.equal(pin.serial, 3);
    assert.deepEqual(pin.heldRevisions.sort(), ['main@sha1:aaa', 'main@sha1:bbb']);
    assert.ok((await readControl(again)).suspended, 'pinning keeps the suspension');

    await releasePin(store);
    const c = await readControl(again);
    assert.equal(c.pin, undefined);
    assert.ok(c.suspended);

    await pinStack(store, 2, null);
    await resumeStack(store);
    assert.deepEqual(await readControl(again), {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
