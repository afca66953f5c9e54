// Walks a Dag with bounded parallelism: a node is visited only after everything it waits
// for has completed. Used by refresh, plan and apply (forward) and by destroy (reverse).

import type { Dag } from './dag.ts';

export interface WalkOptions {
  /** most visits in flight at once (>= 1) */
  parallelism: number;
  visit: (id: string, signal: AbortSignal) => Promise<void>;
  /** aborting stops new visits; in-flight ones see the abort on their signal and are awaited */
  signal?: AbortSignal;
  /** visit a node only after all its dependents completed (destroy order) */
  reverse?: boolean;
}

export interface WalkResult {
  /** in completion order */
  completed: string[];
  /** node -> the error its visit threw, in failure order */
  failed: Map<string, unknown>;
  /** node -> id of the failed node that caused the skip */
  skipped: Map<string, string>;
  /** nodes never started because the walk was aborted, in insertion order */
  cancelled: string[];
}

const WAITING = 0,
  RUNNING = 1,
  DONE = 2,
  FAILED = 3,
  SKIPPED = 4;

/**
 * Visits every node once, in dependency order, at most `parallelism` at a time. Ready nodes
 * start in insertion order, so a walk with parallelism 1 is fully deterministic.
 * A failure skips everything waiting on the failed node (transitively); independent branches
 * go on. Throws CycleError before any visit when the graph has a cycle.
 */
export async function walk(dag: Dag, opts: WalkOptions): Promise<WalkResult> {
  const { parallelism, visit } = opts;
  if (!(parallelism >= 1)) throw new RangeError(`parallelism must be at least 1, got ${parallelism}`);
  dag.topologicalIndices(); // throws CycleError before anything runs
  const { ids, deps, dependents } = dag.indexed();
  const waitsOn = opts.reverse ? dependents : deps;
  const unblocks = opts.reverse ? deps : dependents;
  const n = ids.length;

  const state = new Uint8Array(n);
  const pending = new Int32Array(n);
  const ready = new MinHeap();
  for (let i = 0; i < n; i++) {
    pending[i] = waitsOn[i].length;
    if (pending[i] === 0) ready.push(i);
  }

  const result: WalkResult = { completed: [], failed: new Map(), skipped: new Map(), cancelled: [] };
  const controller = new AbortController();
  const outer = opts.signal;
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });

  let inFlight = 0;
  await new Promise<void>((resolve) => {
    const pump = () => {
      while (!controller.signal.aborted && inFlight < parallelism && ready.size > 0) start(ready.pop());
      if (inFlight === 0) resolve();
    };
    const start = (i: number) => {
      state[i] = RUNNING;
      inFlight++;
      let p: Promise<void>;
      try {
        p = Promise.resolve(visit(ids[i], controller.signal));
      } catch (e) {
        p = Promise.reject(e);
      }
      p.then(
        () => finish(i),
        (e: unknown) => fail(i, e),
      );
    };
    const finish = (i: number) => {
      state[i] = DONE;
      inFlight--;
      result.completed.push(ids[i]);
      for (const d of unblocks[i]) if (--pending[d] === 0 && state[d] === WAITING) ready.push(d);
      pump();
    };
    const fail = (i: number, e: unknown) => {
      state[i] = FAILED;
      inFlight--;
      result.failed.set(ids[i], e);
      skipFrom(i);
      pump();
    };
    // Nothing downstream of a failed node can be running or done (it still waits on it).
    const skipFrom = (root: number) => {
      const stack = [root];
      while (stack.length) {
        for (const d of unblocks[stack.pop()!]) {
          if (state[d] !== WAITING) continue;
          state[d] = SKIPPED;
          result.skipped.set(ids[d], ids[root]);
          stack.push(d);
        }
      }
    };
    pump();
  });
  outer?.removeEventListener('abort', onAbort);

  for (let i = 0; i < n; i++) if (state[i] === WAITING) result.cancelled.push(ids[i]);
  return result;
}

/** Binary min-heap of node indices: the lowest (earliest inserted) ready node starts first. */
class MinHeap {
  readonly #a: number[] = [];
  get size(): number {
    return this.#a.length;
  }
  push(x: number): void {
    const a = this.#a;
    let i = a.push(x) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent] <= x) break;
      a[i] = a[parent];
      i = parent;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.#a;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && a[r] < a[l] ? r : l;
        if (a[c] >= last) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
