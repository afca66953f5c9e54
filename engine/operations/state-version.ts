// Builds the next immutable state version from an apply's results.

import { randomUUID } from 'node:crypto';
import type { ChangeSummary, InstanceState, OutputState, StateReason, StateVersion } from '../../state/model.ts';
import { STATE_FORMAT_VERSION } from '../../state/model.ts';
import { ENGINE_VERSION } from '../version.ts';

export interface NextVersionInput {
  readonly stack: string;
  readonly previous: StateVersion | null;
  readonly previousDigest: string | null;
  readonly instances: ReadonlyMap<string, InstanceState>;
  readonly outputs: Record<string, OutputState>;
  readonly reason: StateReason;
  readonly changes: ChangeSummary;
  readonly sourceRevision: string | null;
  readonly configDigest: string | null;
  readonly rollbackOf?: number;
  readonly author?: string;
}

export function nextStateVersion(i: NextVersionInput): StateVersion {
  const resources: Record<string, InstanceState> = {};
  for (const a of [...i.instances.keys()].sort()) resources[a] = i.instances.get(a)!;
  return {
    formatVersion: STATE_FORMAT_VERSION,
    lineage: i.previous?.lineage ?? randomUUID(),
    serial: (i.previous?.serial ?? 0) + 1,
    parentDigest: i.previousDigest,
    stack: i.stack,
    sourceRevision: i.sourceRevision,
    configDigest: i.configDigest,
    reason: i.reason,
    ...(i.rollbackOf !== undefined ? { rollbackOf: i.rollbackOf } : {}),
    ...(i.author ? { author: i.author } : {}),
    time: new Date().toISOString(),
    engineVersion: ENGINE_VERSION,
    changes: i.changes,
    resources,
    outputs: i.outputs,
  };
}
