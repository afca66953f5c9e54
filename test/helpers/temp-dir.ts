// Temporary directories for tests, removed when the test file's process exits or, with
// withTempDir, as soon as the callback settles. (A node:test `after` hook registered from
// inside a test would run when that one test ends and pull directories from under tests
// still running concurrently; each test file runs in its own process, so exit is the end.)

import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pending = new Set<string>();
let hooked = false;

/** A fresh directory under the OS temp dir, deleted when the current test file finishes. */
export async function makeTempDir(prefix = 'ballast-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  pending.add(dir);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const d of pending) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}

/** Runs `fn` with a fresh temp directory and deletes it afterwards, whatever happens. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T> | T, prefix = 'ballast-test-'): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
