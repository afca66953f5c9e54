import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planShare, type LeaseView } from './share-plan.ts';

const D = 15_000;
const now = 1_000_000;
const live = (holder: string): LeaseView => ({ holder, renewMs: now - 1000, durationMs: D });
const expired = (holder: string): LeaseView => ({ holder, renewMs: now - D - 1, durationMs: D });
const none = () => false;

test('a lone replica takes every shard, creating missing Leases', () => {
  const p = planShare({ identity: 'a', shards: 8, now, leases: new Map(), members: [], held: new Set(), busy: none });
  assert.equal(p.replicas, 1);
  assert.equal(p.target, 8);
  assert.deepEqual(
    [...p.acquire].sort((x, y) => x - y),
    [0, 1, 2, 3, 4, 5, 6, 7],
  );
});

test('with three live replicas the share is ceil(shards / 3); live Leases of others are left alone', () => {
  const leases = new Map<number, LeaseView>([
    [0, live('b')],
    [1, live('b')],
    [2, live('c')],
  ]);
  const p = planShare({ identity: 'a', shards: 8, now, leases, members: [live('a'), live('b'), live('c')], held: new Set(), busy: none });
  assert.equal(p.target, 3);
  assert.equal(p.acquire.length, 3);
  for (const s of p.acquire) assert.ok(s > 2);
});

test('expired Leases and members do not count; their shards are taken over', () => {
  const leases = new Map<number, LeaseView>([
    [0, expired('b')],
    [1, expired('b')],
    [2, live('a')],
    [3, live('a')],
  ]);
  const p = planShare({ identity: 'a', shards: 4, now, leases, members: [live('a'), expired('b')], held: new Set([2, 3]), busy: none });
  assert.equal(p.replicas, 1);
  assert.deepEqual(p.renew.sort(), [2, 3]);
  assert.deepEqual(p.acquire.sort(), [0, 1]);
});

test('a new replica makes the others hand back idle extras, never a busy one', () => {
  const leases = new Map<number, LeaseView>([0, 1, 2, 3].map((s) => [s, live('a')]));
  const p = planShare({ identity: 'a', shards: 4, now, leases, members: [live('a'), live('b')], held: new Set([0, 1, 2, 3]), busy: (s) => s !== 3 });
  assert.equal(p.target, 2);
  // only shard 3 is idle: one extra is kept until its step ends
  assert.deepEqual(p.release, [3]);
  assert.equal(p.renew.length, 3);
  assert.deepEqual(p.acquire, []);
});

test('a shard whose Lease names another holder is lost, not renewed', () => {
  const leases = new Map<number, LeaseView>([
    [0, live('b')],
    [1, live('a')],
  ]);
  const p = planShare({ identity: 'a', shards: 2, now, leases, members: [live('a'), live('b')], held: new Set([0, 1]), busy: none });
  assert.deepEqual(p.lost, [0]);
  assert.deepEqual(p.renew, [1]);
  assert.deepEqual(p.acquire, []);
});

test('replicas prefer different shards (rendezvous order), so they rarely race', () => {
  const a = planShare({ identity: 'agent-a', shards: 64, now, leases: new Map(), members: [live('agent-a'), live('agent-b')], held: new Set(), busy: none });
  const b = planShare({ identity: 'agent-b', shards: 64, now, leases: new Map(), members: [live('agent-a'), live('agent-b')], held: new Set(), busy: none });
  const overlap = a.acquire.filter((s) => b.acquire.includes(s)).length;
  assert.ok(overlap < 24, `overlap ${overlap} of 32`);
});
