// The last read of each object the last drift check found changed, for the web UI's resource
// page: per changed attribute path the recorded (desired) value beside the real one read. Values
// are redacted here, in the agent, so a secret never reaches the UI, not even its memory. Kept in
// the agent's memory only (never in state) and bounded per stack.

import { followSensitive } from '../eval/follow-sensitive.ts';
import type { Path, ValueObject } from '../lang/value.ts';
import { REDACTED, redactPaths } from '../operations/redacted-state.ts';
import type { ObjectDriftPolicy, Plan, ResourceChange } from '../plan/plan.ts';
import { attributeDiffs, flatten, type AttributeDiff } from '../operations/attribute-diff.ts';

/** At most this many objects per stack, this many paths per object, this long a value. */
export const MAX_DRIFT_READS = 100;
export const MAX_DRIFT_PATHS = 200;
export const MAX_VALUE_CHARS = 4000;

export interface DriftRead {
  readonly address: string;
  /** when the drift check read it (RFC 3339) */
  readonly at: string;
  /** reverted: an apply put it back; outstanding: not put back (yet); alerted: only reported */
  readonly outcome: 'reverted' | 'outstanding' | 'alerted';
  readonly policy: ObjectDriftPolicy;
  /** deleted outside Ballast */
  readonly deleted: boolean;
  /** per changed path: before = recorded, after = real (absent: not there); sensitive as "(sensitive value)" */
  readonly attributes: readonly AttributeDiff[];
  /** changed paths, for alert drift whose real values the plan does not carry */
  readonly paths: readonly string[];
  /** some paths or values were cut to the bounds above */
  readonly truncated: boolean;
}

export interface StackDrift {
  /** drift policy of each object where not the default (revert), as the last refresh resolved it */
  readonly policies: Readonly<Record<string, ObjectDriftPolicy>>;
  readonly reads: readonly DriftRead[];
}

const clip = (s: string | undefined): string | undefined => (s !== undefined && s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS)}… (cut)` : s);

/** Recorded and real values of one drift change, both redacted wherever either side is sensitive. */
export function driftAttributes(c: ResourceChange): { attributes: AttributeDiff[]; truncated: boolean } {
  const before = c.before ?? {};
  const after: ValueObject = c.after ?? {};
  // a path sensitive on one side hides both: a value that became secret (or stopped being) shows neither
  const sensitive: Path[] = [...followSensitive(before, c.beforeSensitive), ...(c.after ? followSensitive(after, c.afterSensitive) : [])];
  const hidden = [...flatten(redactPaths(before, sensitive)), ...flatten(redactPaths(after, sensitive))].filter(([, v]) => v === REDACTED).map(([k]) => k);
  const secretOf = (path: string) => hidden.find((k) => path === k || path.startsWith(`${k}.`) || path.startsWith(`${k}[`));
  // compared on the real values (a changed secret is a changed path), shown redacted: a changed
  // secret is one row at its sensitive path, not even its keys shown
  const out: AttributeDiff[] = [];
  const seen = new Set<string>();
  let truncated = false;
  for (const a of attributeDiffs(flatten(before), flatten(after))) {
    const secret = secretOf(a.path);
    if (secret !== undefined) {
      if (seen.has(secret)) continue;
      seen.add(secret);
      out.push({ path: secret, before: c.before ? REDACTED : undefined, after: c.after ? REDACTED : undefined });
    } else {
      const b = clip(a.before);
      const r = clip(a.after);
      if (b !== a.before || r !== a.after) truncated = true;
      out.push({ path: a.path, before: b, after: r, ...(a.lines && b === a.before && r === a.after ? { lines: a.lines } : {}) });
    }
    if (out.length >= MAX_DRIFT_PATHS) {
      truncated = true;
      break;
    }
  }
  return { attributes: out, truncated };
}

/** What a refreshing plan found, as the UI shows it. `reverted`: the plan's revert drift was applied. */
export function driftReads(plan: Plan, reverted: boolean, at: string): StackDrift {
  const policies = plan.driftPolicies ?? {};
  const revertPolicy = (address: string): ObjectDriftPolicy => policies[address] ?? { policy: 'revert', source: 'default' };
  const reads: DriftRead[] = [];
  for (const c of plan.drift) {
    if (reads.length >= MAX_DRIFT_READS) break;
    const { attributes, truncated } = driftAttributes(c);
    reads.push({
      address: c.address,
      at,
      outcome: reverted ? 'reverted' : 'outstanding',
      policy: revertPolicy(c.address),
      deleted: c.after === null,
      attributes,
      paths: attributes.map((a) => a.path),
      truncated,
    });
  }
  for (const a of plan.driftAlerts ?? []) {
    if (reads.length >= MAX_DRIFT_READS) break;
    reads.push({
      address: a.address,
      at,
      outcome: 'alerted',
      policy: { policy: 'alert', source: a.policySource },
      deleted: a.deleted,
      attributes: [],
      paths: a.paths.slice(0, MAX_DRIFT_PATHS),
      truncated: a.paths.length > MAX_DRIFT_PATHS,
    });
  }
  reads.sort((x, y) => x.address.localeCompare(y.address));
  return { policies, reads };
}
