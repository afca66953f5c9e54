// moved and removed blocks of the whole stack with absolute addresses. A block written in a
// called module names addresses relative to that module; it applies to every instance of the
// module (`module.app["x"]`), as in Terraform. Moves are ordered so that chains work whatever
// order they are declared in: a move whose destination is another move's source goes first
// (a -> b before b -> c), and a module's own move before the moves written inside it.

import { relative } from 'node:path';
import { endpointHolds, formatResource, type InstanceAddr, type ObjectEndpoint, parseEndpoint } from '../addrs.ts';
import { type Diagnostic, error, hasErrors, type SourceRange } from '../diagnostics.ts';
import type { StackConfig } from '../config/model.ts';

export interface MoveStatement {
  /** absolute addresses as written, with the module instance path in front */
  readonly fromText: string;
  readonly toText: string;
  readonly from: ObjectEndpoint;
  readonly to: ObjectEndpoint;
  readonly range: SourceRange;
  /** Terraform's implied move of a resource that gained or lost count (no moved block) */
  readonly implied?: boolean;
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
    return { fromText, toText, ...unify(parseEndpoint(fromText), parseEndpoint(toText)), range: block.range };
  });
  return chainOrder(all);
}

/**
 * As in Terraform, a resource address moved to or from an instance address names the resource's
 * no-key instance: `from = a.b, to = a.b[1]` is how a resource that gains count keeps its object.
 */
function unify(from: ObjectEndpoint, to: ObjectEndpoint): { from: ObjectEndpoint; to: ObjectEndpoint } {
  const noKey = (e: ObjectEndpoint): ObjectEndpoint => (e.kind === 'resource' ? { kind: 'instance', addr: e.addr } : e);
  if (from.kind === 'module' || to.kind === 'module' || from.kind === to.kind) return { from, to };
  return { from: noKey(from), to: noKey(to) };
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
    // a cycle of moves (a -> b, b -> a), reported by moveStatementDiagnostics: the rest in declaration order
    if (next < 0) next = moves.findIndex((_, j) => !done.has(j));
    done.add(next);
    out.push(moves[next]);
  }
  return out;
}

/**
 * Terraform's implied moves: a managed resource that now uses count takes over its recorded
 * no-key object as `[0]`, and one that uses neither count nor for_each takes over its `[0]` object
 * as the no-key one. Never for for_each, and never for a resource a moved block names: an
 * explicit move wins. (Whether the target address is free is decided when the move applies.)
 */
export function impliedMoveStatements(config: StackConfig, explicit: readonly MoveStatement[]): MoveStatement[] {
  const out: MoveStatement[] = [];
  for (const rc of config.resources.values()) {
    if (rc.mode !== 'managed' || rc.forEach) continue;
    const base: InstanceAddr = rc.module ? { mode: rc.mode, type: rc.type, name: rc.name, module: rc.module } : { mode: rc.mode, type: rc.type, name: rc.name };
    const whole: ObjectEndpoint = { kind: 'resource', addr: base };
    if (explicit.some((m) => endpointsOverlap(m.from, whole) || endpointsOverlap(m.to, whole))) continue;
    const noKey: ObjectEndpoint = { kind: 'instance', addr: base };
    const zero: ObjectEndpoint = { kind: 'instance', addr: { ...base, key: 0 } };
    const [from, to] = rc.count ? [noKey, zero] : [zero, noKey];
    const text = (e: ObjectEndpoint) => (e.kind === 'instance' && e.addr.key === 0 ? `${rc.address}[0]` : rc.address);
    out.push({ fromText: text(from), toText: text(to), from, to, range: rc.range, implied: true });
  }
  return out;
}

/** Where a block is declared, as Terraform says it: `main.tf:3,1` (a JSON stack: the file and the JSON pointer). */
export function declaredAt(range: SourceRange, dir: string): string {
  const file = range.file ? relative(dir, range.file) || range.file : '';
  if (range.line) return `${file}:${range.line},${range.column ?? 1}`;
  return range.pointer ? `${file} (${range.pointer})` : file;
}

/**
 * What is wrong with moved blocks before any object moves, as in Terraform: a move to the same
 * address, a module moved to a resource, a managed resource moved to a data source (or back),
 * a move from a resource or module call that is still declared, two moves from one source or
 * to one destination, and chains that form a cycle. A move from an instance
 * that is still declared needs the expansion: the planner checks that one (movedInstanceStillDeclared).
 */
export function moveStatementDiagnostics(config: StackConfig, moves: readonly MoveStatement[]): Diagnostic[] {
  const diags: Diagnostic[] = [];
  for (const mv of moves) {
    if (mv.implied) continue;
    const where = { stack: config.name, address: `moved ${mv.fromText} -> ${mv.toText}`, range: mv.range };
    const { from, to } = mv;
    if (mv.fromText === mv.toText) {
      diags.push(error('Redundant move statement', `This statement declares a move from ${mv.fromText} to the same address, which is the same as not declaring this move at all.`, where));
      continue;
    }
    if ((from.kind === 'module') !== (to.kind === 'module')) {
      diags.push(error('Invalid "moved" addresses', 'The "from" and "to" addresses must either both refer to resources or both refer to modules.', where));
      continue;
    }
    if (from.kind !== 'module' && to.kind !== 'module') {
      if (from.addr.mode !== to.addr.mode) {
        const what = (a: InstanceAddr) => (a.mode === 'data' ? 'a data source' : 'a managed resource');
        diags.push(
          error(
            'Resource type mismatch',
            `This statement declares a move from ${mv.fromText}, which is ${what(from.addr)}, to ${mv.toText}, which is ${what(to.addr)}. A managed resource can move only to a managed resource and a data source only to a data source: the recorded object would otherwise be left behind unmanaged.`,
            where,
          ),
        );
        continue;
      }
      if (from.kind === 'resource') {
        const still = config.resources.get(formatResource(from.addr));
        if (still) diags.push(stillExists(mv, 'resource', 'resource', declaredAt(still.range, config.dir), where));
      }
      continue;
    }
    if (from.kind === 'module') {
      const keyed = from.module.endsWith(']');
      const still = [...(config.modules?.values() ?? [])].find((m) => m.path === from.module || (!keyed && m.path.startsWith(`${from.module}[`)));
      if (still) diags.push(stillExists(mv, keyed ? 'module instance' : 'module call', keyed ? 'instance' : 'call', declaredAt(still.call.range, config.dir), where));
    }
  }
  if (!hasErrors(diags)) diags.push(...ambiguities(config, moves), ...cycles(config, moves));
  return onePerBlock(diags);
}

/** A block of a module called with count or for_each is checked once per instance: report a mistake once, for the first. */
export function onePerBlock(diags: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const r = d.where?.range;
    const key = `${d.summary}\0${r?.file ?? ''}\0${r?.pointer ?? ''}\0${r?.line ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What an endpoint names, as Terraform words it: the noun and its short form. */
function nouns(e: ObjectEndpoint): [string, string] {
  if (e.kind === 'module') return e.module.endsWith(']') ? ['module instance', 'instance'] : ['module call', 'call'];
  return e.kind === 'resource' ? ['resource', 'resource'] : ['resource instance', 'instance'];
}

/** Two blocks moving one source to two places, or two sources to one place: Terraform's "Ambiguous move statements". */
function ambiguities(config: StackConfig, moves: readonly MoveStatement[]): Diagnostic[] {
  const diags: Diagnostic[] = [];
  const explicit = moves.filter((m) => !m.implied);
  const byFrom = new Map<string, MoveStatement>();
  const byTo = new Map<string, MoveStatement>();
  for (const mv of [...explicit].sort((a, b) => order(a.range, b.range))) {
    const where = { stack: config.name, address: `moved ${mv.fromText} -> ${mv.toText}`, range: mv.range };
    const sameFrom = byFrom.get(mv.fromText);
    const sameTo = byTo.get(mv.toText);
    if (sameFrom && sameFrom.toText !== mv.toText) {
      const [noun, short] = nouns(mv.from);
      diags.push(
        error(
          'Ambiguous move statements',
          `A statement at ${declaredAt(sameFrom.range, config.dir)} declared that ${mv.fromText} moved to ${sameFrom.toText}, but this statement instead declares that it moved to ${mv.toText}.\n\nEach ${noun} can move to only one destination ${short}.`,
          where,
        ),
      );
    } else if (sameTo && sameTo.fromText !== mv.fromText) {
      const [noun, short] = nouns(mv.to);
      diags.push(
        error(
          'Ambiguous move statements',
          `A statement at ${declaredAt(sameTo.range, config.dir)} declared that ${sameTo.fromText} moved to ${mv.toText}, but this statement instead declares that ${mv.fromText} moved there.\n\nEach ${noun} can have moved from only one source ${short}.`,
          where,
        ),
      );
    }
    if (!byFrom.has(mv.fromText)) byFrom.set(mv.fromText, mv);
    if (!byTo.has(mv.toText)) byTo.set(mv.toText, mv);
  }
  return diags;
}

/** Source order of two blocks: file, then line (a JSON stack: the block's index in its list). */
function order(a: SourceRange, b: SourceRange): number {
  const at = (r: SourceRange) => r.line ?? Number(/\/(\d+)$/.exec(r.pointer ?? '')?.[1] ?? 0);
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  return fa < fb ? -1 : fa > fb ? 1 : at(a) - at(b);
}

/** Chained moves that come back to where they started have no final address: Terraform's "Cyclic dependency in move statements". */
function cycles(config: StackConfig, moves: readonly MoveStatement[]): Diagnostic[] {
  const explicit = moves.filter((m) => !m.implied);
  const next = explicit.map((m) => explicit.map((_, j) => j).filter((j) => endpointsOverlap(m.to, explicit[j].from)));
  const reaches = (from: number, to: number): boolean => {
    const seen = new Set<number>();
    const todo = [...next[from]];
    while (todo.length) {
      const i = todo.pop()!;
      if (i === to) return true;
      if (seen.has(i)) continue;
      seen.add(i);
      todo.push(...next[i]);
    }
    return false;
  };
  const diags: Diagnostic[] = [];
  const reported = new Set<number>();
  explicit.forEach((_, i) => {
    if (reported.has(i) || !reaches(i, i)) return;
    // the strongly connected part holding i: the statements it reaches that reach it back
    const members = explicit.map((_, j) => j).filter((j) => j === i || (reaches(i, j) && reaches(j, i)));
    for (const j of members) reported.add(j);
    const star = (e: ObjectEndpoint, text: string) => (e.kind === 'resource' ? `${text}[*]` : text);
    const lines = members.map((j) => `  - ${declaredAt(explicit[j].range, config.dir)}: ${star(explicit[j].from, explicit[j].fromText)} → ${star(explicit[j].to, explicit[j].toText)}`);
    diags.push(
      error(
        'Cyclic dependency in move statements',
        `The following chained move statements form a cycle, and so there is no final location to move objects to:\n${lines.join('\n')}\n\nA chain of move statements must end with an address that doesn't appear in any other statements, and which typically also refers to an object still declared in the configuration.`,
        { stack: config.name, range: explicit[i].range },
      ),
    );
  });
  return diags;
}

/** Terraform's "Moved object still exists": the source of the move is still in the configuration. */
export function stillExists(mv: MoveStatement, noun: string, shortNoun: string, at: string, where: Diagnostic['where']): Diagnostic {
  return error(
    'Moved object still exists',
    `This statement declares a move from ${mv.fromText}, but that ${noun} is still declared at ${at}.\n\nChange your configuration so that this ${shortNoun} will be declared as ${mv.toText} instead.`,
    where,
  );
}
