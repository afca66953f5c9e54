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

// Expected values below were taken from `terraform console` (v1.11).
describe('collection functions', () => {
  it('length', () => {
    assert.equal(call('length', 'héllo🤔'), 6);
    assert.equal(call('length', [1, 2]), 2);
    assert.equal(call('length', { a: 1 }), 1);
    assert.equal(call('length', markSet(['a'])), 1);
    fails('length', [5], /must be a string, a collection type/);
    const s = call('length', new Sensitive([1, 2]));
    assert.ok(s instanceof Sensitive && s.value === 2);
    // recorded from terraform 1.11 console: sensitive elements leave the length plain
    assert.equal(call('length', [new Sensitive('a'), 'b']), 2); // length([sensitive("a"), "b"]) => 2
    assert.equal(call('length', { a: new Sensitive(1), b: 2 }), 2); // length({a = sensitive(1), b = 2}) => 2
    const str = call('length', new Sensitive('abc')); // length(sensitive("abc")) => (sensitive value)
    assert.ok(str instanceof Sensitive && str.value === 3);
  });

  it('element wraps around; rejects negative and empty', () => {
    assert.equal(call('element', ['a', 'b', 'c'], 4), 'b');
    fails('element', [['a'], -1], /negative index/);
    fails('element', [[], 0], /empty list/);
    fails('element', [[1, 2, 3], 1.5], /whole number/);
  });

  it('index, lookup, keys, values', () => {
    assert.equal(call('index', ['a', 'b'], 'b'), 1);
    fails('index', [[1, 2], 3], /item not found/);
    assert.equal(call('lookup', { a: 1 }, 'a'), 1);
    assert.equal(call('lookup', { a: 1 }, 'b', 'dflt'), 'dflt');
    fails('lookup', [{ a: 1 }, 'b'], /the given object has no attribute "b"/);
    assert.deepEqual(call('keys', { b: 1, a: 2 }), ['a', 'b']);
    assert.deepEqual(call('values', { b: 1, a: 2 }), [2, 1]);
  });

  it('merge: later wins, null skipped, lists rejected', () => {
    assert.deepEqual(call('merge', { a: 1, b: 2 }, null, { b: 3, c: 4 }), { a: 1, b: 3, c: 4 });
    fails('merge', [{ a: 1 }, [1]], /arguments must be maps or objects/);
  });

  it('concat, flatten, distinct, contains', () => {
    assert.deepEqual(call('concat', ['a'], [1, 'b']), ['a', 1, 'b']);
    fails('concat', [['a'], 'b'], /all arguments must be lists or tuples; got string/);
    assert.deepEqual(call('flatten', [[1, [2]], [], 3]), [1, 2, 3]);
    assert.deepEqual(call('flatten', [markSet(['a']), ['b']]), ['a', 'b']);
    assert.deepEqual(call('distinct', [1, '1', 2, 1]), ['1', '2']);
    assert.equal(call('contains', ['a', 'b'], 'b'), true);
    assert.equal(call('contains', ['a', 'b'], 'c'), false);
  });

  it('slice, sort, reverse', () => {
    assert.deepEqual(call('slice', ['a', 'b', 'c', 'd'], 1, 3), ['b', 'c']);
    fails('slice', [[1, 2, 3], 2, 1], /start index must not be greater than end index/);
    fails('slice', [[1, 2, 3], 0, 4], /end index/);
    assert.deepEqual(call('sort', [10, 9, 'a', 'B']), ['10', '9', 'B', 'a']);
    fails('sort', [[[1]]], /string is required/);
    assert.deepEqual(call('reverse', [1, 2, 3]), [3, 2, 1]);
  });

  it('range', () => {
    assert.deepEqual(call('range', 3), [0, 1, 2]);
    assert.deepEqual(call('range', 5, 1), [5, 4, 3, 2]);
    assert.deepEqual(call('range', 0, 1, 0.25), [0, 0.25, 0.5, 0.75]);
    assert.deepEqual(call('range', 0), []);
    fails('range', [0, 5, 0], /step must not be zero/);
    fails('range', [0, 5, -1], /step must be positive/);
    fails('range', [2000], /more than 1024 values/);
    fails('range', [1, 2, 3, 4], /one, two, or three/);
  });

  it('zipmap, coalesce, coalescelist, compact', () => {
    assert.deepEqual(call('zipmap', ['a', 'b'], [1, 2]), { a: 1, b: 2 });
    fails('zipmap', [['a'], [1, 2]], /number of keys \(1\) does not match number of values \(2\)/);
    assert.equal(call('coalesce', null, '', 1, 'a'), '1');
    assert.equal(call('coalesce', null, 2, 3), 2);
    fails('coalesce', [null, ''], /no non-null, non-empty-string arguments/);
    assert.deepEqual(call('coalescelist', [], ['a']), ['a']);
    assert.deepEqual(call('compact', ['a', '', null, 'b']), ['a', 'b']);
  });

  it('set functions produce ordered sets', () => {
    const u = call('setunion', ['b'], [1, 'b']) as Value[];
    assert.ok(isSet(u));
    assert.deepEqual([...u], ['1', 'b']);
    assert.deepEqual([...(call('setintersection', ['a', 'b', 'c'], ['c', 'b']) as Value[])], ['b', 'c']);
    assert.deepEqual([...(call('setsubtract', ['a', 'b', 'c'], ['b']) as Value[])], ['a', 'c']);
    assert.deepEqual(call('setproduct', ['a'], [1, 2]), [
      ['a', 1],
      ['a', 2],
    ]);
    assert.ok(isSet(call('setproduct', markSet(['a']), markSet(['b']))));
    fails('setproduct', [['a']], /at least two/);
  });

  it('one, sum, min, max', () => {
    assert.equal(call('one', []), null);
    assert.equal(call('one', ['x']), 'x');
    fails('one', [[1, 2]], /either zero or one elements/);
    assert.equal(call('sum', [1, '2', 3.5]), 6.5);
    fails('sum', [[]], /cannot sum an empty list/);
    assert.equal(call('min', 3, 1, 2), 1);
    assert.equal(call('max', 3, '7', 2), 7);
    fails('max', [], /at least one number/);
  });

  it('chunklist, transpose, alltrue, anytrue, matchkeys', () => {
    assert.deepEqual(call('chunklist', [1, 2, 3], 2), [[1, 2], [3]]);
    assert.deepEqual(call('chunklist', [1, 2, 3], 0), [[1, 2, 3]]);
    fails('chunklist', [[1], -1], /must be positive/);
    assert.deepEqual(call('transpose', { a: ['2', '1'], b: ['1', '3'] }), { 1: ['a', 'b'], 2: ['a'], 3: ['b'] });
    assert.equal(call('alltrue', []), true);
    assert.equal(call('alltrue', [true, 'false']), false);
    assert.equal(call('anytrue', []), false);
    assert.equal(call('anytrue', [false, true]), true);
    assert.deepEqual(call('matchkeys', ['i-1', 'i-2', 'i-3'], ['a', 'b', 'a'], ['a']), ['i-1', 'i-3']);
    fails('matchkeys', [['a'], ['a', 'b'], ['a']], /length of keys and values should be equal/);
  });

  it('an unknown argument makes the result unknown; unknown elements pass through concat', () => {
    const c = call('concat', [1], [new Unknown()]) as Value[];
    assert.ok(c.length === 2 && c[0] === 1 && c[1] instanceof Unknown);
    assert.ok(call('keys', new Unknown()) instanceof Unknown);
  });
});

// Known collections with unknowns inside. Expected results recorded from `terraform plan` (v1.11),
// outputs over `terraform_data` attributes that are unknown at plan time (u below).
describe('collection functions with unknowns inside a known argument', () => {
  const u = () => new Unknown();
  const isUnknown = (v: Value) => v instanceof Unknown;
  const m = () => ({ a: u(), b: 'static' });
  const l = () => [u(), 'x'];
  const shape = (v: Value): unknown =>
    v instanceof Unknown
      ? '?'
      : Array.isArray(v)
        ? v.map(shape)
        : v !== null && typeof v === 'object' && !(v instanceof Sensitive)
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]))
          : v;

  it('structural functions pass unknown elements through', () => {
    assert.deepEqual(call('keys', m()), ['a', 'b']); // keys(local.m) => ["a", "b"]
    assert.deepEqual(shape(call('values', m())), ['?', 'static']);
    assert.deepEqual(shape(call('merge', m(), { c: 'c' })), { a: '?', b: 'static', c: 'c' });
    assert.deepEqual(shape(call('merge', m(), null)), { a: '?', b: 'static' });
    assert.deepEqual(shape(call('concat', l(), ['y'])), ['?', 'x', 'y']);
    assert.deepEqual(shape(call('reverse', l())), ['x', '?']);
    assert.deepEqual(shape(call('slice', l(), 0, 1)), ['?']);
    assert.deepEqual(shape(call('zipmap', ['k1', 'k2'], l())), { k1: '?', k2: 'x' });
    assert.deepEqual(shape(call('coalescelist', [], l())), ['?', 'x']);
    assert.deepEqual(shape(call('chunklist', [u(), 'a', 'b'], 2)), [['?', 'a'], ['b']]);
    assert.deepEqual(shape(call('setproduct', l(), ['p'])), [
      ['?', 'p'],
      ['x', 'p'],
    ]);
    assert.deepEqual(shape(call('one', [m()])), { a: '?', b: 'static' });
    assert.deepEqual(shape(call('values', { x: { y: u() } })), [{ y: '?' }]);
  });

  it('lookup and element read known parts', () => {
    assert.equal(call('lookup', m(), 'b'), 'static');
    assert.ok(isUnknown(call('lookup', m(), 'a')));
    assert.equal(call('lookup', m(), 'z', 'dflt'), 'dflt');
    assert.equal(call('lookup', { b: 'x' }, 'b', u()), 'x'); // an unknown default does not matter when the key is there
    assert.ok(isUnknown(call('lookup', m(), 'z', u())));
    assert.deepEqual(shape(call('lookup', { a: m(), b: { a: 'q', b: 'r' } }, 'a')), { a: '?', b: 'static' });
    assert.equal(call('element', l(), 1), 'x');
    assert.deepEqual(shape(call('element', [m(), m()], 3)), { a: '?', b: 'static' });
  });

  it('an unknown that decides the shape, key or order makes the result unknown', () => {
    assert.ok(isUnknown(call('zipmap', l(), ['v1', 'v2']))); // unknown key
    assert.ok(isUnknown(call('merge', m(), u()))); // unknown map
    assert.ok(isUnknown(call('concat', ['x'], u())));
    assert.ok(isUnknown(call('coalescelist', u(), ['q'])));
    assert.ok(isUnknown(call('lookup', m(), u(), 'd'))); // unknown key
    assert.ok(isUnknown(call('flatten', [u(), ['y']]))); // an unknown of unknown type may be a list
    assert.ok(isUnknown(call('flatten', [markSet(['x', u()])])));
    assert.ok(isUnknown(call('length', markSet(['x', u()])))); // length(toset([u, "x"]))
    assert.equal(call('length', markSet([m()])), 1); // length(toset([{a = u}])) => 1
    assert.equal(call('length', l()), 2);
    assert.ok(isUnknown(call('one', markSet(['x', u()]))));
    assert.ok(isUnknown(call('slice', l(), 0, u())));
  });

  it('flatten keeps unknown scalars as elements', () => {
    // flatten([["a", u], [["b"]]]) => ["a", (known after apply), "b"] for a string-typed u
    assert.deepEqual(shape(call('flatten', [['a', new Unknown('string')], [['b']]])), ['a', '?', 'b']);
  });

  it('coalesce stops at the first unknown, not before (terraform 1.11 plan)', () => {
    assert.equal(call('coalesce', 'a', u()), 'a'); // coalesce("a", u) => "a"
    assert.ok(isUnknown(call('coalesce', '', u(), 'b'))); // coalesce("", u, "b") => (known after apply)
    assert.deepEqual(shape(call('coalesce', { a: u() }, { a: 'x' })), { a: '?' });
    assert.ok(isUnknown(call('setproduct', markSet(['a', u()]), ['p']))); // setproduct(toset(["a", u]), ["p"])
    assert.ok(isUnknown(call('chunklist', markSet(['x', u()]), 1))); // chunklist(toset([u, "x"]), 1)
    assert.deepEqual(shape(call('reverse', markSet(['x', 'y', u()]))), ['?', 'y', 'x']); // reverse(toset([u, "x", "y"]))
    assert.ok(isUnknown(call('one', markSet([u()])))); // one(toset([u])) is u
    assert.equal(call('contains', markSet(['x', u()]), 'x'), true);
    assert.ok(isUnknown(call('contains', markSet(['x', u()]), 'z')));
  });

  it('searches decide when a known element decides', () => {
    assert.equal(call('contains', l(), 'x'), true);
    assert.ok(isUnknown(call('contains', ['x', 'y'], u())));
    assert.ok(isUnknown(call('contains', [{ a: u() }], { a: 'z' })));
    assert.ok(isUnknown(call('contains', [u()], 'z')));
    assert.equal(call('contains', markSet(['x', u()]), 'x'), true);
    assert.ok(isUnknown(call('index', l(), 'x')));
    assert.equal(call('index', ['x', u()], 'x'), 0);
    assert.equal(call('index', [{ a: u() }, 'x'], 'x'), 1);
    assert.equal(call('anytrue', [u(), true]), true);
    assert.ok(isUnknown(call('anytrue', [u(), false])));
    assert.ok(isUnknown(call('alltrue', [u(), true])));
  });

  it('sets keep known elements; order-dependent results stay unknown', () => {
    assert.deepEqual(shape(call('setunion', l(), ['z'])), ['x', 'z', '?']);
    assert.deepEqual(shape(call('setunion', markSet([u()]), markSet(['x']))), ['x', '?']);
    assert.deepEqual(shape(call('setunion', [{ a: u() }], [{ a: 'z' }])), [{ a: 'z' }, { a: '?' }]);
    assert.deepEqual(shape(call('sort', ['b', u(), 'a'])), ['?', '?', '?']); // length known, order not
    assert.ok(isUnknown(call('sort', markSet(['x', u()])))); // sort(toset([u, "x"])): the set's length is not known either
    for (const [name, args] of [
      ['distinct', [l()]],
      ['join', [',', l()]],
      ['compact', [l()]],
      ['setsubtract', [l(), ['x']]],
      ['setintersection', [l(), ['x']]],
      ['matchkeys', [['a', 'b'], l(), ['x']]],
      ['transpose', [{ a: l() }]],
      ['sum', [[u(), 1]]],
    ] as [string, Value[]][])
      assert.ok(isUnknown(call(name, ...args)), name);
  });
});
