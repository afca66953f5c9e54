import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moveInstance, parseEndpoint, parseInstance } from '../addrs.ts';
import { prepareStack } from '../operations/prepare-stack.ts';
import { declaredAt, endpointsOverlap, impliedMoveStatements, moveStatementDiagnostics, moveStatements, removeStatements } from './move-statements.ts';

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

const prepared = (json: Record<string, unknown>) => {
  const r = prepareStack({ name: 's', file: '/tmp/main.tf.json', dir: '/tmp', json, bytes: Buffer.from(JSON.stringify(json)) }, { env: {} });
  assert.ok(r.stack, r.diagnostics.map((d) => d.summary).join('\n'));
  return r.stack.config;
};

test('implied moves: count added moves the no-key object to [0], count removed moves [0] back; never for for_each or a resource a moved block names', () => {
  const config = prepared({
    resource: {
      terraform_data: {
        counted: { count: 2 },
        plain: {},
        each: { for_each: '${toset(["a"])}' },
        named: { count: 1 },
        target: {},
      },
      data_thing: {},
    },
    data: { terraform_data_source: { d: { count: 1 } } },
    moved: [
      { from: 'terraform_data.old', to: 'terraform_data.target' },
      { from: 'terraform_data.named[0]', to: 'terraform_data.other[0]' },
    ],
  });
  const implied = impliedMoveStatements(config, moveStatements(config)).map((m) => `${m.fromText} -> ${m.toText}`);
  assert.deepEqual(implied, ['terraform_data.counted -> terraform_data.counted[0]', 'terraform_data.plain[0] -> terraform_data.plain']);
});

test('implied moves apply inside module instances too', () => {
  const config = prepared({
    module: { m: { source: './m', count: 2, '#module': { dir: '/tmp/m', json: { resource: { terraform_data: { r: { count: 1 } } } } } } },
  });
  assert.deepEqual(
    impliedMoveStatements(config, []).map((m) => `${m.fromText} -> ${m.toText}`),
    ['module.m[0].terraform_data.r -> module.m[0].terraform_data.r[0]', 'module.m[1].terraform_data.r -> module.m[1].terraform_data.r[0]'],
  );
});

test('moved blocks that Terraform rejects: redundant, still declared, module to resource, managed to data source', () => {
  const config = prepared({
    resource: { terraform_data: { a: {}, b: {} } },
    module: { m: { source: './m', '#module': { dir: '/tmp/m', json: {} } } },
    moved: [
      { from: 'terraform_data.a', to: 'terraform_data.b' },
      { from: 'terraform_data.c', to: 'terraform_data.c' },
      { from: 'terraform_data.d', to: 'module.n' },
      { from: 'terraform_data.e', to: 'data.terraform_remote_state.e' },
      { from: 'module.m', to: 'module.n' },
      { from: 'terraform_data.f[0]', to: 'terraform_data.g' },
      { from: 'terraform_data.ok', to: 'terraform_data.fine' },
    ],
  });
  const diags = moveStatementDiagnostics(config, moveStatements(config));
  assert.deepEqual(
    diags.map((d) => [d.severity, d.summary, d.where?.address]),
    [
      ['error', 'Moved object still exists', 'moved terraform_data.a -> terraform_data.b'],
      ['error', 'Redundant move statement', 'moved terraform_data.c -> terraform_data.c'],
      ['error', 'Invalid "moved" addresses', 'moved terraform_data.d -> module.n'],
      ['error', 'Resource type mismatch', 'moved terraform_data.e -> data.terraform_remote_state.e'],
      ['error', 'Moved object still exists', 'moved module.m -> module.n'],
    ],
  );
  assert.match(
    diags[0].detail!,
    /^This statement declares a move from terraform_data\.a, but that resource is still declared at main\.tf\.json \(\/resource\/terraform_data\/a\)\.\n\nChange your configuration so that this resource will be declared as terraform_data\.b instead\.$/,
  );
  assert.match(diags[4].detail!, /that module call is still declared at /);
  // each names its own block
  assert.deepEqual(
    diags.map((d) => d.where?.range?.pointer),
    ['/moved/0', '/moved/1', '/moved/2', '/moved/3', '/moved/4'],
  );
});

test('a resource address moved to or from an instance names the no-key instance, as in Terraform', () => {
  const config = prepared({
    moved: [
      { from: 'terraform_data.f[1]', to: 'terraform_data.g' },
      { from: 'terraform_data.h', to: 'terraform_data.h["a"]' },
    ],
  });
  const moves = moveStatements(config);
  assert.deepEqual(moveStatementDiagnostics(config, moves), []);
  const moved = (i: number, address: string) => {
    const m = moves[i];
    return m.from.kind !== 'module' && m.to.kind !== 'module' ? moveInstance(parseInstance(address), m.from, m.to) : undefined;
  };
  assert.deepEqual(moved(0, 'terraform_data.f[1]'), { mode: 'managed', type: 'terraform_data', name: 'g', key: undefined });
  assert.equal(moved(0, 'terraform_data.f[0]'), undefined);
  assert.deepEqual(moved(1, 'terraform_data.h'), { mode: 'managed', type: 'terraform_data', name: 'h', key: 'a' });
  assert.equal(moved(1, 'terraform_data.h["b"]'), undefined);
});

test('declaredAt: file:line,column as Terraform writes it, or the JSON pointer', () => {
  assert.equal(declaredAt({ file: '/s/main.tf', line: 3, column: 1 }, '/s'), 'main.tf:3,1');
  assert.equal(declaredAt({ file: '/s/cdk.tf.json', pointer: '/resource/a/b' }, '/s'), 'cdk.tf.json (/resource/a/b)');
});

test('ambiguous moves (one source to two places, two sources to one place) and cycles are errors, as in Terraform', () => {
  const config = prepared({
    moved: [
      { from: 'terraform_data.a', to: 'terraform_data.b' },
      { from: 'terraform_data.a', to: 'terraform_data.c' },
      { from: 'terraform_data.x', to: 'terraform_data.z' },
      { from: 'terraform_data.y', to: 'terraform_data.z' },
      { from: 'module.p', to: 'module.q' },
      { from: 'module.p', to: 'module.r' },
    ],
  });
  const diags = moveStatementDiagnostics(config, moveStatements(config));
  assert.deepEqual(
    diags.map((d) => [d.summary, d.where?.range?.pointer]),
    [
      ['Ambiguous move statements', '/moved/1'],
      ['Ambiguous move statements', '/moved/3'],
      ['Ambiguous move statements', '/moved/5'],
    ],
  );
  assert.equal(
    diags[0].detail,
    'A statement at main.tf.json (/moved/0) declared that terraform_data.a moved to terraform_data.b, but this statement instead declares that it moved to terraform_data.c.\n\nEach resource can move to only one destination resource.',
  );
  assert.equal(
    diags[1].detail,
    'A statement at main.tf.json (/moved/2) declared that terraform_data.x moved to terraform_data.z, but this statement instead declares that terraform_data.y moved there.\n\nEach resource can have moved from only one source resource.',
  );
  assert.match(diags[2].detail!, /Each module call can move to only one destination call\.$/);

  const cyclic = prepared({
    moved: [
      { from: 'terraform_data.p', to: 'terraform_data.q' },
      { from: 'terraform_data.q', to: 'terraform_data.p' },
      { from: 'terraform_data.s', to: 'terraform_data.t' },
    ],
  });
  const c = moveStatementDiagnostics(cyclic, moveStatements(cyclic));
  assert.deepEqual(
    c.map((d) => d.summary),
    ['Cyclic dependency in move statements'],
  );
  assert.match(
    c[0].detail!,
    /^The following chained move statements form a cycle, and so there is no final location to move objects to:\n {2}- main\.tf\.json \(\/moved\/0\): terraform_data\.p\[\*\] → terraform_data\.q\[\*\]\n {2}- main\.tf\.json \(\/moved\/1\): terraform_data\.q\[\*\] → terraform_data\.p\[\*\]\n\n/,
  );
});

test('a mistaken moved block in a module called with count is reported once, not once per instance', () => {
  const config = prepared({
    module: { m: { source: './m', count: 2, '#module': { dir: '/tmp/m', json: { moved: [{ from: 'terraform_data.c', to: 'terraform_data.c' }] } } } },
  });
  const diags = moveStatementDiagnostics(config, moveStatements(config));
  assert.deepEqual(
    diags.map((d) => [d.summary, d.where?.address]),
    [['Redundant move statement', 'moved module.m[0].terraform_data.c -> module.m[0].terraform_data.c']],
  );
});
