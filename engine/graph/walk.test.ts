import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dag, CycleError } from './dag.ts';
import { walk } from './walk.ts';
import { bigGraph } from './testdata/big-graph.ts';

const tick = () => new Promise<void>((r) => setImmediate(r));

function dagOf(edges: [string, string][], nodes: string[] = []): Dag {
  const d = new Dag();
  for (const n of nodes) d.addNode(n);
  for (const [f, t] of edges) d.addEdge(f, t);
  return d;
}

test('visits each node once, after all its dependencies completed', async () => {
  const d = dagOf(
    [
      ['app', 'db'],
      ['app', 'net'],
      ['db', 'net'],
      ['web', 'app'],
    ],
    ['web', 'app', 'db', 'net', 'solo'],
  );
  const done = new Set<string>();
  const visited: string[] = [];
  const r = await walk(d, {
    parallelism: 4,
    visit: async (id) => {
      for (const dep of d.dependencies(id)) assert.ok(done.has(dep), `${id} started before ${dep} finished`);
      visited.push(id);
      await tick();
      done.add(id);
    },
  });
  assert.deepEqual(visited.slice().sort(), ['app', 'db', 'net', 'solo', 'web']);
  assert.equal(r.completed.length, 5);
  assert.equal(r.failed.size + r.skipped.size + r.cancelled.length, 0);
});

test('parallelism 1 starts ready nodes in insertion order', async () => {
  const d = dagOf([['c', 'a']], ['c', 'b', 'a', 'd']);
  const order: string[] = [];
  await walk(d, {
    parallelism: 1,
    visit: async (id) => {
      order.push(id);
    },
  });
  assert.deepEqual(order, ['b', 'a', 'c', 'd']);
});

for (const parallelism of [1, 3, 10]) {
  test(`never more than ${parallelism} visits in flight`, async () => {
    const d = new Dag();
    for (let i = 0; i < 50; i++) d.addNode(`n${i}`);
    for (let i = 10; i < 50; i++) d.addEdge(`n${i}`, `n${i % 10}`);
    let inFlight = 0;
    let maxInFlight = 0;
    const r = await walk(d, {
      parallelism,
      visit: async () => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await tick();
        await tick();
        inFlight--;
      },
    });
    assert.equal(r.completed.length, 50);
    assert.equal(maxInFlight, parallelism); // the bound is reached, never exceeded
  });
}

test('a failure skips its dependents transitively and independent branches finish', async () => {
  // a <- b <- c ; a <- d ; x <- y (independent)
  const d = dagOf(
    [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'a'],
      ['y', 'x'],
      ['c', 'y'],
    ],
    ['a', 'b', 'c', 'd', 'x', 'y'],
  );
  const boom = new Error('provider said no');
  const r = await walk(d, {
    parallelism: 2,
    visit: async (id) => {
      await tick();
      if (id === 'b') throw boom;
    },
  });
  assert.deepEqual(r.completed.slice().sort(), ['a', 'd', 'x', 'y']);
  assert.deepEqual([...r.failed], [['b', boom]]);
  assert.deepEqual([...r.skipped], [['c', 'b']]);
  assert.deepEqual(r.cancelled, []);
});

test('a visit that throws synchronously counts as failed', async () => {
  const d = dagOf([['b', 'a']]);
  const r = await walk(d, {
    parallelism: 1,
    visit: (id) => {
      if (id === 'a') throw new Error('sync');
      return Promise.resolve();
    },
  });
  assert.deepEqual([...r.failed.keys()], ['a']);
  assert.deepEqual([...r.skipped], [['b', 'a']]);
});

test('reverse walks dependents first (destroy order)', async () => {
  const d = dagOf([
    ['app', 'db'],
    ['db', 'net'],
  ]);
  const order: string[] = [];
  const r = await walk(d, {
    parallelism: 3,
    reverse: true,
    visit: async (id) => {
      order.push(id);
      await tick();
    },
  });
  assert.deepEqual(order, ['app', 'db', 'net']);
  assert.deepEqual(r.completed, ['app', 'db', 'net']);
});

test('reverse walk skips dependencies of a failed node', async () => {
  const d = dagOf(
    [
      ['app', 'db'],
      ['db', 'net'],
      ['other', 'net'],
    ],
    ['app', 'db', 'net', 'other'],
  );
  const r = await walk(d, {
    parallelism: 1,
    reverse: true,
    visit: async (id) => {
      if (id === 'app') throw new Error('x');
    },
  });
  assert.deepEqual(r.completed, ['other']);
  assert.deepEqual(
    [...r.skipped],
    [
      ['db', 'app'],
      ['net', 'app'],
    ],
  );
});

test('abort: no new visits, in-flight ones see the signal and are awaited, the rest are cancelled', async () => {
  const d = new Dag();
  for (let i = 0; i < 6; i++) d.addNode(`n${i}`);
  const controller = new AbortController();
  const started: string[] = [];
  const sawAbort: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const running = walk(d, {
    parallelism: 2,
    signal: controller.signal,
    visit: async (id, signal) => {
      started.push(id);
      if (started.length === 2) {
        // both in flight now: abort, then let them observe it
        controller.abort();
        release();
      }
      await gate;
      if (signal.aborted) {
        sawAbort.push(id);
        if (id === 'n1') throw new Error('interrupted');
      }
    },
  });
  const r = await running;
  assert.deepEqual(started, ['n0', 'n1']);
  assert.deepEqual(sawAbort.sort(), ['n0', 'n1']);
  assert.deepEqual(r.completed, ['n0']);
  assert.deepEqual([...r.failed.keys()], ['n1']);
  assert.deepEqual(r.cancelled, ['n2', 'n3', 'n4', 'n5']);
});

test('an already aborted signal starts nothing', async () => {
  const d = dagOf([['b', 'a']]);
  let visits = 0;
  const r = await walk(d, {
    parallelism: 4,
    signal: AbortSignal.abort(),
    visit: async () => {
      visits++;
    },
  });
  assert.equal(visits, 0);
  assert.deepEqual(r.cancelled, ['b', 'a']);
});

test('a cycle throws CycleError before any visit', async () => {
  const d = dagOf([
    ['ok', 'a'],
    ['a', 'b'],
    ['b', 'a'],
  ]);
  let visits = 0;
  await assert.rejects(
    walk(d, {
      parallelism: 2,
      visit: async () => {
        visits++;
      },
    }),
    CycleError,
  );
  assert.equal(visits, 0);
});

test('parallelism below 1 is refused', async () => {
  await assert.rejects(walk(new Dag(), { parallelism: 0, visit: async () => {} }), RangeError);
});

test('an empty graph completes at once', async () => {
  const r = await walk(new Dag(), { parallelism: 1, visit: async () => assert.fail('no visits expected') });
  assert.deepEqual(r.completed, []);
});

test('a 20k-node graph walks to completion', async () => {
  const d = bigGraph(20_000);
  const done = new Uint8Array(20_000);
  let violations = 0;
  const started = performance.now();
  const r = await walk(d, {
    parallelism: 10,
    visit: async (id) => {
      const i = Number(id.slice(1));
      for (const dep of d.dependencies(id)) if (!done[Number(dep.slice(1))]) violations++;
      done[i] = 1;
    },
  });
  console.log(`# 20k nodes: walk in ${(performance.now() - started).toFixed(1)} ms`);
  assert.equal(r.completed.length, 20_000);
  assert.equal(violations, 0);
});
