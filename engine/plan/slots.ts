// A counting semaphore: at most `size` tasks hold a slot at once, waiters served first come
// first served. The planner shares one between resources walked side by side and the instances
// of each, so --parallelism bounds the provider calls in flight overall, not per level.

export class Slots {
  #free: number;
  // a queue read from #head: Array#shift moves every element, and a plan of many instances
  // queues thousands of waiters at once (one per instance of a counted resource)
  #waiting: (() => void)[] = [];
  #head = 0;

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
      const next = this.#head < this.#waiting.length ? this.#waiting[this.#head++] : undefined;
      // drop the served part once it is most of the array (amortized O(1), memory stays bounded)
      if (this.#head > 64 && this.#head * 2 > this.#waiting.length) {
        this.#waiting = this.#waiting.slice(this.#head);
        this.#head = 0;
      }
      if (next) next();
      else this.#free++;
    }
  }
}
