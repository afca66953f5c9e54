// Sharded agents (issue 15): reconcile throughput of 1, 2 and 3 agent processes sharing 30
// latency-bound stacks through Leases on a real kube-apiserver (each apply waits DELAY_MS in a
// real provider binary's Create), the time until a replica killed with SIGKILL has had its
// shards taken over, and Lease API calls per minute per agent. Numbers only.

import { join } from 'node:path';
import { kubeAvailable, startKubeCluster } from '../test/helpers/kube-cluster.ts';
import { ensureTestProviders } from '../test/helpers/test-providers.ts';
import { makeRepo } from '../test/helpers/git-repo.ts';
import { makeTempDir } from '../test/helpers/temp-dir.ts';
import { rev, stopAllAgents, type AgentProcess } from '../test/agent-harness.ts';
import { count, leaseApi, shardHolders, startShardedAgent, thingStacks, waitForShards } from '../test/helpers/sharded-agents.ts';

const STACKS = 30;
const SHARDS = 16;
const DELAY_MS = 4000;
const CONCURRENCY = 2;
const LEASE = { leaseDuration: '15s', renewInterval: '3s' };

async function lapse(agents: AgentProcess[], what: (a: AgentProcess) => Promise<number>): Promise<number> {
  return (await Promise.all(agents.map(what))).reduce((a, b) => a + b, 0);
}

export async function run(): Promise<void> {
  if (!kubeAvailable()) return void console.log('kube-apiserver/etcd are not built (scripts/setup-kube.sh); skipping');
  const why = ensureTestProviders();
  if (why) return void console.log(`test providers unavailable (${why}); skipping`);
  const cluster = await startKubeCluster();
  const api = leaseApi(cluster.kubeconfig);
  const names = [...Array(STACKS).keys()].map((i) => `s${String(i).padStart(2, '0')}`);
  console.log(
    `${STACKS} stacks, each apply waits ${DELAY_MS} ms in the provider; --stack-concurrency ${CONCURRENCY}; ${SHARDS} shards; lease ${LEASE.leaseDuration}, renew every ${LEASE.renewInterval}`,
  );
  const rates: number[] = [];
  try {
    for (const n of [1, 2, 3]) {
      const group = `bench${n}`;
      const dir = await makeTempDir('ballast-sharding-bench-');
      const repo = makeRepo();
      repo.commit({ 'README.md': 'bench\n' }, 'empty');
      const ids = [...Array(n).keys()].map((i) => `${group}-r${i}`);
      const opts = { url: repo.bare, dir, stateDir: join(dir, 'state'), kubeconfig: cluster.kubeconfig, group, shards: SHARDS, ...LEASE, interval: '1s', stackConcurrency: CONCURRENCY };
      const agents = await Promise.all(ids.map((id) => startShardedAgent(id, opts)));
      const fair = Math.ceil(SHARDS / n);
      await waitForShards(api, group, SHARDS, `${n} replicas sharing the shards`, (h) => ids.every((id) => count(h, id) >= SHARDS - fair * (n - 1) && count(h, id) <= fair), 120_000);
      const calls0 = await lapse(agents, (a) => a.metric('ballast_lease_api_calls_total'));
      const t0 = performance.now();
      const c1 = repo.commit(thingStacks(STACKS, 1, DELAY_MS), 'stacks');
      await agents[0]!.waitFor('every stack applied', (s) => names.every((x) => s.stacks[x]?.lastAppliedRevision === rev(c1)), 900_000);
      const secs = (performance.now() - t0) / 1000;
      const calls = (await lapse(agents, (a) => a.metric('ballast_lease_api_calls_total'))) - calls0;
      const rate = STACKS / (secs / 60);
      rates.push(rate);
      console.log(
        `${n} agent(s): ${STACKS} stacks in ${secs.toFixed(1)} s = ${rate.toFixed(1)} stacks/min (${(rate / rates[0]!).toFixed(2)}x of 1 agent); Lease API calls ${(calls / n / (secs / 60)).toFixed(1)}/min per agent`,
      );
      if (n === 3) {
        const victim = agents[1]!;
        const tk = performance.now();
        await victim.stop('SIGKILL');
        const held = count(
          [...(await shardHolders(api, group)).values()].map((v) => v.holder),
          ids[1]!,
        );
        await waitForShards(api, group, SHARDS, 'takeover', (h) => count(h, ids[1]!) === 0, 120_000);
        console.log(`kill -9 of a replica holding ${held} shards: taken over in ${((performance.now() - tk) / 1000).toFixed(1)} s (lease duration + renew interval = 18 s)`);
      }
      await Promise.all(agents.map((a) => a.stop('SIGTERM')));
      repo.dispose();
    }
  } finally {
    await stopAllAgents();
    await cluster.stop();
  }
}
