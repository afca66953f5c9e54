// `/stacks/NAME/graph`: the resources of a version and what each depended on when it was
// applied, as a server-rendered SVG (layered: a resource sits right of what it depends on)
// and the same as a list for reading and screen readers.

import type { StateVersion } from '../../../state/model.ts';
import { html, type Html } from '../html.ts';
import { stackHref } from './layout.ts';

export interface ResourceGraph {
  readonly nodes: string[];
  /** [from, to]: `from` depends on `to` */
  readonly edges: [string, string][];
}

/** Resource addresses (instances folded into their resource) and their recorded dependencies. */
export function resourceGraph(v: StateVersion): ResourceGraph {
  const deps = new Map<string, Set<string>>();
  for (const i of Object.values(v.resources)) {
    const addr = `${i.mode === 'data' ? 'data.' : ''}${i.type}.${i.name}`;
    const set = deps.get(addr) ?? new Set<string>();
    for (const d of i.dependencies) set.add(d);
    deps.set(addr, set);
  }
  const nodes = [...deps.keys()].sort();
  const edges: [string, string][] = [];
  for (const [from, to] of deps) for (const t of to) if (deps.has(t) && t !== from) edges.push([from, t]);
  return { nodes, edges };
}

/** Depth of each node: 0 for one that depends on nothing, else one more than its deepest dependency. */
export function layers(g: ResourceGraph): Map<string, number> {
  const out = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (n: string): number => {
    const known = out.get(n);
    if (known !== undefined) return known;
    if (visiting.has(n)) return 0; // a cycle cannot be recorded, but never loop on one
    visiting.add(n);
    const d = Math.max(-1, ...g.edges.filter(([f]) => f === n).map(([, t]) => depth(t))) + 1;
    visiting.delete(n);
    out.set(n, d);
    return d;
  };
  for (const n of g.nodes) depth(n);
  return out;
}

const W = 230;
const H = 28;
const GAP_X = 70;
const GAP_Y = 14;

export function graphBody(v: StateVersion): Html {
  const g = resourceGraph(v);
  const depth = layers(g);
  const columns: string[][] = [];
  for (const n of g.nodes) (columns[depth.get(n)!] ??= []).push(n);
  const pos = new Map<string, { x: number; y: number }>();
  columns.forEach((col, c) => col.forEach((n, r) => pos.set(n, { x: 10 + c * (W + GAP_X), y: 10 + r * (H + GAP_Y) })));
  const width = 20 + Math.max(1, columns.length) * (W + GAP_X);
  const height = 20 + Math.max(1, ...columns.map((c) => c.length)) * (H + GAP_Y);
  const label = (n: string) => (n.length > 32 ? `${n.slice(0, 31)}…` : n);
  return html`<h1><a href="${stackHref(v.stack)}">${v.stack}</a> · resource graph of version ${v.serial}</h1>
<svg class="graph" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="resource dependency graph">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#888"/></marker></defs>
${g.edges.map(([f, t]) => {
  const a = pos.get(f)!;
  const b = pos.get(t)!;
  return html`<line x1="${a.x}" y1="${a.y + H / 2}" x2="${b.x + W}" y2="${b.y + H / 2}" stroke="#888" marker-end="url(#arrow)"/>`;
})}
${g.nodes.map((n) => {
  const p = pos.get(n)!;
  return html`<g class="node"><rect x="${p.x}" y="${p.y}" width="${W}" height="${H}" rx="5" fill="#eef3fb" stroke="#4a6fa5"/><text x="${p.x + 8}" y="${p.y + 18}" font-size="12" font-family="monospace">${label(n)}</text><title>${n}</title></g>`;
})}
</svg>
<h2>Dependencies</h2>
<ul class="deps">${g.nodes.map((n) => {
    const on = g.edges.filter(([f]) => f === n).map(([, t]) => t);
    return html`<li><code>${n}</code>${on.length ? html` → ${on.map((t, i) => html`${i ? ', ' : ''}<code>${t}</code>`)}` : html` <span class="muted">(depends on nothing)</span>`}</li>`;
  })}</ul>`;
}
