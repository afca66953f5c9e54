// Whether a run must record a new state version. Decided here only, for the CLI and the agent:
// anything applied or drifted, an interrupted apply to fold in, a first version, or (on a normal
// run) a different configuration or source revision than the current version records.

import { hasChanges, type Plan } from '../plan/plan.ts';
import type { StateVersion } from '../../state/model.ts';

export function needsNewVersion(plan: Plan, prior: { readonly version: StateVersion | null; readonly journals: readonly string[] }): boolean {
  const prev = prior.version;
  return (
    hasChanges(plan) ||
    plan.drift.length > 0 ||
    prior.journals.length > 0 ||
    (prev === null && plan.mode !== 'destroy') ||
    (prev !== null && (prev.configDigest !== plan.configDigest || prev.sourceRevision !== plan.sourceRevision) && plan.mode === 'normal')
  );
}
