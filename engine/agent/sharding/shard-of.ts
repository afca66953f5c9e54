// Which shard a stack belongs to: a stable hash of its name (the first 32 bits of its SHA-256),
// so every replica, version and platform agrees without talking to each other.

import { createHash } from 'node:crypto';

export function shardOf(stack: string, shards: number): number {
  return createHash('sha256').update(stack, 'utf8').digest().readUInt32BE(0) % shards;
}
