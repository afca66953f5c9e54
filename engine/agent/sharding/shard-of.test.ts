import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shardOf } from './shard-of.ts';

test('a stack maps to the same shard every time, inside the range', () => {
  for (const s of ['a', 'web', 'stacks/prod/db', 'ünïcode']) {
    const n = shardOf(s, 64);
    assert.ok(n >= 0 && n < 64);
    assert.equal(shardOf(s, 64), n);
  }
  // pinned values: changing the hash would move every stack to another replica at upgrade
  assert.deepEqual(
    ['web', 'stack-1', 'a'].map((s) => shardOf(s, 64)),
    [54, 63, 18],
  );
});

test('stacks spread over the shards roughly evenly', () => {
  const counts = new Array<number>(16).fill(0);
  for (let i = 0; i < 1600; i++) counts[shardOf(`stack-${i}`, 16)]!++;
  for (const c of counts) assert.ok(c > 60 && c < 140, `uneven spread: ${counts.join(',')}`);
});
