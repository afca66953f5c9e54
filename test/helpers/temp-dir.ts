// Temporary directories for tests, removed when the test file finishes (node:test `after`)
// or, with withTempDir, as soon as the callback settles.

import { after } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pending = new Set<string>();
let hooked = false;

/** A fresh directory under the OS temp dir, deleted after the current test file. */
export async function makeTempDir(prefix = 'ballast-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  pending.add(dir);
  if (!hooked) {
    hooked = true;
    after(async () => {
      await Promise.all([...pending].map((d) => rm(d, { recursive: true, force: true })));
      pending.clear();
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
