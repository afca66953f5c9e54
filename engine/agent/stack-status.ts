// What the agent knows about each stack, as served on /status. The runtime record is owned by
// the agent and updated by reconcile-stack.ts; `statusJson` is the public shape:
//   {stacks: {NAME: {source, path, phase, lastConsideredRevision, lastChangedRevision, revision,
//                    lastAppliedRevision, lastResult, stateVersion, nextRunAt, suspended, pinnedTo}}}

import type { ShardingStatus } from './sharding/stack-sharding.ts';

export type ResultKind =
  | 'applied' // a new revision (or a drift correction) was applied and recorded
  | 'up-to-date' // nothing to do: the revision is recorded and no drift check was due
  | 'planned' // plan-only: the new revision was planned, not applied
  | 'no-drift' // a drift check found nothing
  | 'drift-detected' // plan-only: a drift check found changes made outside Ballast
  | 'suspended'
  | 'pinned' // rolled back; waiting for a new revision
  | 'superseded' // another agent recorded this revision first
  | 'cancelled' // shutdown stopped the step
  | 'blocked' // waits for a stack it depends on (dependsOn) whose last step failed
  | 'removed' // its directory is gone from the source; kept (prune is off)
  | 'pruned' // its directory is gone and prune is on: destroyed
  | 'failed';

export interface StackResult {
  readonly kind: ResultKind;
  readonly at: string;
  readonly revision: string | null;
  readonly durationMs?: number;
  readonly changes?: { add: number; change: number; destroy: number };
  /** resources changed outside Ballast, found by the last plan */
  readonly drifted?: number;
  readonly message?: string;
}

export type StackPhase = 'idle' | 'queued' | 'running';

export interface StackRuntime {
  readonly name: string;
  readonly source: string;
  /** where the stack comes from: the source's description and the directory */
  path: string | null;
  /** the last fetched revision this stack was considered at */
  lastConsideredRevision: string | null;
  /** the revision at which the stack's inputs (its input digest) last changed */
  lastChangedRevision: string | null;
  /** digest of what the stack reads; undefined until known in this process */
  inputDigest: string | undefined;
  phase: StackPhase;
  /** last fetched source revision */
  revision: string | null;
  lastAppliedRevision: string | null;
  stateVersion: number | null;
  lastResult: StackResult | null;
  nextRunAt: number | null;
  suspended: boolean;
  pinnedTo: number | null;
  /** plan-only: the revision last planned successfully */
  lastPlannedRevision: string | null;
  /** epoch ms when the next drift check is due (0: at the first chance) */
  nextDriftAt: number;
  /** the revision last written to the agent-seen document */
  seenRecorded: string | null | undefined;
  /** the revision the last-applied-revision metric carries */
  metricRevision?: string;
}

export function newStackRuntime(name: string, source: string): StackRuntime {
  return {
    name, source, path: null, lastConsideredRevision: null, lastChangedRevision: null, inputDigest: undefined, phase: 'idle', revision: null, lastAppliedRevision: null, stateVersion: null, lastResult: null, nextRunAt: null,
    suspended: false, pinnedTo: null, lastPlannedRevision: null, nextDriftAt: 0, seenRecorded: undefined,
  };
}

export interface SourceRuntime {
  readonly name: string;
  readonly description: string;
  revision: string | null;
  lastFetchAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextRunAt: number | null;
}

export interface StatusJson {
  stacks: Record<string, {
    source: string;
    path: string | null;
    phase: StackPhase;
    lastConsideredRevision: string | null;
    lastChangedRevision: string | null;
    revision: string | null;
    lastAppliedRevision: string | null;
    lastResult: StackResult | null;
    stateVersion: number | null;
    nextRunAt: string | null;
    suspended: boolean;
    pinnedTo: number | null;
    /** sharded replicas: the stack's shard, the replica holding its Lease and since when */
    shard?: number;
    holder?: string | null;
    holderSince?: string | null;
  }>;
  sources: Record<string, { description: string; revision: string | null; lastFetchAt: string | null; lastError: string | null; nextRunAt: string | null }>;
  /** sharded replicas: this replica, the live replicas and the shards it holds */
  sharding?: ShardingStatus;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function statusJson(stacks: Iterable<StackRuntime>, sources: Iterable<SourceRuntime>): StatusJson {
  const out: StatusJson = { stacks: {}, sources: {} };
  for (const s of [...stacks].sort((a, b) => a.name.localeCompare(b.name))) {
    out.stacks[s.name] = {
      source: s.source,
      path: s.path,
      phase: s.phase,
      lastConsideredRevision: s.lastConsideredRevision,
      lastChangedRevision: s.lastChangedRevision,
      revision: s.revision,
      lastAppliedRevision: s.lastAppliedRevision,
      lastResult: s.lastResult,
      stateVersion: s.stateVersion,
      nextRunAt: iso(s.nextRunAt),
      suspended: s.suspended,
      pinnedTo: s.pinnedTo,
    };
  }
  for (const s of sources) {
    out.sources[s.name] = { description: s.description, revision: s.revision, lastFetchAt: s.lastFetchAt, lastError: s.lastError, nextRunAt: iso(s.nextRunAt) };
  }
  return out;
}
