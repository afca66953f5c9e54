// Copies an example app from stacks/<name> so a test can edit or synthesize it without
// touching the repository (synth output and local files land in the copy).

import { cp, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from './repo-root.ts';

const SKIP = new Set(['cdktf.out', 'node_modules', '.ballast', 'out']);

/** Copies stacks/<name> to `dest` (created if missing; contents merged) and returns `dest`. */
export async function copyStack(name: string, dest: string): Promise<string> {
  const src = join(repoRoot, 'stacks', name);
  const st = await stat(src).catch(() => undefined);
  if (!st?.isDirectory()) throw new Error(`no example stack "${name}" at ${src}`);
  await cp(src, dest, {
    recursive: true,
    // Leave out generated output and state from local runs of the example.
    filter: (from) => {
      const rel = from.slice(src.length + 1);
      const top = rel.split(/[\\/]/)[0] ?? '';
      return !SKIP.has(top) && !/^terraform\..*\.tfstate/.test(top);
    },
  });
  return dest;
}
