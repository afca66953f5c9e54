// Several real agent processes share 30 latency-bound stacks through coordination.k8s.io/v1
// Leases on a real kube-apiserver (no kubelet: the agents are processes with a kubeconfig).
// Every stack is applied exactly once per revision; a replica killed with SIGKILL has its
// stacks taken over with no state version lost; SIGTERM hands the Leases back at once; a
// replica paused past its Lease (SIGSTOP) and resumed applies nothing.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { clusterPerFile } from './helpers/kube-per-file.ts';
import { ensureTestProviders } from './helpers/test-providers.ts';
import { makeRepo } from './helpers/git-repo.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { logEvents, rev, stateStore, stopAllAgents, type AgentProcess } from './agent-harness.ts';
import { count, leaseApi, shardHolders, startShardedAgent, thingStacks, waitForShards, type ShardedAgentOptions } from './helpers/sharded-agents.ts';
import type { StatusJson } from '../engine/agent/stack-status.ts';
import { shardOf } from '../engine/agent/sharding/shard-of.ts';

const STACKS = 30;
const SHARDS = 16;
const names = [...Array(STACKS).keys()].map((i) => `s${String(i).padStart(2, '0')}`);
// registered first, so the agents stop before the cluster they use
after(() => stopAllAgents());
const { cluster, skip } = clusterPerFile({ skip: ensureTestProviders() });

async function setup(group: string) {
  const dir = await makeTempDir('ballast-sharding-');
  const repo = makeRepo();
  after(() => repo.dispose());
  const opts: ShardedAgentOptions = {
    url: repo.bare,
    dir,
    stateDir: join(dir, 'state'),
    kubeconfig: cluster.kubeconfig,
    group,
    shards: SHARDS,
    leaseDuration: '15s',
    renewInterval: '3s',
  };
  return { dir, repo, opts, api: leaseApi(cluster.kubeconfig) };
}

const allApplied = (revision: string) => (s: StatusJson) => names.every((n) => s.stacks[n]?.lastAppliedRevision === revision);

/** apply events of every agent, by "stack revision" */
function applies(agents: AgentProcess[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  agents.forEach((a, i) => {
    for (const e of logEvents(a.logs())) {
      if (e.event !== 'apply' || typeof e.stateVersion !== 'number') continue;
      const key = `${e.stack} ${e.revision}`;
      out.set(key, [...(out.get(key) ?? []), `agent${i}`]);
    }
  });
  return out;
}

/** every stack's history: contiguous serials, one apply per revision, the chain intact */
async function checkHistories(stateDir: string, revisions: string[]): Promise<void> {
  for (const n of names) {
    const store = stateStore(stateDir, n);
    await store.verify();
    const list = await store.list();
    assert.deepEqual(
      list.map((v) => v.serial),
      list.map((_, i) => i + 1),
      `${n}: serials are contiguous`,
    );
    for (const r of revisions) assert.equal(list.filter((v) => v.sourceRevision === r).length, 1, `${n}: one state version for ${r}: ${JSON.stringify(list)}`);
    const current = await store.current();
    assert.deepEqual(Object.keys(current!.resources).sort(), revisions.map((_, i) => `ballasttest6_thing.r${i + 1}`).sort(), `${n}: every thing created is recorded`);
  }
}

test("3 agents share 30 stacks: exactly one apply per revision; kill -9 moves a replica's stacks with nothing lost; SIGTERM hands Leases back at once", { skip, timeout: 600_000 }, async () => {
  const { repo, opts, api } = await setup('trio');
  repo.commit({ 'README.md': 'sharded\n' }, 'empty');
  const agents = await Promise.all(['a0', 'a1', 'a2'].map((n) => startShardedAgent(n, opts)));
  // a fair share each: ceil(16 / 3) = 6, so every replica holds 4 to 6
  await waitForShards(api, 'trio', SHARDS, 'three replicas sharing the shards', (h) => ['a0', 'a1', 'a2'].every((a) => count(h, a) >= 4 && count(h, a) <= 6));

  const c1 = repo.commit(thingStacks(STACKS, 1, 1000), 'thirty stacks');
  const s1 = await agents[0]!.waitFor('every stack applied at c1', allApplied(rev(c1)), 240_000);
  // any replica shows every stack with its holder, from the Leases and the state store
  for (const n of names) {
    assert.ok(['a0', 'a1', 'a2'].includes(s1.stacks[n]!.holder!), `${n} has a holder: ${JSON.stringify(s1.stacks[n])}`);
    assert.ok(s1.stacks[n]!.holderSince, `${n}: holder since`);
    assert.equal(s1.stacks[n]!.stateVersion, 1);
  }
  assert.deepEqual(s1.sharding?.replicas, ['a0', 'a1', 'a2']);
  // and so does its web UI: this replica, the live replicas, each stack's holder and since when
  const overview = await (await fetch(`${agents[1]!.base}/`)).text();
  assert.match(overview, /This replica: <b>a1<\/b> · live replicas: a0, a1, a2/);
  for (const n of names) assert.match(overview, new RegExp(`<tr data-stack="${n}">[\\s\\S]*?held by a[012] since <time[\\s\\S]*?</tr>`), `${n}: its holder on the overview`);
  const byAgent = applies(agents);
  for (const n of names) assert.equal(byAgent.get(`${n} ${rev(c1)}`)?.length, 1, `${n} applied once at c1: ${byAgent.get(`${n} ${rev(c1)}`)}`);
  for (let i = 0; i < 3; i++)
    assert.ok(
      [...byAgent.values()].some((w) => w.includes(`agent${i}`)),
      `agent${i} applied some stacks`,
    );

  // kill -9 one replica while the second revision is being applied
  const c2 = repo.commit(thingStacks(STACKS, 2, 1500), 'second thing everywhere');
  const victim = agents[1]!;
  await victim.waitFor('a1 working on c2', (s) => Object.values(s.stacks).some((x) => x.holder === 'a1' && x.phase === 'running'), 60_000);
  await victim.stop('SIGKILL');
  const before = await shardHolders(api, 'trio');
  const victimShards = [...before].filter(([, v]) => v.holder === 'a1').map(([s]) => s);
  assert.ok(victimShards.length > 0);
  await waitForShards(api, 'trio', SHARDS, 'the survivors holding every shard', (h) => count(h, 'a1') === 0, 60_000);
  const survivors = [agents[0]!, agents[2]!];
  await survivors[0]!.waitFor('every stack applied at c2', allApplied(rev(c2)), 240_000);
  const byAgent2 = applies(agents);
  for (const n of names) {
    const who = byAgent2.get(`${n} ${rev(c2)}`) ?? [];
    assert.equal(who.length, 1, `${n} applied once at c2: ${who}`);
  }
  await checkHistories(opts.stateDir, [rev(c1), rev(c2)]);

  // SIGTERM: the Leases go back before the process ends, the other replica takes them
  assert.equal(await survivors[1]!.stop('SIGTERM'), 0);
  const after = await shardHolders(api, 'trio');
  assert.equal([...after.values()].filter((v) => v.holder === 'a2').length, 0, 'no shard Lease names the stopped replica');
  const members = await api.listNamespacedLease({ namespace: 'default', labelSelector: 'ballast.dev/lease-group=trio,ballast.dev/lease-kind=member' });
  assert.ok(!members.items.some((m) => m.spec?.holderIdentity === 'a2'), 'its membership Lease is gone');
  await waitForShards(api, 'trio', SHARDS, 'the last replica holding every shard', (h) => count(h, 'a0') === SHARDS, 60_000);
  const s3 = await survivors[0]!.waitFor('a0 holds every stack', (s) => names.every((n) => s.stacks[n]?.holder === 'a0'), 30_000);
  assert.equal(s3.sharding?.held.length, SHARDS);
});

test('a replica paused past its Lease (SIGSTOP) and resumed applies nothing', { skip, timeout: 600_000 }, async () => {
  const { repo, opts, api } = await setup('pause');
  repo.commit({ 'README.md': 'sharded\n' }, 'empty');
  const [a, b] = await Promise.all(['p0', 'p1'].map((n) => startShardedAgent(n, opts)));
  await waitForShards(api, 'pause', SHARDS, 'two replicas sharing the shards', (h) => count(h, 'p0') === SHARDS / 2 && count(h, 'p1') === SHARDS / 2);
  const c1 = repo.commit(thingStacks(STACKS, 1, 300), 'thirty stacks');
  await a!.waitFor('every stack applied at c1', allApplied(rev(c1)), 240_000);

  // a slow second revision: pause p0 while it works on it
  const c2 = repo.commit(thingStacks(STACKS, 2, 4000), 'slow second thing');
  await a!.waitFor('p0 working on c2', (s) => Object.values(s.stacks).some((x) => x.holder === 'p0' && x.phase === 'running'), 60_000);
  a!.child.kill('SIGSTOP');
  const pausedAt = a!.logs().length;
  try {
    // p1 sees the Leases expire and takes every shard (the stacks p0 was applying wait for their state lock)
    await waitForShards(api, 'pause', SHARDS, "p1 taking over the paused replica's shards", (h) => count(h, 'p1') === SHARDS, 60_000);
  } finally {
    a!.child.kill('SIGCONT');
  }
  await b!.waitFor('every stack applied at c2', allApplied(rev(c2)), 240_000);
  // p0 is back: it notices it lost its shards, and asks for a fair share again
  await a!.waitFor('p0 is a replica again', (s) => (s.sharding?.replicas.length ?? 0) === 2 && (s.sharding?.held.length ?? 0) > 0, 60_000);
  // after waking, p0 may apply only stacks of shards it acquired again after the pause; what it
  // held before the pause is fenced (its own clock says the hold is over)
  const reacquired = new Set<number>();
  const stale: string[] = [];
  for (const e of logEvents(a!.logs().slice(pausedAt))) {
    if (e.event === 'lease' && Array.isArray(e.acquired)) for (const s of e.acquired) reacquired.add(s as number);
    if (e.event === 'apply' && typeof e.stateVersion === 'number' && !reacquired.has(shardOf(String(e.stack), SHARDS))) stale.push(String(e.stack));
  }
  assert.deepEqual(stale, [], 'the resumed replica recorded no apply under a Lease held before the pause');
  const byAgent = applies([a!, b!]);
  for (const n of names) assert.equal(byAgent.get(`${n} ${rev(c2)}`)?.length, 1, `${n} applied once at c2`);
  await checkHistories(opts.stateDir, [rev(c1), rev(c2)]);
});
