import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InstanceState, StateVersion } from '../../state/model.ts';
import type { ValueObject } from '../lang/value.ts';
import { redactedVersion } from '../operations/redacted-state.ts';
import { diffVersions, flatten } from './version-diff.ts';

function inst(address: string, attributes: ValueObject, sensitivePaths: InstanceState['sensitivePaths'] = []): InstanceState {
  const [type, name] = address.split('.');
  return { address, mode: 'managed', type: type!, name: name!, provider: 'provider["x"]', attributes, sensitivePaths, dependencies: [], schemaVersion: 0 };
}

function version(serial: number, resources: InstanceState[], outputs: StateVersion['outputs'] = {}): StateVersion {
  return {
    formatVersion: 1,
    lineage: 'l',
    serial,
    parentDigest: null,
    stack: 's',
    sourceRevision: null,
    configDigest: null,
    reason: 'apply',
    time: '2026-01-01T00:00:00Z',
    engineVersion: 't',
    changes: { add: 0, change: 0, destroy: 0 },
    resources: Object.fromEntries(resources.map((r) => [r.address, r])),
    outputs,
  };
}

test('flatten names leaves by path', () => {
  assert.deepEqual(
    [...flatten({ a: { b: [1, { c: 'x' }] }, e: [], 'we ird': 1 })],
    [
      ['a.b[0]', 1],
      ['a.b[1].c', 'x'],
      ['e', []],
      ['"we ird"', 1],
    ],
  );
});

test('resources are added, removed, changed or unchanged, with attribute and line diffs', () => {
  const v1 = version(1, [inst('local_file.a', { content: 'one\ntwo\n', mode: '0644' }), inst('local_file.gone', { content: 'x' }), inst('null_resource.same', { id: '1' })]);
  const v2 = version(2, [inst('local_file.a', { content: 'one\nthree\n', mode: '0644' }), inst('local_file.new', { content: 'y' }), inst('null_resource.same', { id: '1' })], {
    url: { value: 'http://x', sensitive: false },
  });
  const d = diffVersions(v1, v2);
  assert.deepEqual(d.counts, { added: 1, removed: 1, changed: 1, unchanged: 1 });
  const a = d.resources.find((r) => r.address === 'local_file.a')!;
  assert.equal(a.kind, 'changed');
  assert.deepEqual(
    a.attributes.map((x) => x.path),
    ['content'],
  );
  assert.deepEqual(a.attributes[0]!.lines, [
    { kind: ' ', text: 'one' },
    { kind: '-', text: 'two' },
    { kind: '+', text: 'three' },
  ]);
  assert.deepEqual(d.outputs, [{ path: 'url', before: undefined, after: 'http://x' }]);
});

test('a changed secret shows as changed on redacted versions, never with its value', () => {
  const v1 = redactedVersion(version(1, [inst('random_password.p', { result: 'hunter2-old', length: 12 }, [['result']])], { pw: { value: 'hunter2-old', sensitive: true } }));
  const v2 = redactedVersion(version(2, [inst('random_password.p', { result: 'hunter2-new', length: 16 }, [['result']])], { pw: { value: 'hunter2-new', sensitive: true } }));
  const d = diffVersions(v1, v2);
  const text = JSON.stringify(d);
  assert.ok(!text.includes('hunter2'), text);
  assert.deepEqual(
    d.resources[0]!.attributes.map((a) => a.path),
    ['length'],
  );
});
