// A directed acyclic graph of string ids. Internally nodes are integer indices with
// adjacency arrays so graphs of tens of thousands of nodes build, sort and walk in
// milliseconds; the API speaks string ids. An edge `from -> to` means `from` depends on
// `to`: `to` must finish first.

import { CycleError, findCycleIndices } from './cycle.ts';

export { CycleError } from './cycle.ts';

// Below this many dependencies a linear scan finds a repeated edge faster than a Set.
const SCAN_LIMIT = 16;

export class Dag {
  readonly #ids: string[] = [];
  readonly #index = new Map<string, number>();
  /** #deps[i]: indices node i depends on, in insertion order */
  readonly #deps: number[][] = [];
  /** #dependents[i]: indices that depend on node i, in insertion order */
  readonly #dependents: number[][] = [];
  /** per-node dependency sets, made only for nodes with many dependencies */
  readonly #depSets: (Set<number> | undefined)[] = [];

  get size(): number {
    return this.#ids.length;
  }

  addNode(id: string): void {
    this.#indexOf(id, true);
  }

  hasNode(id: string): boolean {
    return this.#index.has(id);
  }

  /** `from` depends on `to`. Missing nodes are added; a repeated edge is ignored. */
  addEdge(from: string, to: string): void {
    const f = this.#indexOf(from, true);
    const t = this.#indexOf(to, true);
    const deps = this.#deps[f];
    if (deps.length < SCAN_LIMIT) {
      if (deps.includes(t)) return;
    } else {
      const set = (this.#depSets[f] ??= new Set(deps));
      if (set.has(t)) return;
      set.add(t);
    }
    deps.push(t);
    this.#dependents[t].push(f);
  }

  /** Direct dependencies of `id`. */
  dependencies(id: string): string[] {
    return this.#deps[this.#indexOf(id)].map((i) => this.#ids[i]);
  }

  /** Nodes that directly depend on `id`. */
  dependents(id: string): string[] {
    return this.#dependents[this.#indexOf(id)].map((i) => this.#ids[i]);
  }

  /** All ids in insertion order. */
  nodes(): string[] {
    return this.#ids.slice();
  }

  /** One cycle (ids in dependency order, first not repeated at the end), or null. */
  findCycle(): string[] | null {
    const c = findCycleIndices(this.#deps);
    return c ? c.map((i) => this.#ids[i]) : null;
  }

  /** Every id, dependencies before dependents; ties keep insertion order. Throws CycleError. */
  topologicalOrder(): string[] {
    return this.topologicalIndices().map((i) => this.#ids[i]);
  }

  /** Ids plus everything they depend on, transitively (the closure `--target` needs). */
  ancestorsOf(ids: Iterable<string>): Set<string> {
    return this.#closure(ids, this.#deps);
  }

  /** Ids plus everything that depends on them, transitively. */
  descendantsOf(ids: Iterable<string>): Set<string> {
    return this.#closure(ids, this.#dependents);
  }

  /** A copy with every edge turned around (same nodes, same insertion order). */
  reversed(): Dag {
    const r = new Dag();
    for (const id of this.#ids) r.addNode(id);
    for (let f = 0; f < this.#deps.length; f++) for (const t of this.#deps[f]) r.addEdge(this.#ids[t], this.#ids[f]);
    return r;
  }

  /**
   * The integer view for algorithms in this folder (walk). Treat as read-only; the arrays
   * are the live ones, not copies, so large walks do not pay for a copy.
   */
  indexed(): { readonly ids: readonly string[]; readonly deps: readonly (readonly number[])[]; readonly dependents: readonly (readonly number[])[] } {
    return { ids: this.#ids, deps: this.#deps, dependents: this.#dependents };
  }

  /** Kahn's algorithm over indices; throws CycleError naming one cycle. */
  topologicalIndices(): number[] {
    const n = this.#ids.length;
    const pending = new Int32Array(n);
    const order: number[] = [];
    for (let i = 0; i < n; i++) {
      pending[i] = this.#deps[i].length;
      if (pending[i] === 0) order.push(i);
    }
    for (let head = 0; head < order.length; head++) {
      for (const d of this.#dependents[order[head]]) if (--pending[d] === 0) order.push(d);
    }
    if (order.length < n) throw this.#cycleError();
    return order;
  }

  #cycleError(): CycleError {
    const c = findCycleIndices(this.#deps);
    // Kahn's algorithm left nodes over, so a cycle exists; the DFS must find it.
    if (!c) throw new Error('internal error: graph has unsorted nodes but no cycle');
    return new CycleError(c.map((i) => this.#ids[i]));
  }

  #closure(ids: Iterable<string>, edges: number[][]): Set<string> {
    const seen = new Uint8Array(this.#ids.length);
    const stack: number[] = [];
    for (const id of ids) {
      const i = this.#indexOf(id);
      if (!seen[i]) {
        seen[i] = 1;
        stack.push(i);
      }
    }
    while (stack.length) {
      const v = stack.pop()!;
      for (const w of edges[v])
        if (!seen[w]) {
          seen[w] = 1;
          stack.push(w);
        }
    }
    // insertion order, so callers that iterate the set get a stable order
    const out = new Set<string>();
    for (let i = 0; i < seen.length; i++) if (seen[i]) out.add(this.#ids[i]);
    return out;
  }

  #indexOf(id: string, create = false): number {
    let i = this.#index.get(id);
    if (i !== undefined) return i;
    if (!create) throw new Error(`graph has no node "${id}"`);
    i = this.#ids.length;
    this.#ids.push(id);
    this.#index.set(id, i);
    this.#deps.push([]);
    this.#dependents.push([]);
    return i;
  }
}
