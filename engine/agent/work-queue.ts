// Bounded concurrency across stacks (`--stack-concurrency`): a FIFO of waiting jobs, so a stack
// that takes long holds one slot and the others keep moving in the order they asked.

export class WorkQueue {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** jobs waiting for a slot */
  get queued(): number {
    return this.waiting.length;
  }

  get running(): number {
    return this.active;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next)
        next(); // the slot passes straight to the next job
      else this.active--;
    }
  }
}
