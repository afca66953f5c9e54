import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Slots } from './slots.ts';

test('at most size tasks run at once, waiters start first come first served, a failure frees its slot', async () => {
  const slots = new Slots(2);
  let inFlight = 0;
  let most = 0;
  const started: number[] = [];
  const task = (i: number) =>
    slots.run(async () => {
      started.push(i);
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      if (i === 1) throw new Error('task 1 fails');
      return i;
    });
  const results = await Promise.allSettled([0, 1, 2, 3, 4].map(task));
  assert.equal(most, 2);
  assert.deepEqual(started, [0, 1, 2, 3, 4]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled'],
  );
  assert.equal(await slots.run(async () => 'free again'), 'free again');
});

test('a slot count below one is refused', () => {
  assert.throws(() => new Slots(0), RangeError);
});

test('thousands of waiters, some queued while others are served, all start in arrival order within the bound', async () => {
  const slots = new Slots(3);
  let inFlight = 0;
  let most = 0;
  const started: number[] = [];
  const task = (i: number): Promise<number> =>
    slots.run(async () => {
      started.push(i);
      most = Math.max(most, ++inFlight);
      await Promise.resolve();
      inFlight--;
      return i;
    });
  const first = Array.from({ length: 2000 }, (_, i) => task(i));
  // a second wave joins while the first is being served (the queue's served part is dropped meanwhile)
  await first[500];
  const second = Array.from({ length: 1000 }, (_, i) => task(2000 + i));
  const results = await Promise.all([...first, ...second]);
  assert.deepEqual(
    results,
    Array.from({ length: 3000 }, (_, i) => i),
  );
  assert.deepEqual(
    started,
    Array.from({ length: 3000 }, (_, i) => i),
  );
  assert.equal(most, 3);
});
