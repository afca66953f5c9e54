// A state store in a local directory:
//
//   versions/00000001.json   one file per version, write-once (the commit point of a put)
//   current.json             {serial, digest} pointer, moved after the version is durable
//   index.jsonl              VersionInfo lines appended on put: a cache for list(), rebuilt
//                            from versions/ when missing or behind
//   configs/<hex>.json       content-addressed config snapshots, write-once
//   lock.json                the lock (see lock-file.ts)
//   journal/<applyId>.jsonl  apply journals (see file-journal.ts)
//
// The version file is the truth and the pointer only a shortcut: a put that is killed after
// linking versions/N.json but before moving the pointer has still committed N (N was checked
// against N-1 and can never be written again), so current() walks forward from the pointer
// to the newest version file. Treating N as uncommitted instead would leave a serial that no
// later put could ever take.

import { appendFile, mkdir, readdir, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { StateConflictError } from '../engine/errors.ts';
import { createFileOnce, exists, readFileOrNull, removeStaleTemps, writeFileAtomic } from './atomic-file.ts';
import { configDigest, digestHex } from './config-digest.ts';
import { FileJournal, readJournalFile } from './file-journal.ts';
import { acquireFileLock, forceUnlockFile, readFileLock } from './lock-file.ts';
import { CorruptStateError } from '../engine/errors.ts';
import { parseState, serializeState, versionDigest, versionInfo } from './serialize.ts';
import { BrokenChainError, chainEntry, checkChain, type ChainEntry } from './chain.ts';
import type { StateVersion, VersionInfo } from './model.ts';
import { checkControlName, type Journal, type Lock, type LockInfo, type LockOptions, type PutOptions, type StateStore } from './store.ts';
import type { JournalEntry } from './journal.ts';

const VERSION_FILE = /^(\d{8,})\.json$/;
const JOURNAL_FILE = /^(.+)\.jsonl$/;
const APPLY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** temporary files older than this were left by a killed writer */
const STALE_TEMP_MS = 60 * 60 * 1000;

export interface LocalDirStoreOptions {
  /** the stack this directory holds; put() refuses versions of another stack */
  readonly stack?: string;
}

interface Loaded {
  readonly version: StateVersion;
  readonly digest: string;
}

export class LocalDirStore implements StateStore {
  readonly description: string;
  private readonly dir: string;
  private readonly stack?: string;
  private ready: Promise<void> | null = null;
  /** chain facts per serial, with the file stamp they were read at (see verify) */
  private readonly chainCache = new Map<number, { stamp: string; entry: ChainEntry }>();

  constructor(dir: string, opts: LocalDirStoreOptions = {}) {
    this.dir = resolve(dir);
    this.stack = opts.stack;
    this.description = `local directory ${this.dir}`;
  }

  private get versionsDir() {
    return join(this.dir, 'versions');
  }
  private get configsDir() {
    return join(this.dir, 'configs');
  }
  private get journalDir() {
    return join(this.dir, 'journal');
  }
  private get pointerPath() {
    return join(this.dir, 'current.json');
  }
  private get indexPath() {
    return join(this.dir, 'index.jsonl');
  }
  private get lockPath() {
    return join(this.dir, 'lock.json');
  }

  versionPath(serial: number): string {
    return join(this.versionsDir, `${String(serial).padStart(8, '0')}.json`);
  }

  /** Creates the layout on first write; readers of a missing directory simply see nothing. */
  private ensureDirs(): Promise<void> {
    this.ready ??= (async () => {
      for (const d of [this.versionsDir, this.configsDir, this.journalDir]) await mkdir(d, { recursive: true });
      await this.sweep();
    })();
    return this.ready;
  }

  async current(): Promise<StateVersion | null> {
    const cur = await this.loadCurrent();
    if (!cur) return null;
    this.vouchedFor(await this.verify(), cur);
    return cur.version;
  }

  async get(serial: number): Promise<StateVersion | null> {
    if (!Number.isInteger(serial) || serial < 1) return null;
    const chain = await this.verify();
    if (serial > chain.length) return null;
    const loaded = await this.load(serial);
    if (!loaded) return null;
    this.vouchedFor(chain, loaded);
    return loaded.version;
  }

  /** The version read is the one the chain check saw (not changed in between). */
  private vouchedFor(chain: readonly ChainEntry[], loaded: Loaded): void {
    const entry = chain[loaded.version.serial - 1];
    if (entry && entry.digest !== loaded.digest) {
      throw new BrokenChainError(this.description, loaded.version.serial, `version ${loaded.version.serial} changed while it was being read (digest ${entry.digest}, now ${loaded.digest})`);
    }
  }

  async verify(): Promise<ChainEntry[]> {
    const entries: ChainEntry[] = [];
    for (const s of await this.versionSerials()) {
      const path = this.versionPath(s);
      let st;
      try {
        st = await stat(path, { bigint: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // vanished between readdir and stat: a gap, reported below
        throw e;
      }
      // ctime moves on every write and cannot be set back, so an unchanged stamp means unchanged bytes
      const stamp = `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}`;
      const cached = this.chainCache.get(s);
      if (cached?.stamp === stamp) {
        entries.push(cached.entry);
        continue;
      }
      const loaded = await this.load(s);
      if (!loaded) continue;
      const entry = chainEntry(loaded.version, loaded.digest, `file ${path}`);
      this.chainCache.set(s, { stamp, entry });
      entries.push(entry);
    }
    return checkChain(entries, `${this.description}`);
  }

  async list(): Promise<VersionInfo[]> {
    const index = await this.readIndex();
    const out = (await this.verify()).map((e) => e.info);
    const missing = out.filter((i) => index.get(i.serial)?.digest !== i.digest).length;
    // Rewrite the cache whole when it fell behind (e.g. a put killed before its index append).
    if (missing > 0) {
      try {
        await writeFileAtomic(this.indexPath, out.map((i) => JSON.stringify(i) + '\n').join(''));
      } catch (e) {
        // a read-only copy of a store still lists; the cache just stays behind
        if (!['EACCES', 'EPERM', 'EROFS'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
      }
    }
    return out;
  }

  async put(next: StateVersion, opts: PutOptions): Promise<VersionInfo> {
    await this.ensureDirs();
    const cur = await this.loadCurrent();
    const found = cur?.version.serial ?? null;
    if (found !== opts.expectedSerial) {
      throw new StateConflictError(`state changed since it was read: expected serial ${opts.expectedSerial ?? 'none (empty state)'}, found ${found ?? 'none (empty state)'} [${this.description}]`);
    }
    const wantSerial = (found ?? 0) + 1;
    if (next.serial !== wantSerial) {
      throw new Error(`internal error: new state version has serial ${next.serial}, but the version after ${found ?? 'empty state'} must be ${wantSerial}`);
    }
    if (next.parentDigest !== (cur?.digest ?? null)) {
      throw new Error(`internal error: new state version ${next.serial} names parent digest ${next.parentDigest ?? 'null'}, but version ${found} has digest ${cur?.digest}`);
    }
    if (cur && cur.version.lineage !== next.lineage) {
      throw new Error(`internal error: new state version has lineage ${next.lineage}, but ${this.description} holds lineage ${cur.version.lineage}`);
    }
    if (this.stack !== undefined && next.stack !== this.stack) {
      throw new Error(`internal error: a version of stack "${next.stack}" cannot be stored in the state of stack "${this.stack}" (${this.description})`);
    }
    const bytes = serializeState(next);
    const digest = versionDigest(parseState(bytes, `new state version ${next.serial}`)); // never commit what could not be read back

    // The commit point: create-if-absent. Losing this race means another writer committed first.
    if (!(await createFileOnce(this.versionPath(next.serial), bytes))) {
      throw new StateConflictError(
        `state changed since it was read: expected serial ${opts.expectedSerial ?? 'none (empty state)'}, but another writer stored serial ${next.serial} first [${this.description}]`,
      );
    }
    const info = versionInfo(next, digest);
    await this.movePointer(next.serial, digest);
    await appendFile(this.indexPath, JSON.stringify(info) + '\n');
    return info;
  }

  /** Moves the pointer forward only; a slower writer of an older serial must not move it back. */
  private async movePointer(serial: number, digest: string): Promise<void> {
    const pointer = await this.readPointer();
    if (pointer && pointer.serial >= serial) return;
    await writeFileAtomic(this.pointerPath, JSON.stringify({ serial, digest }) + '\n');
  }

  async lock(opts: LockOptions): Promise<Lock> {
    // a command refused later (bad input found after the lock was taken) must leave no trace:
    // directories this lock created are removed again on release when nothing was stored in them
    const created: string[] = [];
    for (let d = this.dir; !(await exists(d)); d = dirname(d)) {
      created.push(d);
      if (dirname(d) === d) break;
    }
    await this.ensureDirs();
    const lock = await acquireFileLock(this.lockPath, opts, this.description);
    if (created.length === 0) return lock;
    return {
      info: lock.info,
      tookOver: lock.tookOver,
      renew: () => lock.renew(),
      release: async () => {
        await lock.release();
        for (const d of created) if (!(await removeEmptyTree(d))) break;
        this.ready = null;
      },
    };
  }

  currentLock(): Promise<LockInfo | null> {
    return readFileLock(this.lockPath);
  }

  forceUnlock(id: string): Promise<void> {
    return forceUnlockFile(this.lockPath, id, this.description);
  }

  async putConfig(bytes: Buffer): Promise<string> {
    await this.ensureDirs();
    const digest = configDigest(bytes);
    await createFileOnce(this.configPath(digest), bytes); // false = already stored: same name, same bytes
    return digest;
  }

  async getConfig(digest: string): Promise<Buffer | null> {
    const path = this.configPath(digest);
    const bytes = await readFileOrNull(path);
    if (bytes !== null && configDigest(bytes) !== digest) {
      throw new CorruptStateError(`config snapshot ${path}`, `its content has digest ${configDigest(bytes)}, not ${digest}`);
    }
    return bytes;
  }

  private configPath(digest: string): string {
    return join(this.configsDir, `${digestHex(digest)}.json`);
  }

  async openJournal(applyId: string): Promise<Journal> {
    await this.ensureDirs();
    return FileJournal.open(this.journalPath(applyId));
  }

  async pendingJournals(): Promise<{ applyId: string; entries: JournalEntry[] }[]> {
    const names = await readdirOrEmpty(this.journalDir);
    const out: { applyId: string; entries: JournalEntry[] }[] = [];
    for (const name of names.sort()) {
      const m = JOURNAL_FILE.exec(name);
      if (!m || !APPLY_ID.test(m[1])) continue;
      out.push({ applyId: m[1], entries: await readJournalFile(join(this.journalDir, name)) });
    }
    return out;
  }

  async discardJournal(applyId: string): Promise<void> {
    await rm(this.journalPath(applyId), { force: true });
  }

  private journalPath(applyId: string): string {
    if (!APPLY_ID.test(applyId)) throw new Error(`internal error: apply id "${applyId}" is not a safe file name`);
    return join(this.journalDir, `${applyId}.jsonl`);
  }

  async getControl(name: string): Promise<Buffer | null> {
    return readFileOrNull(join(this.dir, 'control', `${checkControlName(name)}.json`));
  }

  async putControl(name: string, bytes: Buffer | null): Promise<void> {
    const path = join(this.dir, 'control', `${checkControlName(name)}.json`);
    if (bytes === null) return rm(path, { force: true });
    await mkdir(join(this.dir, 'control'), { recursive: true });
    await writeFileAtomic(path, bytes);
  }

  /** Removes temporary files that killed writers left behind; runs once per instance before its first write. */
  async sweep(): Promise<number> {
    let n = 0;
    for (const d of [this.dir, this.versionsDir, this.configsDir]) n += await removeStaleTemps(d, STALE_TEMP_MS);
    return n;
  }

  // ---- reading ----

  private async load(serial: number): Promise<Loaded | null> {
    const path = this.versionPath(serial);
    const bytes = await readFileOrNull(path);
    if (bytes === null) return null;
    const version = checkSerial(parseState(bytes, `state version file ${path}`), serial, path);
    return { version, digest: versionDigest(version) };
  }

  private async loadCurrent(): Promise<Loaded | null> {
    const pointer = await this.readPointer();
    let serial: number;
    if (pointer) {
      serial = pointer.serial;
      if (!(await exists(this.versionPath(serial)))) {
        throw new CorruptStateError(`current pointer ${this.pointerPath}`, `it names serial ${serial}, but ${this.versionPath(serial)} does not exist`);
      }
    } else {
      // no pointer yet: a first put was killed before writing it, or the store is empty
      const serials = await this.versionSerials();
      serial = serials.length ? serials[serials.length - 1] : 0;
    }
    while (await exists(this.versionPath(serial + 1))) serial++;
    if (serial === 0) return null;
    const loaded = await this.load(serial);
    if (!loaded) return null;
    if (pointer && serial === pointer.serial && loaded.digest !== pointer.digest) {
      throw new CorruptStateError(`current pointer ${this.pointerPath}`, `it names digest ${pointer.digest} for serial ${serial}, but the version file has digest ${loaded.digest}`);
    }
    return loaded;
  }

  private async readPointer(): Promise<{ serial: number; digest: string } | null> {
    const bytes = await readFileOrNull(this.pointerPath);
    if (bytes === null) return null;
    let p: { serial?: unknown; digest?: unknown } | undefined;
    try {
      p = JSON.parse(bytes.toString('utf8'));
    } catch {
      p = undefined;
    }
    if (!p || typeof p.serial !== 'number' || !Number.isInteger(p.serial) || p.serial < 1 || typeof p.digest !== 'string') {
      throw new CorruptStateError(`current pointer ${this.pointerPath}`, 'expected {"serial": <n>, "digest": "sha256:..."}; delete it to have it rebuilt from versions/');
    }
    return { serial: p.serial, digest: p.digest };
  }

  private async versionSerials(): Promise<number[]> {
    const serials: number[] = [];
    for (const name of await readdirOrEmpty(this.versionsDir)) {
      const m = VERSION_FILE.exec(name);
      if (m) serials.push(Number(m[1]));
    }
    return serials.sort((a, b) => a - b);
  }

  /** serial -> info from index.jsonl; unreadable lines (a torn append) are simply not cached. */
  private async readIndex(): Promise<Map<number, VersionInfo>> {
    const map = new Map<number, VersionInfo>();
    const bytes = await readFileOrNull(this.indexPath);
    if (!bytes) return map;
    for (const line of bytes.toString('utf8').split('\n')) {
      if (!line) continue;
      try {
        const info = JSON.parse(line) as VersionInfo;
        if (Number.isInteger(info?.serial) && typeof info.digest === 'string' && typeof info.time === 'string' && info.changes) map.set(info.serial, info);
      } catch {
        // a torn line is a cache miss: list() reads that version's file instead
      }
    }
    return map;
  }
}

function checkSerial(v: StateVersion, serial: number, path: string): StateVersion {
  if (v.serial !== serial) throw new CorruptStateError(`state version file ${path}`, `it holds serial ${v.serial}`);
  return v;
}

/** Removes `dir` if it holds nothing but empty directories; true when it is gone. */
async function removeEmptyTree(dir: string): Promise<boolean> {
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (!e.isDirectory() || !(await removeEmptyTree(join(dir, e.name)))) return false;
  }
  try {
    await rmdir(dir);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    return false;
  }
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}
