import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from '@msgpack/msgpack';
import { isSet, isUnknown, markSet, UNKNOWN, valuesEqual } from '../../engine/lang/value.ts';
import { numberFromText } from '../../engine/lang/big-number.ts';
import type { Type } from '../../engine/lang/types.ts';
import { decodeValue, encodeValue, ValueTypeError, valueEncoder } from './msgpack-value.ts';

const T: Type = { object: { s: 'string', n: 'number', b: 'bool', l: { list: 'string' }, st: { set: 'number' }, m: { map: 'bool' }, o: { object: { x: 'string' } }, d: 'dynamic' } };

test('round trip of every kind, with unknowns as extension 0 and sets kept as sets', () => {
  const v = { s: 'x', n: 1.5, b: true, l: ['a', UNKNOWN], st: markSet([1, 2]), m: { k: false }, o: { x: null }, d: { any: [1, 'two'] } };
  const back = decodeValue(encodeValue(v, T), T) as Record<string, unknown>;
  assert.equal(back.s, 'x');
  assert.equal(back.n, 1.5);
  assert.ok(isUnknown((back.l as unknown[])[1]));
  assert.ok(isSet(back.st));
  assert.deepEqual(back.o, { x: null });
  assert.deepEqual(back.d, { any: [1, 'two'] }, 'a dynamic value carries its own type');
});

test('type-directed: an object sends every attribute of its type, absent ones as nil; numbers as msgpack numbers', () => {
  const raw = decode(encodeValue({ s: 'x' }, T)) as Record<string, unknown>;
  assert.deepEqual(Object.keys(raw).sort(), ['b', 'd', 'l', 'm', 'n', 'o', 's', 'st']);
  assert.equal(raw.n, null);
  assert.deepEqual(decode(encodeValue(7, 'number')), 7);
  assert.equal(decodeValue(encodeValue('12', 'number'), 'number'), 12, 'a numeric string converts like cty');
});

test('an unknown top-level value and refined unknowns (extension 12) decode as unknown', () => {
  assert.ok(isUnknown(decodeValue(encodeValue(UNKNOWN, 'string'), 'string')));
  assert.ok(isUnknown(decodeValue(new Uint8Array([0xd4, 0x0c, 0x00]), 'string')));
});

test('a value of the wrong type names where it is', () => {
  assert.throws(
    () => encodeValue({ l: 'not-a-list' }, T),
    (e: Error) => e instanceof ValueTypeError && e.message === 'l: expected a list',
  );
  assert.throws(() => encodeValue({ o: { x: [1] } }, T), /o\.x: expected a string/);
});

test('numbers cross to providers as cty writes them: int64 exactly, bigger or finer numbers as decimal text', () => {
  const big = numberFromText('123456789012345678');
  const huge = numberFromText('123456789012345678901234567890');
  const fine = numberFromText('0.12345678901234567890123');
  assert.equal(decode(encodeValue(big, 'number'), { useBigInt64: true }), 123456789012345678n);
  assert.equal(decode(encodeValue(huge, 'number')), '123456789012345678901234567890');
  assert.equal(decode(encodeValue(fine, 'number')), '0.12345678901234567890123');
  for (const n of [big, huge, fine, 5, 0.5]) assert.ok(valuesEqual(decodeValue(encodeValue(n, 'number'), 'number'), n));
  assert.equal(decodeValue(encodeValue(big, 'string'), 'string'), '123456789012345678');
  assert.ok(valuesEqual(decodeValue(encodeValue({ any: big }, 'dynamic'), 'dynamic'), { any: big }));
});

test('a wire shape sends absent list and set blocks as empty lists (also inside blocks) and write-only attributes as null', () => {
  const rule: Type = { object: { port: 'number', check: { list: { object: { path: 'string' } } } } };
  const t: Type = { object: { name: 'string', pw: 'string', rule: { list: rule }, single: { object: { x: 'string' } } } };
  const enc = valueEncoder(t, {
    rule: { emptyWhenAbsent: true, inner: { check: { emptyWhenAbsent: true, inner: {} } } },
    single: { inner: {} },
    pw: { alwaysNull: true },
  });
  assert.deepEqual(decode(enc.encode({ name: 'a', pw: 'secret' })), { name: 'a', pw: null, rule: [], single: null });
  assert.deepEqual(decode(enc.encode({ name: 'a', rule: [{ port: 80 }] })), { name: 'a', pw: null, rule: [{ port: 80, check: [] }], single: null });
  assert.ok(isUnknown((decodeValue(enc.encode({ rule: UNKNOWN }), t) as Record<string, unknown>).rule), 'an unknown block stays unknown');
  assert.equal(decode(enc.encode(null)), null);
  assert.doesNotThrow(() => enc.check({ name: 'a' }));
  assert.throws(
    () => enc.check({ rule: [{ port: 80 }, { port: 'x' }] }),
    (e: Error) => e instanceof ValueTypeError && e.message === 'rule[1].port: expected a number',
  );
});

test('a mismatch deep in a map, tuple or nested object names the whole path', () => {
  const t: Type = { object: { m: { map: { object: { l: { list: 'bool' } } } }, tu: { tuple: ['string', { set: 'number' }] } } };
  assert.throws(
    () => encodeValue({ m: { k: { l: [true, 'nope'] } } }, t),
    (e: Error) => e.message === 'm["k"].l[1]: expected a bool',
  );
  assert.throws(
    () => encodeValue({ tu: ['a', 'b'] }, t),
    (e: Error) => e.message === 'tu[1]: expected a set',
  );
  assert.throws(
    () => encodeValue('x', t),
    (e: Error) => e.message === 'value: expected an object',
  );
  // the same compiled converter serves the next value of that type
  assert.deepEqual(decodeValue(encodeValue({ m: { k: { l: [false] } } }, t), t), { m: { k: { l: [false] } }, tu: null });
});
