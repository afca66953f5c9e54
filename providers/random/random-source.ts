// Where random choices come from: the OS's cryptographic generator, or, when a resource has
// a `seed`, a deterministic stream derived from it (same seed, same result, every time).

import { createHash, randomInt } from 'node:crypto';

/** Returns a whole number in [0, n); n is at most 2^48. */
export type RandomSource = (n: number) => number;

export const cryptoSource: RandomSource = (n) => randomInt(n);

const SPAN = 2 ** 48;

export function seededSource(seed: string): RandomSource {
  let counter = 0;
  const next48 = (): number => createHash('sha256').update(`${seed}\u0000${counter++}`).digest().readUIntBE(0, 6);
  return (n) => {
    // Rejection sampling keeps every outcome equally likely.
    const limit = SPAN - (SPAN % n);
    for (;;) {
      const x = next48();
      if (x < limit) return x % n;
    }
  };
}

export const sourceFor = (seed: unknown): RandomSource => (typeof seed === 'string' && seed !== '' ? seededSource(seed) : cryptoSource);

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
