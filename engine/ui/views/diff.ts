// `/stacks/NAME/diff?from=A&to=B`: resource by resource, attribute by attribute, on redacted versions.

import { html, type Html } from '../html.ts';
import type { AttributeDiff, VersionDiff } from '../version-diff.ts';
import { stackHref } from './layout.ts';

function attr(a: AttributeDiff): Html {
  if (a.lines) {
    return html`<tr><td class="path">${a.path}</td><td colspan="2"><pre class="lines">${a.lines.map((l) => html`<span class="line" data-kind="${l.kind}">${l.kind} ${l.text}\n</span>`)}</pre></td></tr>`;
  }
  return html`<tr><td class="path">${a.path}</td><td class="before">${a.before ?? html`<span class="muted">(absent)</span>`}</td><td class="after">${a.after ?? html`<span class="muted">(absent)</span>`}</td></tr>`;
}

export function diffBody(stack: string, from: number | null, to: number, d: VersionDiff, showUnchanged: boolean): Html {
  const shown = d.resources.filter((r) => showUnchanged || r.kind !== 'unchanged');
  return html`<h1>Stack <a href="${stackHref(stack)}">${stack}</a>: ${from === null ? 'nothing' : `v${from}`} → v${to}</h1>
<p class="counts">${d.counts.added} added, ${d.counts.changed} changed, ${d.counts.removed} removed, ${d.counts.unchanged} unchanged
${showUnchanged ? '' : html` · <a href="${stackHref(stack, `/diff?from=${from ?? ''}&to=${to}&all=1`)}">show unchanged</a>`}</p>
${shown.length ? '' : html`<p class="empty">No resource changed.</p>`}
${shown.map(
  (r) => html`<section class="resource-diff" data-kind="${r.kind}" data-address="${r.address}">
<h3><span class="kind">${r.kind}</span> <a href="${stackHref(stack, `/resources/${encodeURIComponent(r.address)}?serial=${r.kind === 'removed' ? (from ?? to) : to}`)}">${r.address}</a></h3>
${r.attributes.length ? html`<table class="attrs"><thead><tr><th>Attribute</th><th>v${from ?? '–'}</th><th>v${to}</th></tr></thead><tbody>${r.attributes.map(attr)}</tbody></table>` : ''}
</section>`,
)}
${d.outputs.length ? html`<h2>Outputs</h2><table class="attrs"><tbody>${d.outputs.map(attr)}</tbody></table>` : ''}`;
}
