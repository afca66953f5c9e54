import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkQueue } from './work-queue.ts';

test('at most `limit` jobs run at once, and waiting jobs start in arrival order', async () => {
  const q = new WorkQueue(2);
  const started: string[] = [];
  let peak = 0;
  const gates = new Map<string, () => void>();
  const job = (name: string) =>
    q.run(async () => {
      started.push(name);
      peak = Math.max(peak, q.running);
      await new Promise<void>((r) => gates.set(name, r));
      return name;
    });
  const all = ['slow', 'a', 'b', 'c'].map(job);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(started, ['slow', 'a']);
  assert.equal(q.queued, 2);
  gates.get('a')!(); // the slow one keeps its slot; the rest pass through the other
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(started, ['slow', 'a', 'b']);
  gates.get('b')!();
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(started, ['slow', 'a', 'b', 'c']);
  gates.get('c')!();
  gates.get('slow')!();
  assert.deepEqual(await Promise.all(all), ['slow', 'a', 'b', 'c']);
  assert.equal(peak, 2);
  assert.equal(q.running, 0);
});

test('a failing job frees its slot', async () => {
  const q = new WorkQueue(1);
  await assert.rejects(
    q.run(async () => {
      throw new Error('boom');
    }),
    /boom/,
  );
  assert.equal(await q.run(async () => 'next'), 'next');
});
