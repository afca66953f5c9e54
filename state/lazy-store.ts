// A state store whose implementation is imported on first use: opening an S3 store must not load
// the AWS SDK for commands that never touch it (and startup stays quick for the rest).

import type { ChainEntry } from './chain.ts';
import type { JournalEntry } from './journal.ts';
import type { StateVersion, VersionInfo } from './model.ts';
import type { Journal, Lock, LockInfo, LockOptions, PutOptions, StateStore } from './store.ts';

export class LazyStore implements StateStore {
  private loaded?: Promise<StateStore>;

  constructor(
    readonly description: string,
    private readonly load: () => Promise<StateStore>,
  ) {}

  private store(): Promise<StateStore> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  async current(): Promise<StateVersion | null> {
    return (await this.store()).current();
  }
  async get(serial: number): Promise<StateVersion | null> {
    return (await this.store()).get(serial);
  }
  async list(): Promise<VersionInfo[]> {
    return (await this.store()).list();
  }
  async verify(): Promise<ChainEntry[]> {
    return (await this.store()).verify();
  }
  async put(next: StateVersion, opts: PutOptions): Promise<VersionInfo> {
    return (await this.store()).put(next, opts);
  }
  async lock(opts: LockOptions): Promise<Lock> {
    return (await this.store()).lock(opts);
  }
  async currentLock(): Promise<LockInfo | null> {
    return (await this.store()).currentLock();
  }
  async forceUnlock(id: string): Promise<void> {
    return (await this.store()).forceUnlock(id);
  }
  async putConfig(bytes: Buffer): Promise<string> {
    return (await this.store()).putConfig(bytes);
  }
  async getConfig(digest: string): Promise<Buffer | null> {
    return (await this.store()).getConfig(digest);
  }
  async openJournal(applyId: string): Promise<Journal> {
    return (await this.store()).openJournal(applyId);
  }
  async pendingJournals(): Promise<{ applyId: string; entries: JournalEntry[] }[]> {
    return (await this.store()).pendingJournals();
  }
  async discardJournal(applyId: string): Promise<void> {
    return (await this.store()).discardJournal(applyId);
  }
  async getControl(name: string): Promise<Buffer | null> {
    const s = await this.store();
    if (!s.getControl) throw new Error(`internal error: ${this.description} keeps no control documents`);
    return s.getControl(name);
  }
  async putControl(name: string, bytes: Buffer | null): Promise<void> {
    const s = await this.store();
    if (!s.putControl) throw new Error(`internal error: ${this.description} keeps no control documents`);
    return s.putControl(name, bytes);
  }
  async close(): Promise<void> {
    // never loaded: nothing to close
    if (this.loaded) await (await this.loaded).close?.();
  }
}
