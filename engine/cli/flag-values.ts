// Numeric and duration command-line values, checked where yargs reads them (coerce), so a
// bad value stops the command with a message naming the flag before anything runs. yargs'
// own `type: 'number'` turns "abc" into NaN and lets the command go on with it.

import { parseDuration } from '../agent/duration.ts';

/** A bad flag value: printed as a usage error (exit 1), never as an internal error. */
export class FlagValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlagValueError';
  }
}

const WHOLE = /^\+?\d+$/;

/** Coerce function for a whole-number flag in [min, max]. */
export function wholeNumber(flag: string, opts: { min: number; max?: number }): (raw: unknown) => number | undefined {
  return (raw) => {
    if (raw === undefined) return undefined;
    // repeated flags arrive as an array; the last one wins, as with every other flag
    const v = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
    const n = WHOLE.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n) || n < opts.min || (opts.max !== undefined && n > opts.max)) {
      const range = opts.max !== undefined ? `from ${opts.min} to ${opts.max}` : `of at least ${opts.min}`;
      throw new FlagValueError(`${flag}: ${JSON.stringify(typeof v === 'string' ? v : String(v))} is not a valid value; expected a whole number ${range}`);
    }
    return n;
  };
}

/** Coerce function for a duration flag (30s, 10m, 1h30m, 0s); the result is milliseconds. */
export function durationFlag(flag: string): (raw: unknown) => number | undefined {
  return (raw) => {
    if (raw === undefined) return undefined;
    const v = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    const ms = typeof v === 'string' ? parseDuration(v) : null;
    if (ms === null) throw new FlagValueError(`${flag}: ${JSON.stringify(String(v))} is not a duration; use a number with a unit, e.g. 0s, 30s, 10m or 1h`);
    return ms;
  };
}

/** Largest serial a state version flag accepts: far above any real history, and exact in JS. */
export const MAX_SERIAL = 2 ** 31 - 1;
export const PARALLELISM_MAX = 1024;

/** Like durationFlag, but keeps the text (for settings that are merged with a config file and parsed there). */
export function durationText(flag: string): (raw: unknown) => string | undefined {
  const check = durationFlag(flag);
  return (raw) => {
    if (raw === undefined) return undefined;
    check(raw);
    const v = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    return String(v);
  };
}
