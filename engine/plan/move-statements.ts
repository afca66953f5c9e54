// moved and removed blocks of the whole stack with absolute addresses. A block written in a
// called module names addresses relative to that module; it applies to every instance of the
// module (`module.app["x"]`), as in Terraform. Moves are ordered so that chains work whatever
// order they are declared in: a move whose destination is another move's source goes first
// (a -> b before b -> c), and a module's own move before the moves written inside it.

import { endpointHolds, formatResource, type ObjectEndpoint, parseEndpoint } from '../addrs.ts';
import type { SourceRange } from '../diagnostics.ts';
import type { StackConfig } from '../config/model.ts';

export interface MoveStatement {
  /** absolute addresses as written, with the module instance path in front */
  readonly fromText: string;
  readonly toText: string;
  readonly from: ObjectEndpoint;
  readonly to: ObjectEndpoint;
  readonly range: SourceRange;
}

export interface RemoveStatement {
  readonly fromText: string;
  readonly from: ObjectEndpoint;
  readonly destroy: boolean;
  readonly range: SourceRange;
}

const inModule = (path: string, text: string) => (path ? `${path}.${text}` : text);

/** Every module's blocks, one copy per module instance, the root's first. */
function perInstance<T>(config: StackConfig, pick: (c: StackConfig) => readonly T[] | undefined): { path: string; block: T }[] {
  const out = (pick(config) ?? []).map((block) => ({ path: '', block }));
  for (const m of config.modules?.values() ?? []) for (const block of pick(m.call.module) ?? []) out.push({ path: m.path, block });
  return out;
}

export function removeStatements(config: StackConfig): RemoveStatement[] {
  return perInstance(config, (c) => c.removed).map(({ path, block }) => {
    const fromText = inModule(path, block.from);
    return { fromText, from: parseEndpoint(fromText), destroy: block.destroy, range: block.range };
  });
}

export function moveStatements(config: StackConfig): MoveStatement[] {
  const all = perInstance(config, (c) => c.moved).map(({ path, block }) => {
    const fromText = inModule(path, block.from);
    const toText = inModule(path, block.to);
    return { fromText, toText, from: parseEndpoint(fromText), to: parseEndpoint(toText), range: block.range };
  });
  return chainOrder(all);
}

/** True when some object could be named by both endpoints (the same resource, or one inside the other's module). */
export function endpointsOverlap(a: ObjectEndpoint, b: ObjectEndpoint): boolean {
  if (a.kind === 'module' && b.kind === 'module') return moduleWithin(a.module, b.module) || moduleWithin(b.module, a.module);
  if (a.kind === 'module' && b.kind !== 'module') return endpointHolds(a, { ...b.addr, key: undefined });
  if (b.kind === 'module' && a.kind !== 'module') return endpointHolds(b, { ...a.addr, key: undefined });
  if (a.kind === 'module' || b.kind === 'module') return false;
  return formatResource(a.addr) === formatResource(b.addr) && (a.kind === 'resource' || b.kind === 'resource' || a.addr.key === b.addr.key);
}

/** `inner` is `outer` or a module instance (or call) inside it. */
function moduleWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(`${outer}.`) || (!outer.endsWith(']') && inner.startsWith(`${outer}[`));
}

/** Declaration order, except that a move goes after every move whose destination overlaps its source. */
function chainOrder(moves: MoveStatement[]): MoveStatement[] {
  const before = moves.map((m, j) => moves.map((_, i) => i).filter((i) => i !== j && endpointsOverlap(moves[i].to, m.from)));
  const done = new Set<number>();
  const out: MoveStatement[] = [];
  while (done.size < moves.length) {
    let next = moves.findIndex((_, j) => !done.has(j) && before[j].every((i) => done.has(i)));
    // a cycle of moves (a -> b, b -> a): the rest in declaration order
    if (next < 0) next = moves.findIndex((_, j) => !done.has(j));
    done.add(next);
    out.push(moves[next]);
  }
  return out;
}
