// The plan: what the engine will do, instance by instance. Renderers (engine/plan/render/)
// and apply (engine/apply/) read only this.

import type { InstanceAddr } from '../addrs.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Path, Value, ValueObject } from '../lang/value.ts';
import type { DriftPolicy, ObjectHealth, PrivateData } from '../../providers/provider.ts';
import type { Action } from './actions.ts';
import type { InstanceState } from '../../state/model.ts';

export type ActionReason =
  | 'replace-because-cannot-update'
  | 'replace-by-request'
  | 'replace-by-triggers'
  | 'replace-because-tainted'
  | 'delete-because-no-resource-config'
  | 'delete-because-count-index'
  | 'delete-because-each-key'
  /** a no-key object of a resource that now uses count or for_each, or a keyed one of a resource that no longer does */
  | 'delete-because-wrong-repetition'
  | 'read-because-config-unknown'
  | 'read-because-dependency-pending'
  | 'read-because-check-nested';

export interface ResourceChange {
  readonly addr: InstanceAddr;
  /** formatted address */
  readonly address: string;
  /** provider configuration address used for this instance */
  readonly provider: string;
  readonly action: Action;
  readonly reason?: ActionReason;
  /** prior object (null for create/read-new); fully known */
  readonly before: ValueObject | null;
  /** planned object (null for delete); may contain Unknown */
  readonly after: ValueObject | null;
  readonly beforeSensitive: Path[];
  readonly afterSensitive: Path[];
  /** attribute paths that force replacement */
  readonly requiresReplace: Path[];
  readonly plannedPrivate?: PrivateData;
  /** the evaluated config sent to the provider on apply (null for delete) */
  readonly config?: ValueObject | null;
  /** formatted resource addresses this instance depends on (for apply ordering and state) */
  readonly dependencies: string[];
  readonly schemaVersion: number;
  readonly createBeforeDestroy?: boolean;
  /** an older object of this address being destroyed (rollback restored an earlier one) */
  readonly deposed?: boolean;
  /** the address the object was recorded under before a moved block (or state mv) moved it */
  readonly previousAddress?: string;
  /** set when an import block adopts an existing object for this instance in this plan */
  readonly importing?: { readonly id: string };
}

/** Drift under policy "alert": where it is (paths only, never values) and which policy said so. */
export interface DriftAlert {
  readonly address: string;
  readonly deleted: boolean;
  readonly paths: string[];
  /** "object" (its own label or annotation) or the address glob of the configured rule */
  readonly policySource: string;
}

/** The drift policy a refresh applied to an object, where not the default (revert). */
export interface ObjectDriftPolicy {
  readonly policy: DriftPolicy;
  /** "object" (its own label or annotation) or the address glob of the configured rule */
  readonly source: string;
}

export interface OutputChange {
  readonly name: string;
  readonly action: 'no-op' | 'create' | 'update' | 'delete';
  readonly before: Value | undefined;
  /** may contain Unknown */
  readonly after: Value | undefined;
  readonly sensitive: boolean;
}

export type { CheckResult } from '../eval/check-blocks.ts';
import type { CheckResult } from '../eval/check-blocks.ts';

export interface Plan {
  readonly stack: string;
  /** normal | destroy | refresh-only */
  readonly mode: 'normal' | 'destroy' | 'refresh-only';
  /** changes to make, in a stable order (by address) */
  readonly changes: ResourceChange[];
  /** objects that changed outside Ballast since the last state version (refresh results); the plan puts them back */
  readonly drift: ResourceChange[];
  /** objects that changed outside Ballast under drift policy "alert": reported, not put back */
  readonly driftAlerts?: DriftAlert[];
  /** health of recorded objects where their provider tells (kstatus for Kubernetes objects) */
  readonly health?: { readonly [address: string]: ObjectHealth };
  /** drift policies other than the default the refresh applied, by instance address */
  readonly driftPolicies?: { readonly [address: string]: ObjectDriftPolicy };
  readonly outputs: OutputChange[];
  readonly diagnostics: Diagnostic[];
  /** serial of the state version the plan was made against (null: no state yet) */
  readonly priorSerial: number | null;
  readonly priorLineage: string | null;
  readonly configDigest: string;
  readonly sourceRevision: string | null;
  /** the prior instances after refresh (and journal recovery): what apply starts from */
  readonly prior: { readonly [address: string]: InstanceState };
  /** digest of the state version the plan was made against */
  readonly priorDigest: string | null;
  /** journals of interrupted applies folded into `prior`; apply refuses the plan if they changed */
  readonly priorJournals?: readonly string[];
  /** addresses a removed block (destroy = false) drops from the state without destroying the objects */
  readonly forgotten?: readonly string[];
  /** set when `rollback --to N` produced this plan */
  readonly rollbackOf?: number;
  /** when the plan was made (RFC 3339, UTC): plantimestamp() gives this, while planning and applying */
  readonly timestamp?: string;
  /** set when --target limited the plan: other changes the configuration asks for may be left out */
  readonly targeted?: boolean;
  /** check blocks evaluated at plan time (normal mode) */
  readonly checks?: readonly CheckResult[];
}

/** Counts for the summary line. A replace counts as one add and one destroy, as in Terraform. */
export function summarize(changes: readonly ResourceChange[]): { add: number; change: number; destroy: number; read: number } {
  const s = { add: 0, change: 0, destroy: 0, read: 0 };
  for (const c of changes) {
    if (c.addr.mode === 'data') {
      if (c.action === 'read') s.read++;
      continue;
    }
    if (c.action === 'create') s.add++;
    else if (c.action === 'update') s.change++;
    else if (c.action === 'delete') s.destroy++;
    else if (c.action === 'delete-then-create' || c.action === 'create-then-delete') {
      s.add++;
      s.destroy++;
    }
  }
  return s;
}

export const hasChanges = (p: Plan): boolean =>
  p.changes.some((c) => (c.action !== 'no-op' && c.action !== 'read') || c.importing !== undefined || c.previousAddress !== undefined) ||
  (p.forgotten?.length ?? 0) > 0 ||
  p.outputs.some((o) => o.action !== 'no-op') ||
  (p.mode === 'refresh-only' && p.drift.length > 0);
