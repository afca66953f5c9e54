import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEndpoint } from '../addrs.ts';
import { prepareStack } from '../operations/prepare-stack.ts';
import { endpointsOverlap, moveStatements, removeStatements } from './move-statements.ts';

// a module called with for_each, holding moves (one chain declared backwards) and a removed block
const child = {
  resource: { null_resource: { c: {} } },
  moved: [
    { from: 'null_resource.b', to: 'null_resource.c' },
    { from: 'null_resource.a', to: 'null_resource.b' },
  ],
  removed: [{ from: 'null_resource.gone', lifecycle: { destroy: false } }],
};
const json = {
  module: { m: { source: './m', for_each: '${toset(["x", "y"])}', '#module': { dir: '/tmp/m', json: child } } },
  moved: [{ from: 'null_resource.r', to: 'module.m["x"].null_resource.a' }],
};

test('moved and removed blocks of a called module apply to each of its instances, chains in order', () => {
  const r = prepareStack({ name: 's', file: '/tmp/main.tf.json', dir: '/tmp', json, bytes: Buffer.from(JSON.stringify(json)) }, { env: {} });
  assert.ok(r.stack, r.diagnostics.map((d) => d.summary).join('\n'));
  const moves = moveStatements(r.stack.config).map((m) => `${m.fromText} -> ${m.toText}`);
  // the root's move into module.m["x"] first, then a -> b before b -> c in each instance
  assert.deepEqual(moves, [
    'null_resource.r -> module.m["x"].null_resource.a',
    'module.m["x"].null_resource.a -> module.m["x"].null_resource.b',
    'module.m["x"].null_resource.b -> module.m["x"].null_resource.c',
    'module.m["y"].null_resource.a -> module.m["y"].null_resource.b',
    'module.m["y"].null_resource.b -> module.m["y"].null_resource.c',
  ]);
  assert.deepEqual(
    removeStatements(r.stack.config).map((s) => [s.fromText, s.destroy]),
    [
      ['module.m["x"].null_resource.gone', false],
      ['module.m["y"].null_resource.gone', false],
    ],
  );
});

test('endpointsOverlap: same resource, instance inside resource, resource inside module', () => {
  const e = parseEndpoint;
  assert.equal(endpointsOverlap(e('a.b'), e('a.b[0]')), true);
  assert.equal(endpointsOverlap(e('a.b[0]'), e('a.b[1]')), false);
  assert.equal(endpointsOverlap(e('module.m'), e('module.m["k"].a.b')), true);
  assert.equal(endpointsOverlap(e('module.m["j"]'), e('module.m["k"].a.b')), false);
  assert.equal(endpointsOverlap(e('module.m'), e('module.mm')), false);
  assert.equal(endpointsOverlap(e('module.m.module.n'), e('module.m')), true);
});
