// `/stacks/NAME/versions/N`: one recorded version, redacted: its resources, outputs and record.

import type { StateVersion } from '../../../state/model.ts';
import { html, type Html } from '../html.ts';
import { flatten } from '../version-diff.ts';
import { type LiveDrift, resourceDriftBody } from './objects.ts';
import { changesText, shortRevision, stackHref } from './layout.ts';

export function versionBody(v: StateVersion): Html {
  const resources = Object.entries(v.resources);
  return html`<h1>Stack <a href="${stackHref(v.stack)}">${v.stack}</a> · version ${v.serial}</h1>
<dl class="facts"><dt>Reason</dt><dd>${v.reason}${v.rollbackOf !== undefined ? ` to v${v.rollbackOf}` : ''}</dd><dt>Time</dt><dd>${v.time}</dd>
<dt>Revision</dt><dd class="rev">${shortRevision(v.sourceRevision)}</dd><dt>Author</dt><dd>${v.author ?? '—'}</dd><dt>Changes</dt><dd>${changesText(v.changes)}</dd>
<dt>Engine</dt><dd>${v.engineVersion}</dd></dl>
<p>${v.serial > 1 ? html`<a href="${stackHref(v.stack, `/diff?from=${v.serial - 1}&to=${v.serial}`)}">diff with v${v.serial - 1}</a> · ` : ''}<a href="${stackHref(v.stack, `/graph?serial=${v.serial}`)}">graph</a></p>
<h2>Resources (${resources.length})</h2>
<ul class="resources">${resources.map(([key, r]) => html`<li><a href="${stackHref(v.stack, `/resources/${encodeURIComponent(key)}?serial=${v.serial}`)}">${key}</a>${r.tainted ? html` <span class="state" data-state="failed">tainted</span>` : ''}</li>`)}</ul>
${Object.keys(v.outputs).length ? html`<h2>Outputs</h2><table class="attrs"><tbody>${Object.entries(v.outputs).map(([k, o]) => html`<tr><td class="path">${k}</td><td>${typeof o.value === 'string' ? o.value : JSON.stringify(o.value)}</td></tr>`)}</tbody></table>` : ''}`;
}

/** `/stacks/NAME/resources/ADDR?serial=N`: a recorded object's attributes and dependencies. */
export function resourceBody(v: StateVersion, key: string, live: LiveDrift | null): Html {
  const r = v.resources[key]!;
  const attrs = [...flatten(r.attributes)];
  return html`<h1><a href="${stackHref(v.stack)}">${v.stack}</a> · ${key}</h1>
<p class="muted">as recorded in version <a href="${stackHref(v.stack, `/versions/${v.serial}`)}">${v.serial}</a> (${v.time}) · provider ${r.provider}${r.tainted ? ' · tainted' : ''}</p>
<h2>Drift</h2>
${r.mode === 'managed' ? resourceDriftBody(r.address, live) : html`<p class="muted">A data source: read at each plan, never drifts.</p>`}
<h2>Attributes</h2>
<table class="attrs"><tbody>${attrs.map(([p, x]) => html`<tr><td class="path">${p}</td><td>${typeof x === 'string' ? (x.includes('\n') ? html`<pre>${x}</pre>` : x) : JSON.stringify(x)}</td></tr>`)}</tbody></table>
<h2>Depends on</h2>
${r.dependencies.length ? html`<ul>${r.dependencies.map((d) => html`<li>${d}</li>`)}</ul>` : html`<p class="muted">nothing</p>`}`;
}
