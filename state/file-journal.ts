// The apply journal as an append-only JSON-lines file, with group commit: appends that arrive
// while a write+fdatasync is in flight wait for the next one and share it, so N concurrent
// workers cost about one sync per round instead of one per entry. An append resolves only
// after its bytes are written and synced; nothing is acknowledged that a crash could lose.

import { parseJson, stringifyJson } from '../engine/lang/json-numbers.ts';
import { open, readFile, truncate } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDir } from './atomic-file.ts';
import { CorruptStateError } from '../engine/errors.ts';
import { jsonErrorWhere } from './serialize.ts';
import type { Journal } from './store.ts';
import type { JournalEntry } from './journal.ts';

interface Waiting {
  readonly bytes: Buffer;
  resolve(): void;
  reject(e: unknown): void;
}

export class FileJournal implements Journal {
  private queue: Waiting[] = [];
  private flushing: Promise<void> | null = null;
  private failure: Error | null = null;
  private closed = false;
  /** how many write+fdatasync rounds ran (for tests and benchmarks) */
  syncCount = 0;

  private constructor(
    private readonly fh: FileHandle,
    readonly path: string,
  ) {}

  /**
   * Opens (creating if needed) the journal at `path`. A torn final line left by a crash is
   * cut off first: it was never acknowledged, and later lines must not be glued onto it.
   */
  static async open(path: string): Promise<FileJournal> {
    const existing = await readFile(path).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    });
    if (existing && existing.length > 0 && existing[existing.length - 1] !== 0x0a) {
      await truncate(path, existing.lastIndexOf(0x0a) + 1);
    }
    const fh = await open(path, 'a', 0o600);
    try {
      await fh.sync();
      await fsyncDir(dirname(path)); // the new directory entry must survive too
    } catch (e) {
      await fh.close();
      throw e;
    }
    return new FileJournal(fh, path);
  }

  append(entry: JournalEntry): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`journal ${this.path} is closed`));
    if (this.failure) return Promise.reject(this.failure);
    const bytes = Buffer.from(stringifyJson(entry) + '\n', 'utf8');
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ bytes, resolve, reject });
      this.flushing ??= this.flushAll();
    });
  }

  private async flushAll(): Promise<void> {
    try {
      for (;;) {
        // Yield one macrotask turn first, so every worker whose last append just resolved has
        // run on to its next append and joins this round instead of starting a round of one.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.queue.length === 0) break;
        const batch = this.queue;
        this.queue = [];
        if (this.failure) {
          for (const w of batch) w.reject(this.failure);
          continue;
        }
        try {
          await writeAll(this.fh, Buffer.concat(batch.map((w) => w.bytes)));
          await this.fh.datasync();
          this.syncCount++;
          for (const w of batch) w.resolve();
        } catch (e) {
          // After a failed write or sync the file's contents are uncertain: refuse everything after.
          this.failure = new Error(`journal ${this.path} could not be written: ${(e as Error).message}`, { cause: e });
          for (const w of batch) w.reject(this.failure);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.flushing) await this.flushing;
    await this.fh.close();
  }
}

async function writeAll(fh: FileHandle, buf: Buffer): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off);
    off += bytesWritten;
  }
}

/**
 * Reads a journal file. A final line without its newline is a write torn by a crash and is
 * ignored (it was never acknowledged); any other unreadable line is corruption.
 */
export async function readJournalFile(path: string): Promise<JournalEntry[]> {
  const text = await readFile(path, 'utf8');
  const lines = text.split('\n');
  lines.pop(); // '' after a final newline, or the torn fragment
  const entries: JournalEntry[] = [];
  lines.forEach((line, i) => {
    if (line === '') return;
    let e: unknown;
    try {
      e = parseJson(line);
    } catch (err) {
      throw new CorruptStateError(`journal file ${path}`, `line ${i + 1} is not valid JSON${jsonErrorWhere(err)}`);
    }
    const kind = (e as { kind?: unknown })?.kind;
    if (kind !== 'intent' && kind !== 'done' && kind !== 'failed') {
      throw new CorruptStateError(`journal file ${path}`, `line ${i + 1} is not a journal entry (kind ${JSON.stringify(kind)})`);
    }
    entries.push(e as JournalEntry);
  });
  return entries;
}
