import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSet, markSet, Sensitive, Unknown, type Value } from '../value.ts';
import { FunctionArgumentError } from './function.ts';
import { call } from './test-call.ts';

const fails = (name: string, args: Value[], message: RegExp) =>
  assert.throws(
    () => call(name, ...args),
    (e: unknown) => e instanceof FunctionArgumentError && message.test(e.message),
  );

// Expected values and messages below were taken from `terraform console` (v1.11).
describe('type conversion functions', () => {
  it('primitives', () => {
    assert.equal(call('tostring', 1.5), '1.5');
    assert.equal(call('tonumber', '1e3'), 1000);
    assert.equal(call('tobool', 'true'), true);
    assert.equal(call('tostring', null), null);
    fails('tonumber', ['abc'], /cannot convert "abc" to number; given string must be a decimal representation of a number/);
    fails('tostring', [[]], /cannot convert tuple to string/);
    fails('tonumber', [true], /cannot convert bool to number/);
  });
  it('collections', () => {
    assert.deepEqual(call('tolist', ['a', 1, true]), ['a', '1', 'true']);
    fails('tolist', [[1, true]], /cannot convert tuple to list of any single type/);
    assert.deepEqual(call('tomap', { a: 'x', b: 1 }), { a: 'x', b: '1' });
    fails('tomap', [[1]], /cannot convert tuple to map of any single type/);
    const s = call('toset', ['b', 'a', 'b']) as Value[];
    assert.ok(isSet(s));
    assert.deepEqual([...s], ['a', 'b']);
    fails('toset', ['a'], /cannot convert string to set of any single type/);
  });
  it('sensitive and nonsensitive', () => {
    const s = call('sensitive', 'pw');
    assert.ok(s instanceof Sensitive && s.value === 'pw');
    assert.equal(call('nonsensitive', s), 'pw');
    assert.equal(call('nonsensitive', 'plain'), 'plain');
    const u = call('sensitive', new Unknown());
    assert.ok(u instanceof Sensitive && u.value instanceof Unknown);
    const nested = call('nonsensitive', [new Sensitive('x')]) as Value[];
    assert.ok(nested[0] instanceof Sensitive, 'marks on elements stay');
  });
});

describe('issensitive and ephemeralasnull (Terraform 1.11)', () => {
  it('issensitive looks at the value itself', () => {
    assert.equal(call('issensitive', new Sensitive('a')), true);
    assert.equal(call('issensitive', 'a'), false);
    assert.equal(call('issensitive', null), false);
    assert.equal(call('issensitive', [new Sensitive('a')]), false);
    assert.equal(call('issensitive', new Unknown()), false);
    assert.equal(call('issensitive', new Sensitive(new Unknown())), true);
  });
  it('ephemeralasnull returns non-ephemeral values unchanged', () => {
    assert.equal(call('ephemeralasnull', 'a'), 'a');
    assert.equal(call('ephemeralasnull', null), null);
    const s = new Sensitive('x');
    assert.equal(call('ephemeralasnull', s), s);
  });
});

// recorded from `terraform plan` (v1.11) with u unknown at plan time
describe('conversion functions with unknowns inside', () => {
  const u = () => new Unknown();
  it('convert known collections element by element', () => {
    const l = call('tolist', [u(), 'x']) as Value[];
    assert.ok(Array.isArray(l) && l[0] instanceof Unknown && l[1] === 'x');
    const s = call('toset', [u(), 'x']) as Value[];
    assert.ok(isSet(s) && s[0] === 'x' && s[1] instanceof Unknown);
    const m = call('tomap', { a: u(), b: 'static' }) as Record<string, Value>;
    assert.ok(m.a instanceof Unknown && m.b === 'static');
    const nested = call('tomap', { a: { x: u() }, b: { x: 's' } }) as Record<string, Record<string, Value>>;
    assert.ok(nested.a.x instanceof Unknown && nested.b.x === 's');
  });
  it('a set with unknowns has no known order, so tolist of it is unknown', () => {
    assert.ok(call('tolist', markSet(['x', u()])) instanceof Unknown); // tolist(toset([u, "x"]))
    assert.ok(call('tomap', u()) instanceof Unknown);
  });
});
