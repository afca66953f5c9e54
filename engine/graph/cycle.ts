// Cycle detection over integer adjacency lists. Kept apart from the Dag so walk and
// topological sort share one algorithm and one error.

/** A dependency cycle; `cycle` lists ids in dependency order (each depends on the next, the last on the first). */
export class CycleError extends Error {
  constructor(readonly cycle: string[]) {
    super(`Cycle: ${[...cycle, cycle[0]].join(' -> ')}`);
    this.name = 'CycleError';
  }
}

/**
 * Finds one cycle with an iterative depth-first search (no recursion, so deep chains of
 * 100k nodes cannot overflow the stack). Returns node indices in dependency order, or null.
 * Deterministic: roots and edges are tried in insertion order.
 */
export function findCycleIndices(edges: readonly (readonly number[])[]): number[] | null {
  const n = edges.length;
  // 0 = unseen, 1 = on the current path, 2 = finished
  const state = new Uint8Array(n);
  const pathPos = new Int32Array(n);
  const pathNode = new Int32Array(n);
  const pathEdge = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    let depth = 0;
    pathNode[0] = root;
    pathEdge[0] = 0;
    pathPos[root] = 0;
    state[root] = 1;
    while (depth >= 0) {
      const v = pathNode[depth];
      const out = edges[v];
      if (pathEdge[depth] < out.length) {
        const w = out[pathEdge[depth]++];
        if (state[w] === 1) return Array.from(pathNode.subarray(pathPos[w], depth + 1));
        if (state[w] === 0) {
          state[w] = 1;
          depth++;
          pathNode[depth] = w;
          pathEdge[depth] = 0;
          pathPos[w] = depth;
        }
      } else {
        state[v] = 2;
        depth--;
      }
    }
  }
  return null;
}
