import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorruptStateError } from '../engine/errors.ts';
import { digestOf, parseState, serializeState, stableJson, versionDigest, versionInfo } from './serialize.ts';
import { configDigest, digestHex, isDigest } from './config-digest.ts';
import { Sensitive, UNKNOWN } from '../engine/lang/value.ts';
import { BigNum, numberFromText } from '../engine/lang/big-number.ts';
import { sampleVersion } from './testdata/sample-version.ts';

test('serializeState is deterministic whatever the key insertion order', () => {
  const a = sampleVersion(1, null);
  const reordered = JSON.parse(JSON.stringify(a), (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v));
  assert.notEqual(JSON.stringify(a), JSON.stringify(reordered));
  assert.deepEqual(serializeState(a), serializeState(reordered));
  const text = serializeState(a).toString('utf8');
  assert.ok(text.indexOf('"a": "1"') < text.indexOf('"b": "2"'), 'nested keys sorted');
  assert.ok(text.endsWith('}\n'));
});

test('serialize then parse round-trips', () => {
  const v = sampleVersion(2, digestOf(Buffer.from('x')), { rollbackOf: 1, reason: 'rollback' });
  assert.deepEqual(parseState(serializeState(v), 'test'), JSON.parse(JSON.stringify(v)));
});

test('array order is kept (lists and sets are ordered)', () => {
  assert.equal(stableJson({ l: [3, 1, 2] }, 0), '{"l":[3,1,2]}');
});

test('marks, non-finite numbers and class instances are refused with the path', () => {
  const withUnknown = sampleVersion(1, null, { outputs: { o: { value: UNKNOWN, sensitive: false } } });
  assert.throws(() => serializeState(withUnknown), /Unknown object at \$\.outputs\.o\.value/);
  const withSensitive = sampleVersion(1, null, { outputs: { o: { value: new Sensitive('s3cret'), sensitive: true } } });
  assert.throws(
    () => serializeState(withSensitive),
    (e: Error) => /Sensitive/.test(e.message) && !e.message.includes('s3cret'),
  );
  assert.throws(() => stableJson({ n: Infinity }), /non-finite number at \$\.n/);
});

test('digestOf and configDigest give sha256:<hex>', () => {
  const d = digestOf(Buffer.from('hello'));
  assert.equal(d, 'sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  assert.equal(configDigest(Buffer.from('hello')), d);
  assert.ok(isDigest(d));
  assert.equal(digestHex(d).length, 64);
  assert.throws(() => digestHex('sha256:../../etc/passwd'), /not a sha256 digest/);
});

test('versionInfo summarises a version', () => {
  const v = sampleVersion(3, 'sha256:' + '0'.repeat(64), { reason: 'rollback', rollbackOf: 1 });
  assert.deepEqual(versionInfo(v, 'sha256:x'), {
    serial: 3,
    time: v.time,
    reason: 'rollback',
    sourceRevision: v.sourceRevision,
    changes: { add: 1, change: 0, destroy: 0 },
    rollbackOf: 1,
    digest: 'sha256:x',
  });
  assert.equal('rollbackOf' in versionInfo(sampleVersion(1, null), 'd'), false);
});

test('parseState names the origin and the problem', () => {
  const origin = 'state version file /x/versions/00000003.json';
  const check = (bytes: string, re: RegExp) =>
    assert.throws(
      () => parseState(bytes, origin),
      (e: Error) => e instanceof CorruptStateError && e.message.startsWith(`${origin} is corrupt: `) && re.test(e.message),
    );
  check('{"formatVersion": 1, "lin', /not valid JSON/);
  check('[]', /top level/);
  check('{}', /formatVersion is missing/);
  check(JSON.stringify({ ...sampleVersion(1, null), formatVersion: 99 }), /newer ballast/);
  check(JSON.stringify({ ...sampleVersion(1, null), serial: 0 }), /serial must be a positive integer/);
  check(JSON.stringify({ ...sampleVersion(2, null) }), /serial 2 has no parentDigest/);
  check(JSON.stringify({ ...sampleVersion(1, null), reason: 'yolo' }), /reason must be one of/);
  const bad = sampleVersion(1, null);
  const r = { ...bad.resources['random_pet.name'], attributes: 'nope' };
  check(JSON.stringify({ ...bad, resources: { 'random_pet.name': r } }), /resources\["random_pet.name"\]\.attributes must be an object/);
  check(JSON.stringify({ ...bad, resources: { 'random_pet.other': bad.resources['random_pet.name'] } }), /address must equal its key/);
  check(JSON.stringify({ ...bad, outputs: { o: { value: 1 } } }), /outputs\.o must be an object/);
});

test('numbers beyond a double keep every digit through serialize, parse and the digest', () => {
  const id = numberFromText('123456789012345678901');
  const v = sampleVersion(1, null, { outputs: { id: { value: id, sensitive: false }, small: { value: 5, sensitive: false } } });
  const bytes = serializeState(v);
  assert.match(bytes.toString('utf8'), /"value": 123456789012345678901\n/);
  const back = parseState(bytes, 'test');
  assert.ok(back.outputs.id.value instanceof BigNum);
  assert.equal(String(back.outputs.id.value), '123456789012345678901');
  assert.equal(back.outputs.small.value, 5);
  assert.deepEqual(serializeState(back), bytes, 'the same version gives the same bytes after a round trip');
});

test('versionDigest is the digest of the bytes a version was read from, without serializing it again', () => {
  const v = sampleVersion(1, null);
  const canonical = serializeState(v);
  assert.equal(versionDigest(v), digestOf(canonical), 'a version built in memory: the digest of its serialized form');
  assert.equal(versionDigest(parseState(canonical, 'test')), digestOf(canonical));
  // bytes written by another tool (compact JSON): the digest the store's chain holds is theirs
  const compact = Buffer.from(JSON.stringify(v));
  const read = parseState(compact, 'test');
  assert.equal(versionDigest(read), digestOf(compact));
  assert.notEqual(versionDigest(read), digestOf(serializeState(read)));
});
