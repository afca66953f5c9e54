import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recoverJournal } from './recover-journal.ts';
import type { InstanceState } from '../../state/model.ts';
import type { JournalEntry } from '../../state/journal.ts';

const inst = (address: string, attributes: Record<string, string>): InstanceState => {
  const [type, name] = address.split('.');
  return { address, mode: 'managed', type, name, provider: 'local', attributes, sensitivePaths: [], dependencies: [], schemaVersion: 0 };
};
const t = '2026-01-01T00:00:00Z';

test('finished operations are replayed, unfinished creates become tainted placeholders', () => {
  const m = new Map([
    ['local_file.keep', inst('local_file.keep', { id: 'k' })],
    ['local_file.gone', inst('local_file.gone', { id: 'g' })],
  ]);
  const entries: JournalEntry[] = [
    { kind: 'intent', address: 'local_file.a', operation: 'create', prior: null, planned: { filename: 'a' }, provider: 'local', dependencies: [], schemaVersion: 0, time: t },
    { kind: 'done', address: 'local_file.a', operation: 'create', state: inst('local_file.a', { id: 'a1', filename: 'a' }), time: t },
    { kind: 'intent', address: 'local_file.gone', operation: 'delete', prior: m.get('local_file.gone')!, planned: null, provider: 'local', dependencies: [], schemaVersion: 0, time: t },
    { kind: 'done', address: 'local_file.gone', operation: 'delete', state: null, time: t },
    { kind: 'intent', address: 'local_file.b', operation: 'create', prior: null, planned: { filename: 'b', id: null }, provider: 'local', dependencies: ['local_file.a'], schemaVersion: 0, time: t },
    { kind: 'intent', address: 'local_file.c', operation: 'create', prior: null, planned: { filename: 'c' }, provider: 'local', dependencies: [], schemaVersion: 0, time: t },
    { kind: 'failed', address: 'local_file.c', operation: 'create', state: inst('local_file.c', { id: 'half' }), error: 'boom', time: t },
  ];
  recoverJournal(m, entries);
  assert.deepEqual([...m.keys()].sort(), ['local_file.a', 'local_file.b', 'local_file.c', 'local_file.keep']);
  assert.equal(m.get('local_file.a')!.attributes.id, 'a1');
  assert.equal(m.get('local_file.b')!.tainted, true);
  assert.deepEqual(m.get('local_file.b')!.attributes, { filename: 'b', id: null });
  assert.deepEqual(m.get('local_file.b')!.dependencies, ['local_file.a']);
  assert.equal(m.get('local_file.c')!.tainted, true);
});

test('an unfinished create-before-destroy keeps both objects: the old one deposed, the new one a tainted placeholder', () => {
  const old = inst('local_file.x', { id: 'old' });
  const m = new Map([['local_file.x', old]]);
  recoverJournal(m, [{ kind: 'intent', address: 'local_file.x', operation: 'create', prior: old, planned: { id: null }, provider: 'local', dependencies: [], schemaVersion: 0, time: t }]);
  assert.deepEqual({ ...m.get('local_file.x (deposed)') }, { ...old, deposed: true });
  assert.equal(m.get('local_file.x')!.tainted, true);
});

test('a finished create-before-destroy create deposes the old object until its delete is journalled', () => {
  const old = inst('local_file.x', { id: 'old' });
  const fresh = inst('local_file.x', { id: 'new' });
  const base = (): Map<string, InstanceState> => new Map([['local_file.x', old]]);
  const create: JournalEntry[] = [
    { kind: 'intent', address: 'local_file.x', operation: 'create', prior: old, planned: { id: null }, provider: 'local', dependencies: [], schemaVersion: 0, time: t },
    { kind: 'done', address: 'local_file.x', operation: 'create', state: fresh, time: t },
  ];
  const intentDelete: JournalEntry = {
    kind: 'intent',
    address: 'local_file.x (deposed)',
    operation: 'delete',
    prior: old,
    planned: null,
    provider: 'local',
    dependencies: [],
    schemaVersion: 0,
    time: t,
  };

  const killedBeforeDelete = base();
  recoverJournal(killedBeforeDelete, create);
  assert.equal(killedBeforeDelete.get('local_file.x'), fresh);
  assert.equal(killedBeforeDelete.get('local_file.x (deposed)')!.attributes.id, 'old');

  const deleted = base();
  recoverJournal(deleted, [...create, intentDelete, { kind: 'done', address: 'local_file.x (deposed)', operation: 'delete', state: null, time: t }]);
  assert.deepEqual([...deleted.keys()], ['local_file.x']);
  assert.equal(deleted.get('local_file.x'), fresh);

  const failedDelete = base();
  recoverJournal(failedDelete, [...create, intentDelete, { kind: 'failed', address: 'local_file.x (deposed)', operation: 'delete', state: old, error: 'busy', time: t }]);
  assert.equal(failedDelete.get('local_file.x (deposed)')!.deposed, true);
  assert.equal(failedDelete.get('local_file.x'), fresh);
});

test('a failed update keeps the object untainted: a passing error must not turn into a replacement', () => {
  const cur = inst('local_file.u', { id: 'u' });
  const m = new Map([['local_file.u', cur]]);
  recoverJournal(m, [
    { kind: 'intent', address: 'local_file.u', operation: 'update', prior: cur, planned: { id: 'u' }, provider: 'local', dependencies: [], schemaVersion: 0, time: t },
    { kind: 'failed', address: 'local_file.u', operation: 'update', state: cur, error: 'ECONNREFUSED', time: t },
  ]);
  assert.equal(m.get('local_file.u')!.tainted, undefined);
});
