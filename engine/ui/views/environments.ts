// `/environments`: the same app in each environment side by side, and for each pair of
// neighbouring environments (in promotion order) the commits one has and the next has not yet:
// "prod is 3 commits behind staging", with subjects, tags and authors.

import { html, type Html } from '../html.ts';
import type { Commit } from '../commit-history.ts';
import type { StackSummary } from '../stack-summary.ts';
import { shortRevision, stackHref } from './layout.ts';

export interface Gap {
  readonly app: string;
  /** the environment that is behind, and the one it is compared with */
  readonly behind: StackSummary;
  readonly ahead: StackSummary;
  /** null: cannot be told (no git history, or a revision the history does not have) */
  readonly commits: readonly Commit[] | null;
}

export interface AppRow {
  readonly app: string;
  readonly byEnv: ReadonlyMap<string, StackSummary>;
  readonly gaps: readonly Gap[];
}

function commitList(commits: readonly Commit[]): Html {
  return html`<ul class="commits">${commits.map((c) => html`<li><code>${c.sha.slice(0, 8)}</code> ${c.subject}${c.tags.length ? html` <span class="tag">${c.tags.join(', ')}</span>` : ''} <span class="muted">${c.author}, ${c.date.slice(0, 10)}</span></li>`)}</ul>`;
}

export function environmentsBody(envs: readonly string[], apps: readonly AppRow[], historyNote: string | null): Html {
  if (!apps.length)
    return html`<h1>Environments</h1><p class="empty">No app runs in more than one environment (environments are told by a label in the agent config, or by a word such as dev, staging or prod in the stack's name or path).</p>`;
  return html`<h1>Environments side by side</h1>
${historyNote ? html`<p class="muted">${historyNote}</p>` : ''}
<table class="envs"><thead><tr><th>App</th>${envs.map((e) => html`<th>${e}</th>`)}</tr></thead><tbody>
${apps.map(
  (a) =>
    html`<tr data-app="${a.app}"><td><b>${a.app}</b></td>${envs.map((e) => {
      const s = a.byEnv.get(e);
      if (!s) return html`<td class="muted">—</td>`;
      return html`<td><a href="${stackHref(s.name)}">${s.name}</a><div class="rev">${shortRevision(s.current?.revision)}</div><div class="small">${s.subject ?? ''}</div><span class="state" data-state="${s.state}">${s.state}</span></td>`;
    })}</tr>`,
)}
</tbody></table>
${apps.map((a) =>
  a.gaps.map(
    (g) => html`<section class="gap" data-app="${a.app}" data-behind="${g.behind.environment}" data-ahead="${g.ahead.environment}">
<h3>${a.app}: ${
      g.commits === null
        ? html`${g.behind.environment} runs ${shortRevision(g.behind.current?.revision)}, ${g.ahead.environment} runs ${shortRevision(g.ahead.current?.revision)}`
        : g.commits.length === 0
          ? html`${g.behind.environment} has everything ${g.ahead.environment} has`
          : html`<span class="behind">${g.behind.environment} is ${g.commits.length} commit${g.commits.length === 1 ? '' : 's'} behind ${g.ahead.environment}</span>`
    }</h3>
${g.commits?.length ? commitList(g.commits) : ''}
</section>`,
  ),
)}`;
}
