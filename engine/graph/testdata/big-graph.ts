// A large graph for tests: each node depends on up to three earlier nodes (pseudo-random,
// deterministic, so failures reproduce).

import { Dag } from '../dag.ts';

export function bigGraph(n: number): Dag {
  const d = new Dag();
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < n; i++) {
    d.addNode(`n${i}`);
    if (i === 0) continue;
    for (let k = 0; k < 3; k++) d.addEdge(`n${i}`, `n${Math.floor(rand() * i)}`);
  }
  return d;
}
