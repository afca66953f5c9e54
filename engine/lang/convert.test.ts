import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convert, ConversionError, formatNumber, makeSet, typeOf, unifyTypes } from './convert.ts';
import type { Type } from './types.ts';
import { isSet, markSet, Sensitive, Unknown, type Value } from './value.ts';

describe('convert', () => {
  const ok: [string, Value, Type, Value][] = [
    ['string to number', '5', 'number', 5],
    ['decimal string to number', '1.5', 'number', 1.5],
    ['exponent string to number', '1e3', 'number', 1000],
    ['number to string', 5, 'string', '5'],
    ['fraction to string', 1.5, 'string', '1.5'],
    ['large number to string without exponent', 1e21, 'string', '1000000000000000000000'],
    ['tiny number to string without exponent', 1e-7, 'string', '0.0000001'],
    ['a double prints its own shortest digits (arithmetic is exact, so no noise to hide)', 0.30000000000000004, 'string', '0.30000000000000004'],
    ['bool to string', true, 'string', 'true'],
    ['string to bool', 'false', 'bool', false],
    ['tuple to list of string', [1, 'a', true], { list: 'string' }, ['1', 'a', 'true']],
    ['tuple to list(any) unifies to string', ['a', 1], { list: 'dynamic' }, ['a', '1']],
    ['object to map(number)', { a: '1', b: 2 }, { map: 'number' }, { a: 1, b: 2 }],
    ['object to map(any) unifies', { a: 'x', b: 1 }, { map: 'dynamic' }, { a: 'x', b: '1' }],
    ['tuple to tuple type', ['1', 2], { tuple: ['number', 'string'] }, [1, '2']],
    ['null to anything', null, { list: 'string' }, null],
    ['dynamic keeps the value', { a: [1] }, 'dynamic', { a: [1] }],
    ['extra object attributes are dropped', { a: 'x', extra: 1 }, { object: { a: 'string' } }, { a: 'x' }],
    ['optional attribute missing becomes null', { a: 'x' }, { object: { a: 'string', b: 'number' }, optional: ['b'] }, { a: 'x', b: null }],
    ['optional attribute default', {}, { object: { b: 'number' }, optional: ['b'], defaults: { b: '5' } }, { b: 5 }],
    ['optional attribute null takes default', { b: null }, { object: { b: 'string' }, optional: ['b'], defaults: { b: 'd' } }, { b: 'd' }],
    ['list of objects to map of lists', [{ a: 1 }, { b: 2 }], { list: 'dynamic' }, [{ a: 1 }, { b: 2 }]],
  ];
  for (const [name, value, type, want] of ok) {
    it(name, () => assert.deepEqual(convert(value, type), want));
  }

  it('sets are deduplicated and ordered like Terraform', () => {
    const s = convert(['b', 'a', '10', '9', 'a'], { set: 'string' }) as Value[];
    assert.ok(isSet(s));
    assert.deepEqual([...s], ['10', '9', 'a', 'b']);
    assert.deepEqual([...(convert([10, 9, 1.5, 9], { set: 'number' }) as Value[])], [1.5, 9, 10]);
    assert.deepEqual([...(convert([true, false], { set: 'bool' }) as Value[])], [false, true]);
  });

  it('a set converts to a list', () => {
    const out = convert(markSet(['a', 'b']), { list: 'string' }) as Value[];
    assert.deepEqual(out, ['a', 'b']);
    assert.equal(isSet(out), false);
  });

  it('keeps unknown with a type hint, inside and at the root', () => {
    const root = convert(new Unknown(), { list: 'string' });
    assert.ok(root instanceof Unknown);
    assert.equal(root.type, 'list(string)');
    const inner = convert([1, new Unknown()], { list: 'string' }) as Value[];
    assert.equal(inner[0], '1');
    assert.ok(inner[1] instanceof Unknown && inner[1].type === 'string');
  });

  it('keeps sensitive marks on the converted value', () => {
    const out = convert(new Sensitive('5'), 'number');
    assert.ok(out instanceof Sensitive);
    assert.equal(out.value, 5);
    const nested = convert({ a: new Sensitive(1) }, { map: 'string' }) as { a: Value };
    assert.ok(nested.a instanceof Sensitive && nested.a.value === '1');
  });

  const bad: [string, Value, Type, RegExp, (string | number)[]][] = [
    ['non-numeric string', 'abc', 'number', /^a number is required/, []],
    ['string with spaces', ' 5', 'number', /a number is required/, []],
    ['hex string', '0x10', 'number', /a number is required/, []],
    ['bool from other string', 'yes', 'bool', /a bool is required/, []],
    ['number to bool', 1, 'bool', /a bool is required/, []],
    ['list to string', [], 'string', /a string is required/, []],
    ['map element', { tags: { a: [1] } }, { object: { tags: { map: 'string' } } }, /^\.tags\["a"\]: a string is required$/, ['tags', 'a']],
    ['list element', ['1', 'x'], { list: 'number' }, /^\[1\]: a number is required/, [1]],
    ['missing attribute', { a: 1 }, { object: { a: 'number', name: 'string' } }, /attribute "name" is required/, []],
    ['tuple length', [1, 2], { tuple: ['number'] }, /tuple of 1 elements/, []],
    ['mixed list(any)', [1, true], { list: 'dynamic' }, /same type/, []],
    ['object to list', { a: 1 }, { list: 'string' }, /a list of string is required/, []],
  ];
  for (const [name, value, type, message, path] of bad) {
    it(`rejects ${name}`, () => {
      assert.throws(
        () => convert(value, type),
        (e: unknown) => e instanceof ConversionError && message.test(e.message) && JSON.stringify(e.path) === JSON.stringify(path),
      );
    });
  }
});

describe('typeOf and unifyTypes', () => {
  it('infers structural types from literals', () => {
    assert.deepEqual(typeOf({ a: [1, 'x'] }), { object: { a: { tuple: ['number', 'string'] } } });
    assert.equal(typeOf(null), 'dynamic');
    assert.equal(typeOf(new Unknown()), 'dynamic');
    assert.deepEqual(typeOf(makeSet(['a'])), { set: 'string' });
  });
  it('unifies primitives to string but not number with bool', () => {
    assert.equal(unifyTypes(['a', 1, true, null]), 'string');
    assert.equal(unifyTypes([1, true]), undefined);
    assert.deepEqual(unifyTypes([{ a: 1 }, { a: 'x' }]), { object: { a: 'string' } });
  });
});

describe('formatNumber', () => {
  it('prints integers exactly and never uses exponents', () => {
    assert.equal(formatNumber(9007199254740992), '9007199254740992');
    assert.equal(formatNumber(-0.000001234), '-0.000001234');
    assert.equal(formatNumber(123456789.25), '123456789.25');
    // cty keeps the sign of a zero: Terraform 1.11 prints tostring(-0) as "-0"
    assert.equal(formatNumber(-0), '-0');
    assert.equal(formatNumber(0), '0');
  });
});

describe('convert with unknowns inside', () => {
  it('a set with unknown elements becomes an unknown list (its order is not known); other collections convert element-wise', () => {
    // terraform 1.11: tolist(toset([u, "x"])) => (known after apply); tolist([u, "x"]) => [(known after apply), "x"]
    assert.ok(convert(markSet(['x', new Unknown()]), { list: 'string' }) instanceof Unknown);
    const l = convert([new Unknown(), 'x'], { list: 'string' }) as Value[];
    assert.ok(l[0] instanceof Unknown && l[1] === 'x');
    const s = convert([new Unknown(), 'x'], { set: 'string' }) as Value[];
    assert.ok(isSet(s) && s[0] === 'x' && s[1] instanceof Unknown);
    assert.deepEqual(convert(makeSet(['b', 'a']), { list: 'string' }), ['a', 'b']);
  });
});
