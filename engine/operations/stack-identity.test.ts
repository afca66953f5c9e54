import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDirStore } from '../../state/local-dir-store.ts';
import { nextStateVersion } from './state-version.ts';
import { claimStack, cliOrigin, moveStackState, recordedOrigin } from './stack-identity.ts';

test('the first origin claims a state; another origin of the same kind is refused naming both; kinds are apart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stack-identity-'));
  try {
    const store = new LocalDirStore(join(dir, 'main'), { stack: 'main' });
    assert.equal(await claimStack(store, 'main', 'cli', 'directory a', false), null);
    assert.equal(await recordedOrigin(store, 'cli'), undefined, 'a plan records nothing');
    assert.equal(await claimStack(store, 'main', 'cli', 'directory a', true), null);
    assert.equal(await claimStack(store, 'main', 'cli', 'directory a', true), null);
    assert.equal(
      await claimStack(store, 'main', 'cli', 'directory b', true),
      'stack "main" of directory b would share its state with stack "main" of directory a (recorded in ' + store.description + '); give one of them another name',
    );
    assert.equal(await claimStack(store, 'main', 'agent', 'git x (main) b', true), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a move carries the current version over as version 1 of reason move, and retires the old name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stack-identity-'));
  try {
    const from = new LocalDirStore(join(dir, 'main'), { stack: 'main' });
    const to = new LocalDirStore(join(dir, 'infra'), { stack: 'infra' });
    const configDigest = await from.putConfig(Buffer.from('{"resource":{}}'));
    const v1 = nextStateVersion({
      stack: 'main',
      previous: null,
      previousDigest: null,
      instances: new Map(),
      outputs: { x: { value: 1, sensitive: false } as never },
      reason: 'apply',
      changes: { add: 0, change: 0, destroy: 0 },
      sourceRevision: 'main@sha1:abc',
      configDigest,
    });
    await from.put(v1, { expectedSerial: null });
    const moved = await moveStackState(from, to, 'infra', 'agent', 'git x (main) infra');
    assert.deepEqual([moved?.serial, moved?.reason, moved?.stack, moved?.lineage, moved?.sourceRevision], [1, 'move', 'infra', v1.lineage, 'main@sha1:abc']);
    assert.deepEqual((await to.current())?.outputs, v1.outputs);
    assert.ok(await to.getConfig(configDigest), 'the recorded configuration travels along (rollback needs it)');
    assert.equal(await recordedOrigin(to, 'agent'), 'git x (main) infra');
    assert.match((await claimStack(from, 'main', 'cli', 'anything', true))!, /the state of stack "main" was moved to stack "infra"/);
    assert.equal((await from.current())?.serial, 1, 'the old history stays');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a CLI origin is the directory relative to its git work tree', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stack-identity-'));
  try {
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'stacks', 'a'), { recursive: true });
    assert.equal(cliOrigin(join(dir, 'stacks', 'a')), 'directory stacks/a of a git work tree');
    assert.equal(cliOrigin(join(dir, 'stacks', 'a', 'main.tf.json')), 'directory stacks/a of a git work tree');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
