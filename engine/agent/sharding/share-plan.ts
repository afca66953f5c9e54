// One round of the lease protocol, decided from a snapshot of the Leases (pure, so it is tested
// without a cluster). Each replica wants a fair share, ceil(shards / live replicas), where the
// live replicas are the holders of unexpired membership Leases. It keeps (renews) what it holds,
// gives up idle extras when there are more replicas than before, and takes free or expired shard
// Leases, preferring the shards it ranks highest (rendezvous hashing), so replicas rarely race
// for the same Lease and a shard tends to go back to the same replica after a restart.

import { createHash } from 'node:crypto';

/** What a Lease says, as this replica reads it. */
export interface LeaseView {
  readonly holder: string | null;
  /** the holder's last renewTime (epoch ms), null when never renewed */
  readonly renewMs: number | null;
  readonly durationMs: number;
}

export interface ShareInput {
  readonly identity: string;
  readonly shards: number;
  readonly now: number;
  /** shard index -> its Lease (absent: the Lease does not exist yet) */
  readonly leases: ReadonlyMap<number, LeaseView>;
  /** the membership Leases of every replica */
  readonly members: readonly LeaseView[];
  /** shards this replica believes it holds */
  readonly held: ReadonlySet<number>;
  /** a shard with a step running is never given up by a rebalance */
  readonly busy: (shard: number) => boolean;
}

export interface SharePlan {
  /** live replicas, this one included */
  readonly replicas: number;
  /** ceil(shards / replicas) */
  readonly target: number;
  /** held and still ours: renew */
  readonly renew: number[];
  /** held, but the Lease now names another holder (or is gone): forget at once */
  readonly lost: number[];
  /** held beyond the fair share and idle: hand back */
  readonly release: number[];
  /** free, expired, or ours from an earlier life of this identity: take */
  readonly acquire: number[];
}

export function isLive(l: LeaseView, now: number): boolean {
  return !!l.holder && l.renewMs !== null && l.renewMs + l.durationMs > now;
}

/** How much `identity` wants `shard` (rendezvous hashing): a stable, per-replica order of the shards. */
export function preference(identity: string, shard: number): number {
  return createHash('sha256').update(`${identity}/${shard}`).digest().readUInt32BE(0);
}

export function planShare(i: ShareInput): SharePlan {
  const holders = new Set(i.members.filter((m) => isLive(m, i.now)).map((m) => m.holder!));
  holders.add(i.identity);
  const replicas = holders.size;
  const target = Math.ceil(i.shards / replicas);
  const lost: number[] = [];
  const mine: number[] = [];
  for (const s of i.held) {
    if (s >= i.shards || i.leases.get(s)?.holder !== i.identity) lost.push(s);
    else mine.push(s);
  }
  const byPreference = (a: number, b: number) => preference(i.identity, b) - preference(i.identity, a) || a - b;
  mine.sort(byPreference);
  const release: number[] = [];
  // the least preferred extras go first; a busy one stays until its step ends
  for (let k = mine.length - 1; k >= 0 && mine.length - release.length > target; k--) {
    if (!i.busy(mine[k]!)) release.push(mine[k]!);
  }
  const renew = mine.filter((s) => !release.includes(s));
  const acquire: number[] = [];
  const want = target - renew.length;
  if (want > 0) {
    const free: number[] = [];
    for (let s = 0; s < i.shards; s++) {
      if (i.held.has(s)) continue;
      const l = i.leases.get(s);
      if (!l || !isLive(l, i.now) || l.holder === i.identity) free.push(s);
    }
    free.sort(byPreference);
    acquire.push(...free.slice(0, want));
  }
  return { replicas, target, renew, lost, release, acquire };
}
