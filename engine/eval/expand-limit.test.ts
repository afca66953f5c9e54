// count and for_each have a documented ceiling (MAX_INSTANCES), checked before any instance is
// allocated: count = 4294967296 used to fail with "RangeError: Invalid array length" and
// count = 10000000 ran a plan past 4 GB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadStackConfig } from '../config/load.ts';
import { StackScope } from './stack-scope.ts';
import { expandResource, MAX_INSTANCES } from './expand.ts';
import { ExpressionError } from '../lang/expression-error.ts';

function setup(resource: Record<string, unknown>) {
  const { config, diagnostics } = loadStackConfig({ name: 's', file: 'f', dir: '/tmp', json: { resource: { null_resource: { r: resource } } } });
  assert.deepEqual(diagnostics, []);
  return { rc: config.resources.get('null_resource.r')!, scope: new StackScope(config, new Map()) };
}

const manyKeys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

const refused = (arg: string, n: number) => (e: unknown) =>
  e instanceof ExpressionError && e.message.includes(`Invalid ${arg} argument`) && String(e.detail).includes(`gives ${n} instances`) && String(e.detail).includes(`at most ${MAX_INSTANCES}`);

test('a huge count is refused with a clear error before allocating', () => {
  for (const n of [4294967296, 10_000_000, MAX_INSTANCES + 1]) {
    const { rc, scope } = setup({ count: n });
    assert.throws(() => expandResource(rc, scope.root), refused('count', n));
  }
  const { rc, scope } = setup({ count: '${4294967296 * 4294967296}' });
  assert.throws(
    () => expandResource(rc, scope.root),
    (e: unknown) => e instanceof ExpressionError && /at most/.test(String(e.detail)),
  );
});

test('count and for_each at the limit still expand', () => {
  const c = setup({ count: MAX_INSTANCES });
  assert.equal(expandResource(c.rc, c.scope.root).instances.length, MAX_INSTANCES);
  const f = setup({ for_each: manyKeys(MAX_INSTANCES) });
  assert.equal(expandResource(f.rc, f.scope.root).instances.length, MAX_INSTANCES);
});

test('for_each over too many keys (set or map) is refused the same way', () => {
  const set = setup({ for_each: '${toset(flatten([for a in range(11) : [for b in range(1000) : "${a}-${b}"]]))}' });
  assert.throws(() => expandResource(set.rc, set.scope.root), refused('for_each', 11_000));
  const map = setup({ for_each: manyKeys(MAX_INSTANCES + 5) });
  assert.throws(() => expandResource(map.rc, map.scope.root), refused('for_each', MAX_INSTANCES + 5));
});
