// `/`: every stack grouped by environment, with what runs now and its state. The table body is
// also what the live updates (server-sent events) replace.

import { html, type Html } from '../html.ts';
import { compareEnvironments } from '../environments.ts';
import type { StackSummary } from '../stack-summary.ts';
import type { ShardingStatus } from '../../agent/sharding/stack-sharding.ts';
import { changesText, holderText, replicasText, shortRevision, stackHref, timeText } from './layout.ts';

/** sharding: the agent's sharding status when it runs as one of several replicas */
export function overviewBody(rows: readonly StackSummary[], sharding?: ShardingStatus): Html {
  const replicas = sharding ? replicasText(sharding) : '';
  if (!rows.length) return html`${replicas}<p class="empty">No stacks yet.</p>`;
  const sharded = rows.some((r) => r.holder);
  const envs = [...new Set(rows.map((r) => r.environment))].sort(compareEnvironments);
  return html`${replicas}${envs.map((env) => {
    const inEnv = rows.filter((r) => r.environment === env);
    return html`<section class="env" data-env="${env}"><h2>${env || 'other stacks'} <span class="muted">${inEnv.length} stack${inEnv.length === 1 ? '' : 's'}</span></h2>
<table class="stacks"><thead><tr><th>Stack</th><th>State</th><th>Revision</th><th>Commit</th><th>Author</th><th>Applied</th><th>Version</th>${sharded ? html`<th>Replica</th>` : ''}</tr></thead><tbody>
${inEnv.map((r) => row(r, sharded))}
</tbody></table></section>`;
  })}`;
}

function row(r: StackSummary, sharded: boolean): Html {
  const c = r.current;
  return html`<tr data-stack="${r.name}">
<td><a href="${stackHref(r.name)}">${r.name}</a>${r.app !== r.name ? html`<div class="muted small">${r.app}</div>` : ''}</td>
<td><span class="state" data-state="${r.state}">${r.state}</span>${r.note ? html`<div class="note small">${r.note}</div>` : ''}${r.fetched ? html`<div class="muted small">next: ${shortRevision(r.fetched)}</div>` : ''}</td>
<td class="rev" title="${c?.revision ?? ''}">${shortRevision(c?.revision)}</td>
<td>${r.subject ?? ''}</td>
<td>${c?.author ?? ''}</td>
<td>${c ? html`<time datetime="${c.time}">${timeText(c.time)}</time>` : ''}</td>
<td>${c ? html`<a href="${stackHref(r.name, `/versions/${c.serial}`)}">v${c.serial}</a> <span class="muted small">${c.reason} ${changesText(c.changes)}</span>` : '—'}</td>
${sharded ? html`<td>${r.holder ? holderText(r.holder) : ''}</td>` : ''}
</tr>`;
}
