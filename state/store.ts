// The state store interface. The engine only ever talks to this; concrete stores live in
// state/local-dir-store.ts and state/s3-store.ts.

import type { StateVersion, VersionInfo } from './model.ts';
import type { JournalEntry } from './journal.ts';
import type { ChainEntry } from './chain.ts';

export interface LockInfo {
  readonly id: string;
  /** what is being done, e.g. "apply" */
  readonly operation: string;
  readonly who: string;
  readonly host: string;
  readonly pid: number;
  readonly created: string;
  readonly expires: string;
}

export interface LockOptions {
  readonly operation: string;
  /** how long the lock is valid without renewal (ms); default 15 minutes */
  readonly ttlMs?: number;
  /** how long to wait for a held lock before failing with LockHeldError (ms); default 0 */
  readonly waitMs?: number;
  readonly signal?: AbortSignal;
}

export interface Lock {
  readonly info: LockInfo;
  /** set when this lock replaced an expired lock or one whose holder is provably gone; callers must warn */
  readonly tookOver?: LockInfo;
  /** extends the expiry; long applies call this periodically */
  renew(): Promise<void>;
  release(): Promise<void>;
}

export interface PutOptions {
  /** the serial the caller read; a different current serial fails with StateConflictError */
  readonly expectedSerial: number | null;
}

/** Append-only record of in-flight and finished provider operations of one apply. */
export interface Journal {
  /** durably appends an entry; resolves only once it is on disk / stored */
  append(entry: JournalEntry): Promise<void>;
  close(): Promise<void>;
}

/** The version history: write-once versions and the config snapshots they were applied from. */
export interface VersionStore {
  /** human description for messages, e.g. `local directory /x/.ballast/app` or `s3://bucket/key` */
  readonly description: string;
  /**
   * current, get and list check the whole digest chain of the history first (state/chain.ts)
   * and fail with BrokenChainError naming the broken link: no version is handed out that a
   * later version does not vouch for.
   */
  current(): Promise<StateVersion | null>;
  get(serial: number): Promise<StateVersion | null>;
  list(): Promise<VersionInfo[]>;
  /** reads every version and checks the digest chain; the verified chain, oldest first */
  verify(): Promise<ChainEntry[]>;
  /** writes version `next` (serial = expectedSerial + 1) and only then moves the current pointer */
  put(next: StateVersion, opts: PutOptions): Promise<VersionInfo>;

  /** content-addressed synthesized config snapshots; put returns the digest */
  putConfig(bytes: Buffer): Promise<string>;
  getConfig(digest: string): Promise<Buffer | null>;
}

/** The one lock that serializes writers. */
export interface LockStore {
  lock(opts: LockOptions): Promise<Lock>;
  /** the lock currently held, if any (stale or not) */
  currentLock(): Promise<LockInfo | null>;
  /** removes a lock regardless of owner: `ballast state unlock --force` */
  forceUnlock(id: string): Promise<void>;
}

/** Journals of applies in progress: what a crash must not lose. */
export interface JournalStore {
  /** opens the journal of a new apply */
  openJournal(applyId: string): Promise<Journal>;
  /** entries of journals left behind by applies that never recorded a version */
  pendingJournals(): Promise<{ applyId: string; entries: JournalEntry[] }[]>;
  /** removes a journal once its effects are recorded in a state version */
  discardJournal(applyId: string): Promise<void>;
}

/**
 * Small mutable documents kept next to the state, outside its history (the agent's pin and
 * suspend switches, so the CLI and the agent agree). `name` is [a-z0-9-]+; null deletes.
 */
export interface ControlStore {
  getControl(name: string): Promise<Buffer | null>;
  putControl(name: string, bytes: Buffer | null): Promise<void>;
}

/** Everything a stack's state needs, composed; a store may lack control documents. */
export interface StateStore extends VersionStore, LockStore, JournalStore, Partial<ControlStore> {
  close?(): Promise<void>;
}

const CONTROL_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Control document names become file names and object keys: keep them plain. */
export function checkControlName(name: string): string {
  if (!CONTROL_NAME.test(name)) throw new Error(`internal error: control document name "${name}" must match ${CONTROL_NAME}`);
  return name;
}
