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
