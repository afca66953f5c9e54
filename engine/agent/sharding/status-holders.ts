// /status of a sharded replica: every stack of the sources (each replica fetches them all) with
// the shard it maps to and the replica holding that shard's Lease, and since when. State
// versions of stacks held elsewhere come from the state store (the agent's observe step).

import type { StatusJson } from '../stack-status.ts';
import type { StackSharding } from './stack-sharding.ts';

export function withHolders(status: StatusJson, sharding: StackSharding): StatusJson {
  const stacks: StatusJson['stacks'] = {};
  for (const [name, s] of Object.entries(status.stacks)) {
    const h = sharding.holderOf(name);
    stacks[name] = { ...s, shard: h.shard, holder: h.holder, holderSince: h.since };
  }
  return { ...status, stacks, sharding: sharding.status() };
}
