// Refresh: read every recorded managed object through its provider, with bounded parallelism.
// What changed outside Ballast is reported as drift, separately from the proposed changes.

import { followSensitive } from '../eval/follow-sensitive.ts';
import { parseInstance } from '../addrs.ts';
import { type Diagnostic, locatedAt, warning } from '../diagnostics.ts';
import { valuesEqual, type ValueObject } from '../lang/value.ts';
import { plainId, type InstanceState } from '../../state/model.ts';
import type { ObjectHealth, ReadResourceRequest } from '../../providers/provider.ts';
import type { DriftAlert, ObjectDriftPolicy, ResourceChange } from './plan.ts';
import { policyFor, type DriftPolicyRule } from './drift-policy.ts';
import { changedPaths } from './changed-paths.ts';
import type { ProviderSet } from '../eval/provider-set.ts';
import { runBounded } from './run-bounded.ts';

export interface RefreshResult {
  readonly refreshed: Map<string, InstanceState>;
  /** drift the plan puts back (policy revert) */
  readonly drift: ResourceChange[];
  /** drift only reported (policy alert): the recorded object stands */
  readonly alerts: DriftAlert[];
  /** instance address -> health, where the provider tells */
  readonly health: Map<string, ObjectHealth>;
  /** instance address -> the drift policy that applied where not the default, and who set it */
  readonly policies: Map<string, ObjectDriftPolicy>;
  readonly diagnostics: Diagnostic[];
}

/** One object's refresh starting or finished, for progress output; `id` only when not sensitive. */
export interface RefreshEvent {
  readonly kind: 'start' | 'done';
  readonly address: string;
  readonly id?: string;
}

export async function refreshAll(
  stack: string,
  prior: ReadonlyMap<string, InstanceState>,
  providers: ProviderSet,
  parallelism: number,
  signal?: AbortSignal,
  driftPolicies: readonly DriftPolicyRule[] = [],
  onEvent?: (e: RefreshEvent) => void,
): Promise<RefreshResult> {
  const refreshed = new Map(prior);
  const drift: ResourceChange[] = [];
  const alerts: DriftAlert[] = [];
  const health = new Map<string, ObjectHealth>();
  const policies = new Map<string, ObjectDriftPolicy>();
  const diags: Diagnostic[] = [];
  // keyed by state key: a deposed object sits next to the current object of its address
  const managed = [...prior.entries()].filter(([, i]) => i.mode === 'managed');
  // what each provider is about to read, so it can fetch in bulk (a Kubernetes list per kind and namespace)
  const reads = new Map<string, ReadResourceRequest[]>();
  for (const [, inst] of managed) {
    if (!providers.get(inst.provider)?.provider.prepareReads) continue;
    const list = reads.get(inst.provider) ?? [];
    list.push({ typeName: inst.type, currentState: inst.attributes, private: inst.private, signal });
    reads.set(inst.provider, list);
  }
  await Promise.all([...reads].map(([ref, reqs]) => providers.get(ref)?.provider.prepareReads?.(reqs, signal)));
  await runBounded(
    managed,
    parallelism,
    async ([key, inst]) => {
      const p = providers.get(inst.provider);
      if (!p) return; // reported by the provider set already
      if (!inst.deposed) onEvent?.({ kind: 'start', address: inst.address, id: plainId(inst.attributes, inst.sensitivePaths) });
      const resp = await p.provider.readResource({ typeName: inst.type, currentState: inst.attributes, private: inst.private, signal });
      if (!inst.deposed && !resp.diagnostics.some((d) => d.severity === 'error')) {
        onEvent?.({ kind: 'done', address: inst.address, id: resp.newState ? plainId(resp.newState, followSensitive(resp.newState, inst.sensitivePaths)) : undefined });
      }
      const errs = resp.diagnostics.filter((d) => d.severity === 'error');
      if (errs.length) {
        diags.push(...locatedAt({ stack, address: inst.address }, resp.diagnostics));
        return;
      }
      const now = resp.newState;
      if (resp.health && now !== null && !inst.deposed) health.set(inst.address, resp.health);
      // the object's own policy wins over the configured rules; a deposed object is always removed
      const rule = inst.deposed ? undefined : policyFor(driftPolicies, stack, inst.address);
      const policy = inst.deposed ? 'revert' : (resp.driftPolicy ?? rule?.policy ?? 'revert');
      if (!inst.deposed && (resp.driftPolicy || rule)) policies.set(inst.address, { policy, source: resp.driftPolicy ? 'object' : rule!.rule.address });
      if (now !== null && valuesEqual(now, inst.attributes)) return;
      if (policy === 'alert') {
        // reported, never put back: the recorded object stands, so the plan changes nothing
        const paths = now === null ? [] : changedPaths(inst.attributes, now);
        const from = resp.driftPolicy ? "the object's own drift policy" : `the drift policy for "${rule!.rule.address}"`;
        alerts.push({ address: inst.address, deleted: now === null, paths, policySource: resp.driftPolicy ? 'object' : rule!.rule.address });
        diags.push(
          warning(
            `Drift on ${inst.address} (policy alert: not reverted)`,
            now === null
              ? `Deleted outside Ballast; ${from} says "alert", so it is not created again.`
              : `Changed outside Ballast: ${paths.join(', ')}. ${from[0].toUpperCase()}${from.slice(1)} says "alert".`,
            { stack, address: inst.address },
          ),
        );
        return;
      }
      if (now === null) {
        // a deleted object is created again even under "ignore", as Terraform's ignore_changes does
        refreshed.delete(key);
        if (!inst.deposed) drift.push(driftChange(inst, null));
        return;
      }
      if (policy === 'ignore') {
        // not compared: a provider that applied the object's own policy already kept what matters
        if (resp.driftPolicy === 'ignore') refreshed.set(key, { ...inst, attributes: now, sensitivePaths: followSensitive(now, inst.sensitivePaths), private: resp.private ?? inst.private });
        return;
      }
      const next: InstanceState = { ...inst, attributes: now, sensitivePaths: followSensitive(now, inst.sensitivePaths), private: resp.private ?? inst.private };
      refreshed.set(key, next);
      if (!inst.deposed) drift.push(driftChange(inst, now));
    },
    signal,
  );
  const byAddress = <T extends { address: string }>(a: T, b: T) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);
  drift.sort(byAddress);
  alerts.sort(byAddress);
  // warnings in address order, not in the order the reads finished
  const located = (d: Diagnostic) => d.where?.address ?? '';
  diags.sort((a, b) => (located(a) < located(b) ? -1 : located(a) > located(b) ? 1 : 0));
  return { refreshed, drift, alerts, health, policies, diagnostics: diags };
}

function driftChange(inst: InstanceState, now: ValueObject | null): ResourceChange {
  return {
    addr: parseInstance(inst.address),
    address: inst.address,
    provider: inst.provider,
    action: now === null ? 'delete' : 'update',
    before: inst.attributes,
    after: now,
    beforeSensitive: inst.sensitivePaths,
    afterSensitive: now === null ? [] : followSensitive(now, inst.sensitivePaths),
    requiresReplace: [],
    dependencies: inst.dependencies,
    schemaVersion: inst.schemaVersion,
  };
}
