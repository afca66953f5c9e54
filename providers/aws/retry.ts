// Retries for AWS eventual consistency (e.g. a role not yet visible right after CreateRole),
// on top of the SDK's own throttling/transient retry. Always bounded in time.

import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  /** total time budget */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly firstDelayMs?: number;
}

/** Calls fn until it succeeds or shouldRetry says no or the budget is spent (then the last error is thrown). */
export async function retryWhile<T>(fn: () => Promise<T>, shouldRetry: (e: unknown) => boolean, opts: RetryOptions = {}): Promise<T> {
  const budget = opts.timeoutMs ?? 60_000;
  let delay = opts.firstDelayMs ?? 200;
  let spent = 0;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (!shouldRetry(e) || spent + delay > budget || opts.signal?.aborted) throw e;
    }
    await sleep(delay, undefined, opts.signal ? { signal: opts.signal } : undefined);
    spent += delay;
    delay = Math.min(delay * 2, 5_000);
  }
}

/** Polls until `done` returns a value (not undefined) or the budget is spent. */
export async function waitFor<T>(what: string, poll: () => Promise<T | undefined>, opts: RetryOptions = {}): Promise<T> {
  const budget = opts.timeoutMs ?? 300_000;
  let delay = opts.firstDelayMs ?? 100;
  let spent = 0;
  for (;;) {
    const v = await poll();
    if (v !== undefined) return v;
    if (spent + delay > budget || opts.signal?.aborted) throw new Error(`timed out waiting for ${what}`);
    await sleep(delay, undefined, opts.signal ? { signal: opts.signal } : undefined);
    spent += delay;
    delay = Math.min(delay * 2, 5_000);
  }
}
