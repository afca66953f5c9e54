import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyProgress, type ProgressClock } from './apply-progress.ts';

/** A clock the test moves by hand: timers fire when the test advances time past them. */
function manualClock() {
  let now = 0;
  const timers = new Map<number, { fn: () => void; every: number; next: number }>();
  let seq = 0;
  const clock: ProgressClock = {
    setInterval: (fn, every) => {
      timers.set(++seq, { fn, every, next: now + every });
      return seq;
    },
    clearInterval: (h) => {
      timers.delete(h as number);
    },
    now: () => now,
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.values()].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      now = due.next;
      due.next += due.every;
      due.fn();
    }
    now = end;
  };
  return { clock, advance, active: () => timers.size };
}

test('Creating..., Still creating... every 10 s, Creation complete after Ns [id=...]', () => {
  const lines: string[] = [];
  const { clock, advance, active } = manualClock();
  const p = applyProgress(
    (l) => lines.push(l),
    () => 'old-id',
    { clock },
  );
  p.onEvent({ kind: 'start', address: 'aws_x.a', action: 'create' });
  p.onEvent({ kind: 'start', address: 'aws_x.b', action: 'update' });
  advance(25_000);
  p.onEvent({ kind: 'done', address: 'aws_x.a', action: 'create', ms: 25_400, id: 'i-123' });
  advance(5_000);
  p.onEvent({ kind: 'done', address: 'aws_x.b', action: 'update', ms: 30_000, id: 'old-id' });
  p.onEvent({ kind: 'start', address: 'aws_x.c', action: 'destroy' });
  p.onEvent({ kind: 'done', address: 'aws_x.c', action: 'destroy', ms: 300 });
  p.onEvent({ kind: 'start', address: 'aws_x.d', action: 'delete-then-create' });
  p.onEvent({ kind: 'failed', address: 'aws_x.d', action: 'delete-then-create', message: 'boom' });
  assert.deepEqual(lines, [
    'aws_x.a: Creating...',
    'aws_x.b: Modifying... [id=old-id]',
    'aws_x.a: Still creating... [10s elapsed]',
    'aws_x.b: Still modifying... [10s elapsed]',
    'aws_x.a: Still creating... [20s elapsed]',
    'aws_x.b: Still modifying... [20s elapsed]',
    'aws_x.a: Creation complete after 25s [id=i-123]',
    'aws_x.b: Still modifying... [30s elapsed]',
    'aws_x.b: Modifications complete after 30s [id=old-id]',
    'aws_x.c: Destroying... [id=old-id]',
    'aws_x.c: Destruction complete after 0s',
    'aws_x.d: Creating...',
    'aws_x.d: Creating failed',
  ]);
  assert.equal(active(), 0, 'no timer is left running');
  p.stop();
});

test('stop clears the timers of operations still running', () => {
  const { clock, active } = manualClock();
  const p = applyProgress(
    () => undefined,
    () => undefined,
    { clock },
  );
  p.onEvent({ kind: 'start', address: 'aws_x.a', action: 'read' });
  assert.equal(active(), 1);
  p.stop();
  assert.equal(active(), 0);
});
