// Small pages: login, audit log, rollback plan and result, messages.

import { html, type Html } from '../html.ts';
import type { AuditEntry } from '../audit-log.ts';
import type { PlannedRollback } from '../rollback-action.ts';
import { stackHref } from './layout.ts';

export function loginBody(failed: boolean, next: string): Html {
  return html`<h1>Log in</h1>
${failed ? html`<p class="error" role="alert">That token is not valid.</p>` : ''}
<form method="post" action="/login" class="login"><input type="hidden" name="next" value="${next}">
<label>Token <input type="password" name="token" autocomplete="current-password" required autofocus></label>
<button type="submit">Log in</button></form>
<p class="muted small">Viewers and operators log in with the token an administrator gave them (--ui-viewer-token-file, --ui-operator-token-file).</p>`;
}

export function auditBody(entries: readonly AuditEntry[]): Html {
  return html`<h1>Audit log</h1>
${entries.length ? '' : html`<p class="empty">Nothing was done from the UI yet.</p>`}
<table class="audit"><thead><tr><th>When</th><th>Who</th><th>What</th><th>Stack</th><th>Result</th></tr></thead><tbody>
${entries.map((e) => html`<tr><td><time datetime="${e.time}">${e.time}</time></td><td>${e.who}</td><td>${e.action}${e.detail ? html` <span class="muted">${e.detail}</span>` : ''}</td><td><a href="${stackHref(e.stack)}">${e.stack}</a></td><td data-result="${e.result}">${e.result}</td></tr>`)}
</tbody></table>`;
}

export function rollbackPlanBody(p: PlannedRollback, csrf: string): Html {
  return html`<h1>Roll back <a href="${stackHref(p.stack)}">${p.stack}</a> to version ${p.serial}?</h1>
<p>This is the plan. Nothing has changed yet: confirm to apply it, then the stack stays pinned to version ${p.serial} until a new commit arrives.</p>
<pre class="plan">${p.text}</pre>
<form method="post" action="${stackHref(p.stack, '/rollback/confirm')}" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="plan" value="${p.id}"><button type="submit" class="danger" data-action="confirm-rollback">Apply: roll back to v${p.serial} (+${p.summary.add} ~${p.summary.change} -${p.summary.destroy})</button></form>
<form method="post" action="${stackHref(p.stack, '/rollback/cancel')}" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="plan" value="${p.id}"><button type="submit">Cancel</button></form>`;
}

export function messageBody(title: string, text: string, back: string, kind: 'ok' | 'error' = 'ok'): Html {
  return html`<h1>${title}</h1><p class="${kind === 'error' ? 'error' : 'ok'}" role="${kind === 'error' ? 'alert' : 'status'}">${text}</p><p><a href="${back}">Back</a></p>`;
}
