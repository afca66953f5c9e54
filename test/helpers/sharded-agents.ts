// Sharded agents for tests and benchmarks: a repository of latency-bound stacks (each apply
// creates a ballasttest6_thing, a real provider binary that waits `delay_ms` in Create), agent
// processes that share the stacks through Leases on a real kube-apiserver, and a reader of
// those Leases.

import { join } from 'node:path';
import { CoordinationV1Api, KubeConfig, type V1Lease } from '@kubernetes/client-node';
import { startAgent, type AgentProcess } from '../agent-harness.ts';
import { mirrorDir } from './test-providers.ts';

/** One stack: a thing per revision so far, each created with a provider-side delay. */
export function thingStack(stack: string, revisions: number, delayMs: number): string {
  const things: Record<string, unknown> = {};
  for (let r = 1; r <= revisions; r++) things[`r${r}`] = { name: `${stack}-r${r}`, delay_ms: delayMs };
  return JSON.stringify({ terraform: { required_providers: { ballasttest6: { source: 'ballast/ballasttest6' } } }, resource: { ballasttest6_thing: things } }, null, 2) + '\n';
}

/** The files of `count` stacks (stacks/s00 ...) at revision `revisions`. */
export function thingStacks(count: number, revisions: number, delayMs: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const name = `s${String(i).padStart(2, '0')}`;
    files[`stacks/${name}/main.tf.json`] = thingStack(name, revisions, delayMs);
  }
  return files;
}

export interface ShardedAgentOptions {
  readonly url: string;
  readonly dir: string;
  readonly stateDir: string;
  readonly kubeconfig: string;
  readonly group: string;
  readonly shards: number;
  readonly leaseDuration: string;
  readonly renewInterval: string;
  readonly interval?: string;
  readonly stackConcurrency?: number;
  readonly extra?: string[];
}

export function startShardedAgent(name: string, o: ShardedAgentOptions): Promise<AgentProcess> {
  return startAgent(
    [
      '--git',
      o.url,
      '--ref',
      'main',
      '--path',
      'stacks/*',
      '--interval',
      o.interval ?? '2s',
      '--drift-interval',
      '1h',
      '--state-dir',
      o.stateDir,
      '--work-dir',
      join(o.dir, `work-${name}`),
      '--plugin-dir',
      mirrorDir,
      '--stack-concurrency',
      String(o.stackConcurrency ?? 4),
      '--shard-lease-namespace',
      'default',
      '--lease-group',
      o.group,
      '--shards',
      String(o.shards),
      '--lease-duration',
      o.leaseDuration,
      '--lease-renew-interval',
      o.renewInterval,
      '--replica-name',
      name,
      ...(o.extra ?? []),
    ],
    { cwd: o.dir, env: { KUBECONFIG: o.kubeconfig, BALLAST_LOG_LEVEL: 'debug' } },
  );
}

export function leaseApi(kubeconfig: string): CoordinationV1Api {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  return kc.makeApiClient(CoordinationV1Api);
}

/** The shard Leases of a group: shard -> holder ('' when free). */
export async function shardHolders(api: CoordinationV1Api, group: string): Promise<Map<number, { holder: string; lease: V1Lease }>> {
  const list = await api.listNamespacedLease({ namespace: 'default', labelSelector: `ballast.dev/lease-group=${group},ballast.dev/lease-kind=shard` });
  const out = new Map<number, { holder: string; lease: V1Lease }>();
  for (const l of list.items) out.set(Number(/-shard-(\d+)$/.exec(l.metadata!.name!)![1]), { holder: l.spec?.holderIdentity ?? '', lease: l });
  return out;
}

/** Polls until every shard is held and `pred` holds for the holders. */
export async function waitForShards(api: CoordinationV1Api, group: string, shards: number, what: string, pred: (holders: string[]) => boolean, timeoutMs = 60_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let last: string[] = [];
  for (;;) {
    const m = await shardHolders(api, group);
    last = [...Array(shards).keys()].map((s) => m.get(s)?.holder ?? '');
    if (last.every((h) => h) && pred(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; holders: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const count = (holders: string[], who: string) => holders.filter((h) => h === who).length;
