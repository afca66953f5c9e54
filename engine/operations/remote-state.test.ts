import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDirStore } from '../../state/local-dir-store.ts';
import { nextStateVersion } from './state-version.ts';
import { remoteStateReader } from './remote-state.ts';
import { Sensitive } from '../lang/value.ts';

test('cross-stack outputs keep their sensitive mark; a stack without state reads as unknown (null)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'remote-state-'));
  try {
    const store = new LocalDirStore(join(dir, 'base'), { stack: 'base' });
    const v = nextStateVersion({
      stack: 'base',
      previous: null,
      previousDigest: null,
      instances: new Map(),
      reason: 'apply',
      changes: { add: 0, change: 0, destroy: 0 },
      sourceRevision: null,
      configDigest: null,
      outputs: {
        'cross-stack-output-pw': { value: 'hunter2', sensitive: true, valueSensitive: true },
        // cdktf declares every cross-stack output sensitive, also plain ones
        'cross-stack-output-name': { value: 'pet', sensitive: true, valueSensitive: false },
        declared: { value: 'x', sensitive: true },
      },
    });
    await store.put(v, { expectedSerial: null });
    const read = remoteStateReader((s) => (s === 'base' ? store : new LocalDirStore(join(dir, s), { stack: s })));
    const outputs = await read('cross-stack-reference-input-base', 'local', {});
    assert.ok(outputs);
    assert.ok(outputs['cross-stack-output-pw'] instanceof Sensitive);
    assert.equal(outputs['cross-stack-output-name'], 'pet');
    assert.ok(outputs.declared instanceof Sensitive);
    assert.equal(await read('cross-stack-reference-input-other', 'local', {}), null);
    await assert.rejects(read('something-else', 's3', {}), /only between stacks of the same app/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
