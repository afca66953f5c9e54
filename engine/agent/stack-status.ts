// What the agent knows about each stack, as served on /status. The runtime record is owned by
// the agent and updated by reconcile-stack.ts; `statusJson` is the public shape:
//   {stacks: {NAME: {source, path, phase, lastConsideredRevision, lastChangedRevision, revision,
//                    lastAppliedRevision, lastResult, stateVersion, nextRunAt, suspended, pinnedTo,
//                    drifted: [{address, policy, paths, since}], health: [{address, status, reason}]}}}
// Drift is named by attribute paths only: values may be secret.

import type { ObjectHealth } from '../../providers/provider.ts';

import type { StackDrift } from './drift-reads.ts';
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
  /** objects changed outside Ballast and not put back (yet), by address */
  drifted: Map<string, DriftedObject>;
  /** health of the stack's objects at the last refresh, where the provider tells (Kubernetes) */
  health: Map<string, ObjectHealth>;
  /** the last drift check's policies and reads (redacted values), for the web UI; not on /status */
  driftDetail: StackDrift;
}

export interface DriftedObject {
  readonly address: string;
  /** alert: only reported; revert: found by a plan-only drift check (or an apply that failed) */
  readonly policy: 'alert' | 'revert';
  /** attribute paths that differ (never values) */
  readonly paths: string[];
  /** when this drift was first seen (RFC 3339) */
  readonly since: string;
}

export function newStackRuntime(name: string, source: string): StackRuntime {
  return {
    name,
    source,
    path: null,
    lastConsideredRevision: null,
    lastChangedRevision: null,
    inputDigest: undefined,
    phase: 'idle',
    revision: null,
    lastAppliedRevision: null,
    stateVersion: null,
    lastResult: null,
    nextRunAt: null,
    suspended: false,
    pinnedTo: null,
    lastPlannedRevision: null,
    nextDriftAt: 0,
    seenRecorded: undefined,
    drifted: new Map(),
    health: new Map(),
    driftDetail: { policies: {}, reads: [] },
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
  stacks: Record<
    string,
    {
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
      drifted: DriftedObject[];
      health: { address: string; status: ObjectHealth['status']; reason: string }[];
    }
  >;
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
      drifted: [...s.drifted.values()].sort((a, b) => a.address.localeCompare(b.address)),
      health: [...s.health].sort(([a], [b]) => a.localeCompare(b)).map(([address, h]) => ({ address, status: h.status, reason: h.message })),
    };
  }
  for (const s of sources) {
    out.sources[s.name] = { description: s.description, revision: s.revision, lastFetchAt: s.lastFetchAt, lastError: s.lastError, nextRunAt: iso(s.nextRunAt) };
  }
  return out;
}
