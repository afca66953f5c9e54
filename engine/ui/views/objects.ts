// A stack's objects as the agent last saw them: the drift policy it resolved for each (its own
// `ballast.dev/drift` label or annotation, a configured rule, or the default), its health
// (kstatus for Kubernetes objects) and, for the objects the last drift check found changed,
// the paths, since when and what came of it (reverted or alerted); and on a resource's page,
// the recorded (desired) value beside the real value read, path by path. Values come redacted
// from the agent; `ballast ui` has no live view and says so.

import type { StateVersion } from '../../../state/model.ts';
import type { DriftRead, StackDrift } from '../../agent/drift-reads.ts';
import type { DriftedObject, StatusJson } from '../../agent/stack-status.ts';
import type { ObjectDriftPolicy } from '../../plan/plan.ts';
import { html, type Html } from '../html.ts';
import type { AttributeDiff } from '../version-diff.ts';
import { stackHref } from './layout.ts';

export const NEEDS_AGENT = 'Drift policy, health and live drift need the agent (ballast agent): this view reads recorded state only.';

type StackStatus = StatusJson['stacks'][string];

/** What the agent knows live about one stack; null for `ballast ui` (no agent). */
export interface LiveDrift {
  readonly status: StackStatus | undefined;
  readonly drift: StackDrift | undefined;
}

export interface ObjectRow {
  readonly key: string;
  readonly address: string;
  readonly type: string;
  readonly policy: ObjectDriftPolicy;
  readonly health?: { readonly status: string; readonly reason: string };
  /** found changed by the last drift check */
  readonly drift?: { readonly paths: readonly string[]; readonly since: string; readonly outcome: DriftRead['outcome'] };
}

const DEFAULT_POLICY: ObjectDriftPolicy = { policy: 'revert', source: 'default' };

function driftOf(address: string, live: LiveDrift): ObjectRow['drift'] {
  const outstanding: DriftedObject | undefined = live.status?.drifted.find((d) => d.address === address);
  const read = live.drift?.reads.find((r) => r.address === address);
  if (outstanding) return { paths: outstanding.paths, since: outstanding.since, outcome: outstanding.policy === 'alert' ? 'alerted' : 'outstanding' };
  if (read) return { paths: read.deleted ? ['(deleted)'] : read.paths, since: read.at, outcome: read.outcome };
  return undefined;
}

/** The managed objects of a version with what the agent last saw of each. */
export function objectRows(v: StateVersion, live: LiveDrift): ObjectRow[] {
  const rows: ObjectRow[] = [];
  for (const [key, inst] of Object.entries(v.resources)) {
    if (inst.mode !== 'managed' || inst.deposed) continue;
    const h = live.status?.health.find((x) => x.address === inst.address);
    const drift = driftOf(inst.address, live);
    const policy = live.drift?.policies[inst.address] ?? live.drift?.reads.find((r) => r.address === inst.address)?.policy ?? DEFAULT_POLICY;
    rows.push({ key, address: inst.address, type: inst.type, policy, ...(h ? { health: { status: h.status, reason: h.reason } } : {}), ...(drift ? { drift } : {}) });
  }
  return rows.sort((a, b) => a.address.localeCompare(b.address));
}

const policyText = (p: ObjectDriftPolicy): Html =>
  html`<span class="policy" data-policy="${p.policy}">${p.policy}</span> <span class="muted small">${p.source === 'default' ? '(default)' : p.source === 'object' ? '(object label)' : html`(rule <code>${p.source}</code>)`}</span>`;

const outcomeText: Record<DriftRead['outcome'], string> = { reverted: 'reverted', alerted: 'alerted, not reverted', outstanding: 'not reverted yet' };

/** The objects table of a stack's page; `live` null: no agent. */
export function objectsBody(stack: string, v: StateVersion | null, live: LiveDrift | null): Html {
  if (!v) return html``;
  const link = (r: ObjectRow) => html`<a href="${stackHref(stack, `/resources/${encodeURIComponent(r.key)}?serial=${v.serial}`)}">${r.address}</a>`;
  if (!live) {
    const count = Object.values(v.resources).filter((i) => i.mode === 'managed' && !i.deposed).length;
    return html`<h2>Objects (${count})</h2><p class="muted" data-live-drift="none">${NEEDS_AGENT}</p>`;
  }
  const rows = objectRows(v, live);
  const drifted = rows.filter((r) => r.drift).length;
  return html`<h2>Objects (${rows.length}${drifted ? html`, <span class="drifted-count">${drifted} drifted</span>` : ''})</h2>
<table class="objects"><thead><tr><th>Object</th><th>Drift policy</th><th>Health</th><th>Drift</th></tr></thead><tbody>
${rows.map(
  (r) => html`<tr data-address="${r.address}"${r.drift ? html` class="drifted" data-outcome="${r.drift.outcome}"` : ''}>
<td>${link(r)}</td><td>${policyText(r.policy)}</td>
<td>${r.health ? html`<span class="health" data-health="${r.health.status}">${r.health.status}</span>${r.health.reason ? html` <span class="muted small">${r.health.reason}</span>` : ''}` : html`<span class="muted">—</span>`}</td>
<td>${r.drift ? html`<span class="state" data-state="drifted">${outcomeText[r.drift.outcome]}</span> <span class="small">since <time datetime="${r.drift.since}">${r.drift.since}</time></span><div class="path small">${r.drift.paths.join(', ')}</div>` : html`<span class="muted">none found</span>`}</td>
</tr>`,
)}
</tbody></table>`;
}

function valueCell(cls: string, x: string | undefined): Html {
  return html`<td class="${cls}">${x === undefined ? html`<span class="muted">(absent)</span>` : x.includes('\n') ? html`<pre>${x}</pre>` : x}</td>`;
}

function attrRow(a: AttributeDiff): Html {
  return html`<tr data-path="${a.path}"><td class="path">${a.path}</td>${valueCell('before', a.before)}${valueCell('after', a.after)}</tr>`;
}

/** The resource page's drift part: recorded beside real, per changed path; `live` null: no agent. */
export function resourceDriftBody(address: string, live: LiveDrift | null): Html {
  if (!live) return html`<p class="muted" data-live-drift="none">${NEEDS_AGENT}</p>`;
  const read = live.drift?.reads.find((r) => r.address === address);
  const row = live.status?.drifted.find((d) => d.address === address);
  const h = live.status?.health.find((x) => x.address === address);
  const policy = live.drift?.policies[address] ?? read?.policy ?? DEFAULT_POLICY;
  const facts = html`<dl class="facts"><dt>Drift policy</dt><dd>${policyText(policy)}</dd>${h ? html`<dt>Health</dt><dd><span class="health" data-health="${h.status}">${h.status}</span> ${h.reason}</dd>` : ''}</dl>`;
  if (!read && !row) {
    const checked = live.status?.lastResult !== null && live.status?.lastResult !== undefined;
    return html`${facts}<p class="muted" data-drift="none">${checked ? 'The last drift check found no change to this object outside Ballast.' : 'The agent has not checked this stack for drift yet.'}</p>`;
  }
  const outcome = row ? (row.policy === 'alert' ? 'alerted' : 'outstanding') : read!.outcome;
  const since = row?.since ?? read!.at;
  const head = html`${facts}<p class="state drift-found" data-state="drifted" data-outcome="${outcome}">Changed outside Ballast (${outcomeText[outcome]}), seen <time datetime="${since}">${since}</time>.</p>`;
  if (read?.deleted || row?.paths.includes('(deleted)')) return html`${head}<p>The object was deleted outside Ballast.</p>`;
  if (!read?.attributes.length) {
    const paths = read?.paths ?? row?.paths ?? [];
    const why = outcome === 'alerted' ? 'the agent keeps no values for drift under policy alert' : 'the agent keeps values for a bounded number of objects only';
    return html`${head}<p class="muted">Changed paths (${why}): <span class="path">${paths.join(', ')}</span></p>`;
  }
  return html`${head}<h2>Recorded (desired) and real, as last read</h2>
<table class="attrs drift"><thead><tr><th>Attribute</th><th>Recorded (desired)</th><th>Real (read <time datetime="${read.at}">${read.at}</time>)</th></tr></thead><tbody>${read.attributes.map(attrRow)}</tbody></table>
${read.truncated ? html`<p class="muted small">Only part of the drift is shown (long values and many paths are cut).</p>` : ''}`;
}
