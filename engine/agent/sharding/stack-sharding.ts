// What the agent needs from sharding, and nothing about how it is done (lease-sharding.ts is
// the Kubernetes Lease implementation): whether this replica reconciles a stack, the fence
// checked right before an apply starts and before a state version is written, and who holds
// each stack for /status.

export interface StackHolder {
  readonly shard: number;
  /** the replica holding the shard's Lease, null when nobody does */
  readonly holder: string | null;
  /** when that replica acquired it (ISO time) */
  readonly since: string | null;
}

export interface ShardingStatus {
  readonly identity: string;
  readonly namespace: string;
  readonly shards: number;
  readonly replicas: string[];
  /** ceil(shards / replicas) */
  readonly fairShare: number;
  readonly held: number[];
}

export interface StackSharding {
  /** this replica holds the stack's shard Lease now */
  owns(stack: string): boolean;
  /**
   * Throws LeaseLostError unless this replica still holds the stack's shard, by its own clock with
   * a margin before the Lease could expire, and the API server still names it the holder.
   */
  fence(stack: string): Promise<void>;
  /** aborted as soon as the stack's shard is lost, handed back, or close to expiring unrenewed */
  signal(stack: string): AbortSignal;
  holderOf(stack: string): StackHolder;
  status(): ShardingStatus;
  /** the first round with the API server finished */
  readonly ready: boolean;
  /** called after shards were acquired (take over their stacks now, not at the next interval) */
  onAcquired(listener: () => void): void;
}

export class LeaseLostError extends Error {
  constructor(stack: string, shard: number, why: string) {
    super(`not writing stack "${stack}": this replica no longer holds the Lease of shard ${shard} (${why}); its new holder reconciles it`);
    this.name = 'LeaseLostError';
  }
}
