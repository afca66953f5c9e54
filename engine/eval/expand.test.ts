import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadStackConfig } from '../config/load.ts';
import { StackScope } from './stack-scope.ts';
import { expandResource } from './expand.ts';
import { ExpressionError } from '../lang/expression-error.ts';
import { Unknown } from '../lang/value.ts';

function setup(resource: Record<string, unknown>, variables: Record<string, unknown> = {}) {
  const { config, diagnostics } = loadStackConfig({ name: 's', file: 'f', dir: '/tmp', json: { resource: { null_resource: { r: resource } }, variable: variables } });
  assert.deepEqual(diagnostics, []);
  const vars = new Map(Object.entries(variables).map(([k, v]) => [k, (v as { default: unknown }).default as never]));
  return { rc: config.resources.get('null_resource.r')!, scope: new StackScope(config, vars) };
}

test('count expands to indexed instances; 0 gives none', () => {
  const { rc, scope } = setup({ count: '${2 + 1}' });
  const e = expandResource(rc, scope.root);
  assert.deepEqual(e.expansion, { kind: 'count', count: 3 });
  assert.deepEqual(
    e.instances.map((i) => i.key),
    [0, 1, 2],
  );
  const z = setup({ count: 0 });
  assert.equal(expandResource(z.rc, z.scope.root).instances.length, 0);
});

test('for_each over a map and over a set of strings', () => {
  const m = setup({ for_each: { b: 1, a: 2 } });
  const e = expandResource(m.rc, m.scope.root);
  assert.deepEqual(
    e.instances.map((i) => [i.key, i.eachValue]),
    [
      ['a', 2],
      ['b', 1],
    ],
  );
  const s = setup({ for_each: '${toset(["y", "x", "y"])}' });
  assert.deepEqual(
    expandResource(s.rc, s.scope.root).instances.map((i) => i.key),
    ['x', 'y'],
  );
});

test('bad count and for_each values are errors that explain the rule', () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ count: -1 }, /whole non-negative number/],
    [{ count: 1.5 }, /whole non-negative number/],
    [{ for_each: '${["a", "b"]}' }, /Convert a list with toset/],
    [{ for_each: '${toset([1, 2])}' }, /sets of strings|set of strings|supports/],
    [{ for_each: null }, /null/],
  ];
  for (const [r, re] of cases) {
    const { rc, scope } = setup(r);
    assert.throws(
      () => expandResource(rc, scope.root),
      (e: unknown) => e instanceof ExpressionError && re.test(`${e.summary} ${e.detail}`),
      JSON.stringify(r),
    );
  }
});

test('an unknown count cannot be planned', () => {
  const { rc } = setup({ count: '${var.n}' }, { n: { default: null } });
  const { config } = loadStackConfig({ name: 's', file: 'f', dir: '/tmp', json: { resource: { null_resource: { r: { count: '${var.n}' } } }, variable: { n: {} } } });
  const scope = new StackScope(config, new Map([['n', new Unknown()]]));
  assert.throws(() => expandResource(rc, scope.root), /Invalid count argument/);
});
