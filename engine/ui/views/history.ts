// `/stacks/NAME`: the stack's state and timeline of versions, the diff picker, and for
// operators the actions (sync now, suspend/resume, roll back to a version).

import type { VersionInfo } from '../../../state/model.ts';
import { html, type Html } from '../html.ts';
import type { StackSummary } from '../stack-summary.ts';
import type { Commit } from '../commit-history.ts';
import { shaOf } from '../commit-history.ts';
import { changesText, holderText, shortRevision, stackHref } from './layout.ts';

export interface HistoryView {
  readonly summary: StackSummary;
  readonly versions: readonly VersionInfo[];
  /** authors of versions, by serial (read from the versions shown) */
  readonly authors: ReadonlyMap<number, string>;
  readonly commits: ReadonlyMap<string, Commit>;
  /** the operator's CSRF token; null: no actions shown */
  readonly csrf: string | null;
  readonly policy?: string;
}

const reasonText: Record<string, string> = {
  apply: 'apply',
  refresh: 'drift correction',
  rollback: 'rollback',
  import: 'import',
  destroy: 'destroy',
  move: 'move',
  'state-edit': 'state edit',
  'state-push': 'state push',
};

export function historyBody(v: HistoryView): Html {
  const s = v.summary;
  const newestFirst = [...v.versions].reverse();
  const actions = v.csrf
    ? html`<div class="actions">
<form method="post" action="${stackHref(s.name, '/sync')}"><input type="hidden" name="_csrf" value="${v.csrf}"><button type="submit" data-action="sync">Sync now</button></form>
${
  s.control.suspended || s.control.pin
    ? html`<form method="post" action="${stackHref(s.name, '/resume')}"><input type="hidden" name="_csrf" value="${v.csrf}"><button type="submit" data-action="resume">Resume</button></form>`
    : html`<form method="post" action="${stackHref(s.name, '/suspend')}"><input type="hidden" name="_csrf" value="${v.csrf}"><button type="submit" data-action="suspend">Suspend</button></form>`
}
</div>`
    : '';
  const diffPicker =
    v.versions.length > 1
      ? html`<form method="get" action="${stackHref(s.name, '/diff')}" class="picker">Compare
<select name="from">${newestFirst.map((x, i) => html`<option value="${x.serial}"${i === 1 ? html` selected` : ''}>v${x.serial}</option>`)}</select> with
<select name="to">${newestFirst.map((x, i) => html`<option value="${x.serial}"${i === 0 ? html` selected` : ''}>v${x.serial}</option>`)}</select>
<button type="submit">Show diff</button></form>`
      : '';
  return html`<h1>Stack ${s.name}</h1>
<p><span class="state" data-state="${s.state}">${s.state}</span> ${s.note ?? ''} ${s.environment ? html`<span class="muted">environment ${s.environment}</span>` : ''} ${v.policy ? html`<span class="muted">policy ${v.policy}</span>` : ''}</p>
${s.path ? html`<p class="muted small">${s.path}</p>` : ''}
${s.holder ? html`<p>${holderText(s.holder)}</p>` : ''}
${actions}
<p><a href="${stackHref(s.name, '/graph')}">Resource graph</a>${s.current ? html` · <a href="${stackHref(s.name, `/versions/${s.current.serial}`)}">Resources of v${s.current.serial}</a>` : ''}</p>
${diffPicker}
<h2>History</h2>
<ol class="timeline">
${newestFirst.map((x, i) => {
  const sha = shaOf(x.sourceRevision);
  const commit = sha ? v.commits.get(sha) : undefined;
  const prev = newestFirst[i + 1];
  const canRoll = v.csrf && x.reason !== 'destroy' && s.current && x.serial !== s.current.serial;
  return html`<li data-serial="${x.serial}"><div class="when"><a href="${stackHref(s.name, `/versions/${x.serial}`)}"><b>v${x.serial}</b></a> <time datetime="${x.time}">${x.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time></div>
<div><span class="reason" data-reason="${x.reason}">${reasonText[x.reason] ?? x.reason}${x.rollbackOf !== undefined ? ` to v${x.rollbackOf}` : ''}</span> <span class="counts">${changesText(x.changes)}</span>
<span class="rev" title="${x.sourceRevision ?? ''}">${shortRevision(x.sourceRevision)}</span>${commit ? html` <span class="subject">${commit.subject}</span>${commit.tags.length ? html` <span class="tag">${commit.tags.join(', ')}</span>` : ''}` : ''}
${v.authors.get(x.serial) ? html`<span class="muted">by ${v.authors.get(x.serial)}</span>` : ''}
${prev ? html`<a class="small" href="${stackHref(s.name, `/diff?from=${prev.serial}&to=${x.serial}`)}">diff with v${prev.serial}</a>` : ''}
${canRoll ? html`<form method="post" action="${stackHref(s.name, '/rollback')}" class="inline"><input type="hidden" name="_csrf" value="${v.csrf}"><input type="hidden" name="serial" value="${x.serial}"><button type="submit" data-action="rollback" data-serial="${x.serial}">Roll back to v${x.serial}…</button></form>` : ''}
</div></li>`;
})}
</ol>`;
}
