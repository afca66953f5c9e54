// Crash-safe file writes. Every file is first written in full to a temporary name in the same
// directory and fsync'ed; only then does it get its real name, by rename (replace) or by
// link (create once). A SIGKILL at any moment therefore leaves either the old file, the
// complete new file, or a stray temporary file that readers ignore; never a torn one.

import { randomBytes } from 'node:crypto';
import { open, link, rename, unlink, readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_MARK = '.tmp-';

/** A unique temporary name next to `path` (same directory, so rename/link stay atomic). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`);
}

export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.includes(TEMP_MARK);
}

/** fsync a directory so a new, renamed or removed entry in it survives a power loss. */
export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function writeTemp(path: string, bytes: Buffer | string): Promise<string> {
  const tmp = tempPathFor(path);
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  return tmp;
}

/** Replaces (or creates) `path` atomically and durably: temp + fsync + rename + fsync dir. */
export async function writeFileAtomic(path: string, bytes: Buffer | string): Promise<void> {
  const tmp = await writeTemp(path, bytes);
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fsyncDir(dirname(path));
}

/**
 * Creates `path` with `bytes` only if no file of that name exists; never overwrites.
 * Returns false when the name was already taken (by anyone, including a concurrent writer).
 * link(2) is the create-if-absent step: atomic, fails with EEXIST, and publishes a file that
 * is already complete and fsync'ed (an open('wx') + write would publish a torn file on crash).
 */
export async function createFileOnce(path: string, bytes: Buffer | string): Promise<boolean> {
  const tmp = await writeTemp(path, bytes);
  let created = true;
  try {
    await link(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    created = false;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  await fsyncDir(dirname(path));
  return created;
}

/** The file's bytes, or null when it does not exist. */
export async function readFileOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/**
 * Removes temporary files left in `dir` by writers that were killed, once they are older than
 * `olderThanMs` (a live writer finishes within milliseconds; the margin keeps them safe).
 */
export async function removeStaleTemps(dir: string, olderThanMs: number, now = Date.now()): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  for (const name of names) {
    if (!isTempName(name)) continue;
    const p = join(dir, name);
    try {
      const st = await stat(p);
      if (now - st.mtimeMs > olderThanMs) {
        await unlink(p);
        removed++;
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  return removed;
}
