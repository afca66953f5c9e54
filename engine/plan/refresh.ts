// Refresh: read every recorded managed object through its provider, with bounded parallelism.
// What changed outside Ballast is reported as drift, separately from the proposed changes.

import { followSensitive } from '../eval/follow-sensitive.ts';
import { parseInstance } from '../addrs.ts';
import { type Diagnostic, locatedAt } from '../diagnostics.ts';
import { valuesEqual, type ValueObject } from '../lang/value.ts';
import type { InstanceState } from '../../state/model.ts';
import type { ResourceChange } from './plan.ts';
import type { ProviderSet } from '../eval/provider-set.ts';
import { runBounded } from './run-bounded.ts';

export interface RefreshResult {
  readonly refreshed: Map<string, InstanceState>;
  readonly drift: ResourceChange[];
  readonly diagnostics: Diagnostic[];
}

export async function refreshAll(
  stack: string,
  prior: ReadonlyMap<string, InstanceState>,
  providers: ProviderSet,
  parallelism: number,
  signal?: AbortSignal,
): Promise<RefreshResult> {
  const refreshed = new Map(prior);
  const drift: ResourceChange[] = [];
  const diags: Diagnostic[] = [];
  // keyed by state key: a deposed object sits next to the current object of its address
  const managed = [...prior.entries()].filter(([, i]) => i.mode === 'managed');
  await runBounded(managed, parallelism, async ([key, inst]) => {
    const p = providers.get(inst.provider);
    if (!p) return; // reported by the provider set already
    const resp = await p.provider.readResource({ typeName: inst.type, currentState: inst.attributes, private: inst.private, signal });
    const errs = resp.diagnostics.filter((d) => d.severity === 'error');
    if (errs.length) {
      diags.push(...locatedAt({ stack, address: inst.address }, resp.diagnostics));
      return;
    }
    const now = resp.newState;
    if (now === null) {
      refreshed.delete(key);
      if (!inst.deposed) drift.push(driftChange(inst, null));
    } else if (!valuesEqual(now, inst.attributes)) {
      const next: InstanceState = { ...inst, attributes: now, sensitivePaths: followSensitive(now, inst.sensitivePaths), private: resp.private ?? inst.private };
      refreshed.set(key, next);
      if (!inst.deposed) drift.push(driftChange(inst, now));
    }
  }, signal);
  drift.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return { refreshed, drift, diagnostics: diags };
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

