// A counting semaphore: at most `size` tasks hold a slot at once, waiters served first come
// first served. The planner shares one between resources walked side by side and the instances
// of each, so --parallelism bounds the provider calls in flight overall, not per level.

export class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    if (!(size >= 1)) throw new RangeError(`a slot count must be at least 1, got ${size}`);
    this.#free = size;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await fn();
    } finally {
      // hand the slot straight to the next waiter, or give it back
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    }
  }
}
