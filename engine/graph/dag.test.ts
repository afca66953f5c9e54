import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dag, CycleError } from './dag.ts';
import { bigGraph } from './testdata/big-graph.ts';

function dagOf(edges: [string, string][], nodes: string[] = []): Dag {
  const d = new Dag();
  for (const n of nodes) d.addNode(n);
  for (const [f, t] of edges) d.addEdge(f, t);
  return d;
}

test('nodes keep insertion order, edges add missing nodes and repeated edges count once', () => {
  const d = dagOf(
    [
      ['b', 'a'],
      ['b', 'a'],
      ['c', 'b'],
    ],
    ['x'],
  );
  assert.deepEqual(d.nodes(), ['x', 'b', 'a', 'c']);
  assert.equal(d.size, 4);
  assert.deepEqual(d.dependencies('b'), ['a']);
  assert.deepEqual(d.dependents('a'), ['b']);
  assert.ok(d.hasNode('c'));
  assert.ok(!d.hasNode('zzz'));
  assert.throws(() => d.dependencies('zzz'), /no node "zzz"/);
});

test('topological order puts dependencies first and keeps insertion order among peers', () => {
  const d = dagOf(
    [
      ['app', 'db'],
      ['app', 'net'],
      ['db', 'net'],
    ],
    ['app', 'db', 'net', 'solo'],
  );
  assert.deepEqual(d.topologicalOrder(), ['net', 'solo', 'db', 'app']);
});

test('a self-loop is a cycle of one', () => {
  const d = dagOf([
    ['a', 'b'],
    ['b', 'b'],
  ]);
  assert.deepEqual(d.findCycle(), ['b']);
  assert.throws(
    () => d.topologicalOrder(),
    (e: unknown) => e instanceof CycleError && e.message === 'Cycle: b -> b',
  );
});

test('a long cycle is found and named in dependency order', () => {
  const d = new Dag();
  d.addEdge('root', 'n0');
  for (let i = 0; i < 1000; i++) d.addEdge(`n${i}`, `n${i + 1}`);
  d.addEdge('n1000', 'n3');
  const c = d.findCycle();
  assert.ok(c);
  assert.equal(c.length, 998);
  assert.equal(c[0], 'n3');
  assert.equal(c[c.length - 1], 'n1000');
  // each id depends on the next, the last on the first
  for (let i = 0; i < c.length; i++) assert.ok(d.dependencies(c[i]).includes(c[(i + 1) % c.length]));
  try {
    d.topologicalOrder();
    assert.fail('expected a CycleError');
  } catch (e) {
    assert.ok(e instanceof CycleError);
    assert.deepEqual(e.cycle, c);
    assert.match(e.message, /^Cycle: n3 -> n4 -> .* -> n1000 -> n3$/);
  }
});

test('cycle message uses resource addresses as given', () => {
  const d = dagOf([
    ['aws_a.x', 'aws_b.y'],
    ['aws_b.y', 'aws_a.x'],
  ]);
  assert.throws(() => d.topologicalOrder(), { message: 'Cycle: aws_a.x -> aws_b.y -> aws_a.x' });
});

test('an acyclic graph has no cycle, including diamonds', () => {
  const d = dagOf([
    ['top', 'l'],
    ['top', 'r'],
    ['l', 'base'],
    ['r', 'base'],
  ]);
  assert.equal(d.findCycle(), null);
});

test('ancestors and descendants are transitive closures that include the given ids', () => {
  //  app -> db -> net ; app -> cache ; web -> app ; other -> net
  const d = dagOf(
    [
      ['app', 'db'],
      ['db', 'net'],
      ['app', 'cache'],
      ['web', 'app'],
      ['other', 'net'],
    ],
    ['lonely'],
  );
  assert.deepEqual([...d.ancestorsOf(['app'])].sort(), ['app', 'cache', 'db', 'net']);
  assert.deepEqual([...d.descendantsOf(['net'])].sort(), ['app', 'db', 'net', 'other', 'web']);
  assert.deepEqual([...d.ancestorsOf(['lonely', 'db'])].sort(), ['db', 'lonely', 'net']);
  assert.throws(() => d.ancestorsOf(['nope']), /no node "nope"/);
});

test('reversed turns every edge around', () => {
  const d = dagOf([
    ['b', 'a'],
    ['c', 'b'],
  ]);
  const r = d.reversed();
  assert.deepEqual(r.nodes(), d.nodes());
  assert.deepEqual(r.dependencies('a'), ['b']);
  assert.deepEqual(r.topologicalOrder(), ['c', 'b', 'a']);
  assert.deepEqual(d.topologicalOrder(), ['a', 'b', 'c']);
});

test('a 20k-node graph with 50k+ edges sorts and checks for cycles', () => {
  const d = bigGraph(20_000);
  const started = performance.now();
  assert.equal(d.findCycle(), null);
  const order = d.topologicalOrder();
  console.log(`# 20k nodes: cycle check + topological sort in ${(performance.now() - started).toFixed(1)} ms`);
  assert.equal(order.length, 20_000);
  const pos = new Map(order.map((id, i) => [id, i]));
  for (const id of d.nodes()) for (const dep of d.dependencies(id)) assert.ok(pos.get(dep)! < pos.get(id)!);
  // closing one back edge makes it cyclic
  d.addEdge('n0', 'n19999');
  assert.ok(d.findCycle());
});
