import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StackSummary } from '../stack-summary.ts';
import { overviewBody } from './overview.ts';
import { historyBody } from './history.ts';

function summary(name: string, holder?: StackSummary['holder']): StackSummary {
  return {
    name,
    environment: 'prod',
    app: name,
    path: null,
    state: 'in sync',
    note: null,
    versions: 1,
    subject: null,
    control: {},
    fetched: null,
    current: { serial: 1, time: '2026-01-02T03:04:05.000Z', reason: 'apply', revision: null, author: null, changes: { add: 1, change: 0, destroy: 0 }, resources: 1 },
    ...(holder ? { holder } : {}),
  };
}

const sharding = { identity: 'agent-b', namespace: 'ballast', shards: 4, replicas: ['agent-a', 'agent-b'], fairShare: 2, held: [1, 3] };

test('sharded: the overview names this replica, the live replicas, and who holds each stack since when', () => {
  const text = overviewBody(
    [
      summary('web', { shard: 1, replica: 'agent-b', since: '2026-01-02T03:00:00.000Z' }),
      summary('db', { shard: 2, replica: 'agent-a', since: '2026-01-02T02:00:00.000Z' }),
      summary('queue', { shard: 0, replica: null, since: null }),
    ],
    sharding,
  ).text;
  assert.match(text, /This replica: <b>agent-b<\/b> · live replicas: agent-a, agent-b · holds shards 1, 3 of 4/);
  assert.match(text, /<th>Replica<\/th>/);
  assert.match(text, /<tr data-stack="web">[\s\S]*held by agent-b since <time datetime="2026-01-02T03:00:00.000Z">2026-01-02 03:00:00Z<\/time> \(shard 1\)[\s\S]*?<\/tr>/);
  assert.match(text, /<tr data-stack="db">[\s\S]*held by agent-a since [\s\S]*\(shard 2\)[\s\S]*?<\/tr>/);
  assert.match(text, /<tr data-stack="queue">[\s\S]*shard 0: no replica holds it/);
});

test('not sharded: no replica column, no replica line', () => {
  const text = overviewBody([summary('web')]).text;
  assert.doesNotMatch(text, /Replica|replica|held by/);
});

test('the stack page shows the holder when sharded, nothing otherwise', () => {
  const view = { versions: [], authors: new Map<number, string>(), commits: new Map(), csrf: null };
  assert.match(
    historyBody({ ...view, summary: summary('web', { shard: 3, replica: 'agent-a', since: '2026-01-02T03:00:00.000Z' }) }).text,
    /held by agent-a since <time[^>]*>2026-01-02 03:00:00Z<\/time> \(shard 3\)/,
  );
  assert.doesNotMatch(historyBody({ ...view, summary: summary('web') }).text, /held by|shard/);
});
