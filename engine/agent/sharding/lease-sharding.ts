// Stack sharding over coordination.k8s.io/v1 Leases. One Lease per shard
// (`<group>-shard-<n>`) and one membership Lease per replica (`<group>-member-<id>`), all in one
// namespace and labelled with the group. Every renew interval a replica lists the group's Leases
// (1 call), renews its membership (1 call) and each shard it holds (1 call each), and acts on
// share-plan.ts: hands back idle extras, takes free or expired shards. Every write carries the
// resourceVersion it was decided on, so two replicas never both win a Lease (the loser gets 409).
//
// Fencing (see docs/sharding.md): a replica counts its hold of a shard from the moment it *sent*
// the renewal that succeeded, by its own clock, and stops trusting it `margin` before
// renewTime + leaseDuration, the earliest moment another replica can take the Lease over. The
// agent checks fence() right before an apply takes the state lock and right before the state
// version is written, and applies run under signal(), aborted at that same moment.

import { hostname } from 'node:os';
import { createHash } from 'node:crypto';
import { ApiException, CoordinationV1Api, V1MicroTime, type KubeConfig, type V1Lease } from '@kubernetes/client-node';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '../logger.ts';
import { shardOf } from './shard-of.ts';
import { isLive, planShare, type LeaseView } from './share-plan.ts';
import { LeaseLostError, type ShardingStatus, type StackHolder, type StackSharding } from './stack-sharding.ts';

export interface LeaseShardingOptions {
  readonly kubeConfig: KubeConfig;
  readonly namespace: string;
  readonly shards: number;
  /** names the Leases and labels them; replicas with the same group share the shards */
  readonly group: string;
  /** this replica's holderIdentity */
  readonly identity: string;
  readonly leaseDurationMs: number;
  readonly renewIntervalMs: number;
  /** how long before a Lease could expire this replica stops trusting it */
  readonly marginMs: number;
  readonly log: Logger;
  readonly registry?: Registry;
  /** a shard with a step running is not handed back by a rebalance */
  readonly busy?: (shard: number) => boolean;
}

interface Held {
  lease: V1Lease;
  /** local time just before the request that last renewed (or acquired) it */
  renewedAt: number;
  acquiredAt: string;
  abort: AbortController;
  timer: NodeJS.Timeout | null;
}

const GROUP_LABEL = 'ballast.dev/lease-group';
const KIND_LABEL = 'ballast.dev/lease-kind';

/** The default replica name: the pod name in a Deployment (its hostname), plus the pid outside one. */
export function defaultIdentity(env: NodeJS.ProcessEnv = process.env): string {
  return env.POD_NAME || `${hostname()}-${process.pid}`;
}

/** A DNS-1123 name part for `s`, with a short digest when anything had to change. */
function namePart(s: string): string {
  const clean = s
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return clean === s ? clean : `${clean || 'x'}-${createHash('sha256').update(s).digest('hex').slice(0, 8)}`;
}

export class LeaseSharding implements StackSharding {
  private readonly api: CoordinationV1Api;
  private readonly held = new Map<number, Held>();
  /** the last listed Lease of every shard */
  private view = new Map<number, V1Lease>();
  private replicas: string[] = [];
  private target: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private listeners: (() => void)[] = [];
  private member: V1Lease | undefined;
  private overShare = 0;
  private readonly calls: Counter<'verb'>;
  private readonly heldGauge: Gauge;
  ready = false;
  busy: (shard: number) => boolean;

  constructor(private readonly o: LeaseShardingOptions) {
    this.api = o.kubeConfig.makeApiClient(CoordinationV1Api);
    this.target = o.shards;
    this.busy = o.busy ?? (() => false);
    const registers = o.registry ? [o.registry] : [];
    this.calls = new Counter({ name: 'ballast_lease_api_calls_total', help: 'Calls to the Kubernetes Lease API, by verb', labelNames: ['verb'], registers });
    this.heldGauge = new Gauge({ name: 'ballast_shards_held', help: 'Shard Leases this replica holds', registers });
  }

  shardOf(stack: string): number {
    return shardOf(stack, this.o.shards);
  }

  private shardName(shard: number): string {
    return `${this.o.group}-shard-${shard}`;
  }

  private get memberName(): string {
    return `${this.o.group}-member-${namePart(this.o.identity)}`;
  }

  /** First round now, then one every renew interval. */
  start(): void {
    const loop = () => {
      if (this.stopped) return;
      this.running = this.round().finally(() => {
        this.running = null;
        if (!this.stopped) this.timer = setTimeout(loop, this.o.renewIntervalMs);
      });
    };
    loop();
  }

  onAcquired(listener: () => void): void {
    this.listeners.push(listener);
  }

  owns(stack: string): boolean {
    const h = this.held.get(this.shardOf(stack));
    return !!h && !h.abort.signal.aborted && this.trusted(h);
  }

  private trusted(h: Held): boolean {
    return Date.now() < h.renewedAt + this.o.leaseDurationMs - this.o.marginMs;
  }

  async fence(stack: string): Promise<void> {
    const shard = this.shardOf(stack);
    const check = (when: string) => {
      const h = this.held.get(shard);
      if (this.stopped) throw new LeaseLostError(stack, shard, 'the agent is stopping');
      if (!h || h.abort.signal.aborted) throw new LeaseLostError(stack, shard, `${when}: it was taken over or handed back`);
      if (!this.trusted(h)) throw new LeaseLostError(stack, shard, `${when}: not renewed for ${Date.now() - h.renewedAt} ms, too close to its ${this.o.leaseDurationMs} ms duration`);
    };
    check('before asking the API server');
    const lease = await this.call('get', () => this.api.readNamespacedLease({ name: this.shardName(shard), namespace: this.o.namespace }));
    if (lease.spec?.holderIdentity !== this.o.identity) {
      this.lose(shard, `the API server names ${lease.spec?.holderIdentity || 'nobody'} as its holder`);
      throw new LeaseLostError(stack, shard, `the API server names ${lease.spec?.holderIdentity || 'nobody'} as its holder`);
    }
    // the answer may have taken long (or the process was paused meanwhile): check the clock again
    check('after asking the API server');
  }

  signal(stack: string): AbortSignal {
    return this.held.get(this.shardOf(stack))?.abort.signal ?? AbortSignal.abort(new LeaseLostError(stack, this.shardOf(stack), 'not held'));
  }

  holderOf(stack: string): StackHolder {
    const shard = this.shardOf(stack);
    const mine = this.held.get(shard);
    if (mine && !mine.abort.signal.aborted) return { shard, holder: this.o.identity, since: mine.acquiredAt };
    const l = this.view.get(shard);
    const v = l && leaseView(l);
    if (!l || !v || !isLive(v, Date.now()) || v.holder === this.o.identity) return { shard, holder: null, since: null };
    return { shard, holder: v.holder, since: iso(l.spec?.acquireTime) };
  }

  status(): ShardingStatus {
    return { identity: this.o.identity, namespace: this.o.namespace, shards: this.o.shards, replicas: this.replicas, fairShare: this.target, held: [...this.held.keys()].sort((a, b) => a - b) };
  }

  /** Hands back the idle shards at once (SIGTERM: the agent stops taking work first). */
  async releaseIdle(): Promise<void> {
    await Promise.all([...this.held.keys()].filter((s) => !this.busy(s)).map((s) => this.release(s)));
  }

  /** Hands back every shard and the membership; no more rounds. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    await Promise.all([...this.held.keys()].map((s) => this.release(s)));
    await this.call('delete', () => this.api.deleteNamespacedLease({ name: this.memberName, namespace: this.o.namespace })).catch((e) => {
      if (code(e) !== 404) this.o.log.warn({ event: 'lease', error: errorText(e) }, 'could not delete the membership Lease; it expires by itself');
    });
  }

  private async round(): Promise<void> {
    const started = Date.now();
    try {
      // renewals need nothing from the listing: they go out with it, so a slow API server
      // costs one round trip of the hold, not two
      const [list] = await Promise.all([
        this.call('list', () => this.api.listNamespacedLease({ namespace: this.o.namespace, labelSelector: `${GROUP_LABEL}=${this.o.group}` })),
        this.renewMembership(started),
        ...[...this.held.keys()].map((s) => this.renew(s)),
      ]);
      const shards = new Map<number, V1Lease>();
      const members: V1Lease[] = [];
      for (const l of list.items) {
        const kind = l.metadata?.labels?.[KIND_LABEL];
        if (kind === 'member') members.push(l);
        const m = kind === 'shard' ? /-shard-(\d+)$/.exec(l.metadata?.name ?? '') : null;
        if (m) shards.set(Number(m[1]), l);
      }
      this.view = shards;
      const now = Date.now();
      const views = new Map<number, LeaseView>();
      for (const [s, l] of shards) views.set(s, leaseView(l));
      const memberViews = members.filter((m) => m.metadata?.name !== this.memberName).map(leaseView);
      const plan = planShare({ identity: this.o.identity, shards: this.o.shards, now, leases: views, members: memberViews, held: new Set(this.held.keys()), busy: this.busy });
      this.replicas = [this.o.identity, ...memberViews.filter((m) => isLive(m, now)).map((m) => m.holder!)].filter((x, i, a) => a.indexOf(x) === i).sort();
      this.target = plan.target;
      for (const s of plan.lost) this.lose(s, `the Lease now names ${views.get(s)?.holder || 'nobody'} as its holder`);
      // hand back only when the replica count held for two rounds: a replica that is merely
      // slow to renew its membership does not make the others shed and re-take shards
      this.overShare = plan.release.length ? this.overShare + 1 : 0;
      const release = this.overShare >= 2 ? plan.release : [];
      const took: number[] = [];
      await Promise.all([
        ...release.map((s) => this.release(s)),
        ...plan.acquire.map(async (s) => {
          if (await this.acquire(s, shards.get(s))) took.push(s);
        }),
      ]);
      this.heldGauge.set(this.held.size);
      this.ready = true;
      if (took.length) {
        this.o.log.info({ event: 'lease', acquired: took.sort((a, b) => a - b), held: this.held.size, fairShare: plan.target, replicas: plan.replicas }, 'acquired shard Leases');
        for (const f of this.listeners) f();
      }
    } catch (e) {
      // held shards stay trusted only until their own clock says otherwise (trusted())
      this.o.log.warn({ event: 'lease', error: errorText(e) }, 'Lease round failed; retrying at the next interval');
    }
  }

  private async renewMembership(at: number): Promise<void> {
    const spec = { holderIdentity: this.o.identity, leaseDurationSeconds: this.durationSeconds, renewTime: new V1MicroTime(at) };
    try {
      if (this.member) {
        this.member = await this.call('update', () =>
          this.api.replaceNamespacedLease({ name: this.memberName, namespace: this.o.namespace, body: { ...this.member!, spec: { ...this.member!.spec, ...spec } } }),
        );
        return;
      }
      this.member = await this.call('create', () =>
        this.api.createNamespacedLease({
          namespace: this.o.namespace,
          body: { metadata: { name: this.memberName, labels: { [GROUP_LABEL]: this.o.group, [KIND_LABEL]: 'member' } }, spec: { ...spec, acquireTime: new V1MicroTime(at) } },
        }),
      );
    } catch (e) {
      if (code(e) !== 409 && code(e) !== 404) throw e;
      // changed or left behind by an earlier life of this identity: read it, renew next round
      this.member = code(e) === 404 ? undefined : await this.call('get', () => this.api.readNamespacedLease({ name: this.memberName, namespace: this.o.namespace }));
    }
  }

  private get durationSeconds(): number {
    return Math.max(1, Math.round(this.o.leaseDurationMs / 1000));
  }

  private async renew(shard: number): Promise<void> {
    const h = this.held.get(shard);
    if (!h) return;
    const at = Date.now();
    const body: V1Lease = { ...h.lease, spec: { ...h.lease.spec, holderIdentity: this.o.identity, leaseDurationSeconds: this.durationSeconds, renewTime: new V1MicroTime(at) } };
    try {
      const lease = await this.call('update', () => this.api.replaceNamespacedLease({ name: this.shardName(shard), namespace: this.o.namespace, body }));
      if (this.held.get(shard) !== h) return; // lost or released meanwhile
      this.hold(shard, lease, at, h.acquiredAt, h);
    } catch (e) {
      if (code(e) === 409 || code(e) === 404) this.lose(shard, 'another replica changed its Lease');
      else this.o.log.warn({ event: 'lease', shard, error: errorText(e) }, 'could not renew a shard Lease');
    }
  }

  private async acquire(shard: number, existing: V1Lease | undefined): Promise<boolean> {
    const at = Date.now();
    const now = new V1MicroTime(at);
    const spec = { holderIdentity: this.o.identity, leaseDurationSeconds: this.durationSeconds, acquireTime: now, renewTime: now };
    try {
      const lease = existing
        ? await this.call('update', () =>
            this.api.replaceNamespacedLease({
              name: this.shardName(shard),
              namespace: this.o.namespace,
              body: { ...existing, spec: { ...existing.spec, ...spec, leaseTransitions: (existing.spec?.leaseTransitions ?? 0) + (existing.spec?.holderIdentity === this.o.identity ? 0 : 1) } },
            }),
          )
        : await this.call('create', () =>
            this.api.createNamespacedLease({
              namespace: this.o.namespace,
              body: { metadata: { name: this.shardName(shard), labels: { [GROUP_LABEL]: this.o.group, [KIND_LABEL]: 'shard' } }, spec: { ...spec, leaseTransitions: 0 } },
            }),
          );
      this.hold(shard, lease, at, now.toISOString(), undefined);
      return true;
    } catch (e) {
      if (code(e) !== 409) this.o.log.warn({ event: 'lease', shard, error: errorText(e) }, 'could not acquire a shard Lease');
      return false; // 409: another replica was faster
    }
  }

  private hold(shard: number, lease: V1Lease, renewedAt: number, acquiredAt: string, prev: Held | undefined): void {
    if (prev?.timer) clearTimeout(prev.timer);
    const abort = prev && !prev.abort.signal.aborted ? prev.abort : new AbortController();
    const h: Held = { lease, renewedAt, acquiredAt, abort, timer: null };
    // the moment the hold stops being trusted, running applies stop starting operations
    h.timer = setTimeout(
      () => {
        if (this.held.get(shard) === h) abort.abort(new Error(`the Lease of shard ${shard} was not renewed in time`));
      },
      Math.max(0, renewedAt + this.o.leaseDurationMs - this.o.marginMs - Date.now()),
    );
    h.timer.unref();
    this.held.set(shard, h);
  }

  private lose(shard: number, why: string): void {
    const h = this.held.get(shard);
    if (!h) return;
    this.held.delete(shard);
    if (h.timer) clearTimeout(h.timer);
    h.abort.abort(new Error(`lost the Lease of shard ${shard}: ${why}`));
    this.o.log.warn({ event: 'lease', shard, reason: why }, 'lost a shard Lease');
  }

  private async release(shard: number): Promise<void> {
    const h = this.held.get(shard);
    if (!h) return;
    // forget it first: from here on, fence() refuses and running applies stop
    this.held.delete(shard);
    if (h.timer) clearTimeout(h.timer);
    h.abort.abort(new Error(`handed back the Lease of shard ${shard}`));
    const name = this.shardName(shard);
    let lease = h.lease;
    for (let attempt = 0; attempt < 3; attempt++) {
      const { holderIdentity: _holder, ...rest } = lease.spec ?? {};
      try {
        await this.call('update', () => this.api.replaceNamespacedLease({ name, namespace: this.o.namespace, body: { ...lease, spec: rest } }));
        this.o.log.debug({ event: 'lease', shard }, 'handed back a shard Lease');
        return;
      } catch (e) {
        if (code(e) !== 409) {
          this.o.log.warn({ event: 'lease', shard, error: errorText(e) }, 'could not hand back a shard Lease; it expires by itself');
          return;
        }
      }
      // 409: the Lease changed since we last saw it. A renewal of ours that was in flight when
      // we let go may have written it; look again and hand it back if it still names us.
      try {
        lease = await this.call('get', () => this.api.readNamespacedLease({ name, namespace: this.o.namespace }));
      } catch (e) {
        this.o.log.warn({ event: 'lease', shard, error: errorText(e) }, 'could not hand back a shard Lease; it expires by itself');
        return;
      }
      if (lease.spec?.holderIdentity !== this.o.identity) return;
    }
    this.o.log.warn({ event: 'lease', shard }, 'could not hand back a shard Lease after 3 attempts; it expires by itself');
  }

  private async call<T>(verb: string, f: () => Promise<T>): Promise<T> {
    this.calls.inc({ verb });
    // a hung request must not hold up the round: the hold is judged by the clock meanwhile
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the API server did not answer a Lease ${verb} within ${this.o.leaseDurationMs} ms`)), this.o.leaseDurationMs);
    });
    try {
      return await Promise.race([f(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function leaseView(l: V1Lease): LeaseView {
  const renew = l.spec?.renewTime ?? l.spec?.acquireTime;
  return { holder: l.spec?.holderIdentity || null, renewMs: renew ? new Date(renew as unknown as string).getTime() : null, durationMs: (l.spec?.leaseDurationSeconds ?? 15) * 1000 };
}

function iso(t: unknown): string | null {
  if (!t) return null;
  const d = new Date(t as string);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function code(e: unknown): number | undefined {
  return e instanceof ApiException ? e.code : undefined;
}

function errorText(e: unknown): string {
  if (e instanceof ApiException) {
    const body = typeof e.body === 'string' ? e.body : JSON.stringify(e.body);
    const msg = /"message":"([^"]*)"/.exec(body ?? '')?.[1];
    return `HTTP ${e.code}${msg ? `: ${msg}` : ''}`;
  }
  return e instanceof Error ? e.message : String(e);
}
