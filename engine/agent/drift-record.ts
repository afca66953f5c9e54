// What the agent remembers of drift between steps: objects changed outside Ballast and not
// put back, with when each was first seen, for /status and the drift metric.

import { changedPaths } from '../plan/changed-paths.ts';
import type { Plan } from '../plan/plan.ts';
import { driftReads } from './drift-reads.ts';
import type { DriftedObject, StackRuntime } from './stack-status.ts';

/**
 * Records what a refreshing plan found. `reverted`: the plan's revert drift was applied, so
 * only alert drift stays outstanding. Returns how many alert objects are new since the last
 * step (the metric counts each once, not at every check).
 */
export function recordDrift(rt: StackRuntime, plan: Plan, reverted: boolean, at: string): { newAlerts: number } {
  const next = new Map<string, DriftedObject>();
  let newAlerts = 0;
  const since = (address: string, policy: DriftedObject['policy']) => {
    const old = rt.drifted.get(address);
    return old?.policy === policy ? old.since : at;
  };
  for (const a of plan.driftAlerts ?? []) {
    if (rt.drifted.get(a.address)?.policy !== 'alert') newAlerts++;
    next.set(a.address, { address: a.address, policy: 'alert', paths: a.deleted ? ['(deleted)'] : a.paths, since: since(a.address, 'alert') });
  }
  if (!reverted) {
    for (const c of plan.drift) {
      next.set(c.address, { address: c.address, policy: 'revert', paths: c.after === null ? ['(deleted)'] : changedPaths(c.before, c.after), since: since(c.address, 'revert') });
    }
  }
  rt.drifted = next;
  rt.health = new Map(Object.entries(plan.health ?? {}));
  rt.driftDetail = driftReads(plan, reverted, at);
  return { newAlerts };
}
