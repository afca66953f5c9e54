// The page around every view: header, navigation, who is logged in. No inline script or style
// anywhere (the CSP allows only /ui/assets/*).

import { html, type Html } from '../html.ts';
import type { Principal } from '../auth.ts';
import type { ShardingStatus } from '../../agent/sharding/stack-sharding.ts';

export interface PageContext {
  readonly title: string;
  readonly principal: Principal;
  readonly loginPossible: boolean;
}

export function page(ctx: PageContext, title: string, body: Html, opts: { live?: boolean } = {}): Html {
  const p = ctx.principal;
  const who = p.role
    ? html`<span class="who" data-role="${p.role}">${p.role}</span>${p.session ? html`<form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${p.csrf ?? ''}"><button type="submit">Log out</button></form>` : ''}`
    : '';
  const login = ctx.loginPossible && !p.session && p.role !== 'operator' ? html`<a href="/login">Log in</a>` : '';
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${ctx.title}</title>
<link rel="stylesheet" href="/ui/assets/ui.css">
<script src="/ui/assets/app.js" defer></script>
</head><body${opts.live ? html` data-live="/ui/events"` : ''}>
<header><a class="brand" href="/">Ballast</a><span class="muted">${ctx.title}</span>
<nav><a href="/">Overview</a><a href="/environments">Environments</a><a href="/audit">Audit log</a>${login}${who}</nav></header>
<main>
${body}
</main></body></html>
`;
}

export function shortRevision(rev: string | null | undefined): string {
  if (!rev) return '—';
  const m = /^(.*)@sha1:([0-9a-f]{40})$/.exec(rev);
  if (m) return `${m[1]}@${m[2]!.slice(0, 8)}`;
  return rev.length > 24 ? `${rev.slice(0, 24)}…` : rev;
}

export const changesText = (c: { add: number; change: number; destroy: number }): string => `+${c.add} ~${c.change} -${c.destroy}`;

export const stackHref = (name: string, rest = ''): string => `/stacks/${encodeURIComponent(name)}${rest}`;

export const timeText = (iso: string): string => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');

/** Sharded agents: which replica holds the stack's shard Lease, and since when. */
export function holderText(h: { shard: number; replica: string | null; since: string | null }): Html {
  if (!h.replica) return html`<span class="holder" data-holder="">shard ${h.shard}: no replica holds it</span>`;
  return html`<span class="holder" data-holder="${h.replica}">held by ${h.replica}${h.since ? html` since <time datetime="${h.since}">${timeText(h.since)}</time>` : ''} (shard ${h.shard})</span>`;
}

/** Sharded agents: this replica, the live replicas and the shards this one holds. */
export function replicasText(s: ShardingStatus): Html {
  return html`<p class="replicas muted small" data-replica="${s.identity}">This replica: <b>${s.identity}</b> · live replicas: ${s.replicas.join(', ') || 'none'} · holds shard${s.held.length === 1 ? '' : 's'} ${s.held.join(', ') || 'none'} of ${s.shards}</p>`;
}
