// Orders stacks so that every stack comes after the stacks it depends on, and picks stacks by
// name keeping that order. Ties keep the manifest's order so output is stable.

import { SynthError } from './synth-error.ts';

export interface Ordered {
  name: string;
  dependencies: string[];
}

/** Dependencies first; a cycle is an error naming the stacks in it. */
export function orderByDependencies<T extends Ordered>(stacks: readonly T[]): T[] {
  const byName = new Map(stacks.map((s) => [s.name, s]));
  const state = new Map<string, 'visiting' | 'done'>();
  const out: T[] = [];
  const visit = (s: T, trail: string[]) => {
    const st = state.get(s.name);
    if (st === 'done') return;
    if (st === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(s.name)), s.name];
      throw new SynthError(`stack dependency cycle: ${cycle.join(' -> ')}`);
    }
    state.set(s.name, 'visiting');
    for (const d of s.dependencies) {
      const dep = byName.get(d);
      if (!dep) throw new SynthError(`stack "${s.name}" depends on unknown stack "${d}"`);
      visit(dep, [...trail, s.name]);
    }
    state.set(s.name, 'done');
    out.push(s);
  };
  for (const s of stacks) visit(s, []);
  return out;
}

/**
 * The named stacks in dependency order. An empty list selects every stack. Only the named
 * stacks are returned: their dependencies are not pulled in (they read the dependency's
 * recorded outputs, they do not re-plan it).
 */
export function selectOrdered<T extends { name: string }>(ordered: readonly T[], names: readonly string[]): T[] {
  if (names.length === 0) return [...ordered];
  const known = new Set(ordered.map((s) => s.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) {
    const list = ordered.map((s) => s.name).join(', ') || '(none)';
    throw new SynthError(`unknown stack${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}; available stacks: ${list}`);
  }
  const wanted = new Set(names);
  return ordered.filter((s) => wanted.has(s.name));
}
