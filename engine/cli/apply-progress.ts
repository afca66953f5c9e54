// Terraform's progress lines while applying: `aws_x.y: Creating...`, `Still creating...
// [10s elapsed]` every 10 s while an operation runs, `Creation complete after 2s [id=...]`;
// the same for modify, destroy and read. Plain lines, so they read the same on a terminal
// and in a CI log.

import type { ApplyEvent } from '../apply/apply.ts';

interface Verb {
  readonly ing: string;
  readonly still: string;
  readonly done: string;
}

const VERBS: Record<'create' | 'update' | 'destroy' | 'read', Verb> = {
  create: { ing: 'Creating...', still: 'Still creating...', done: 'Creation complete' },
  update: { ing: 'Modifying...', still: 'Still modifying...', done: 'Modifications complete' },
  destroy: { ing: 'Destroying...', still: 'Still destroying...', done: 'Destruction complete' },
  read: { ing: 'Reading...', still: 'Still reading...', done: 'Read complete' },
};

/** The verb of an apply event's action; the create half of a replacement is a create, as in Terraform. */
function verbOf(action: string): Verb {
  if (action === 'update') return VERBS.update;
  if (action === 'destroy' || action === 'delete') return VERBS.destroy;
  if (action === 'read') return VERBS.read;
  return VERBS.create;
}

export interface ProgressClock {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now(): number;
}

const realClock: ProgressClock = {
  setInterval: (fn, ms) => {
    const h = setInterval(fn, ms);
    h.unref();
    return h;
  },
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
  now: () => Date.now(),
};

export interface ApplyProgress {
  readonly onEvent: (e: ApplyEvent) => void;
  /** stops every "Still ..." timer (the apply ended) */
  readonly stop: () => void;
}

/** Prints progress lines for apply events; `ids` gives the prior id of an object being modified or destroyed. */
export function applyProgress(write: (line: string) => void, ids: (address: string) => string | undefined, opts: { clock?: ProgressClock; intervalMs?: number } = {}): ApplyProgress {
  const clock = opts.clock ?? realClock;
  const every = opts.intervalMs ?? 10_000;
  const running = new Map<string, { handle: unknown; started: number }>();
  const key = (e: ApplyEvent) => `${e.address} ${e.action === 'destroy' ? 'destroy' : 'other'}`;
  const stopOne = (k: string) => {
    const r = running.get(k);
    if (r) clock.clearInterval(r.handle);
    running.delete(k);
  };
  return {
    onEvent: (e) => {
      const verb = verbOf(e.action);
      const k = key(e);
      if (e.kind === 'start') {
        const prior = verb === VERBS.create || verb === VERBS.read ? undefined : ids(e.address);
        write(`${e.address}: ${verb.ing}${prior ? ` [id=${prior}]` : ''}`);
        const started = clock.now();
        const handle = clock.setInterval(() => {
          write(`${e.address}: ${verb.still} [${Math.floor((clock.now() - started) / 1000)}s elapsed]`);
        }, every);
        running.set(k, { handle, started });
      } else if (e.kind === 'done') {
        stopOne(k);
        write(`${e.address}: ${verb.done} after ${Math.floor(e.ms / 1000)}s${e.id ? ` [id=${e.id}]` : ''}`);
      } else {
        stopOne(k);
        write(`${e.address}: ${verb.ing.replace('...', '')} failed`);
      }
    },
    stop: () => {
      for (const k of [...running.keys()]) stopOne(k);
    },
  };
}
