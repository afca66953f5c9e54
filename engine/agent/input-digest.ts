// A stack's input digest: everything a stack directory reads from the checkout. The files of
// the directory itself, plus every local path its files point at with `../` (local modules,
// `file("${path.module}/../shared/x")`, templates, an app's imports of `../lib`), followed
// transitively. A path that no longer exists counts through its nearest existing ancestor, so
// adding the file later changes the digest too. The digest is conservative: a reference it
// cannot tell apart from text still counts. The synthesized config is covered as well: a lone
// *.tf.json is its own config, and an app's config is a function of the files hashed here.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/** files larger than this are hashed but not searched for references */
const SCAN_LIMIT = 1 << 20;
/** bounded so a pathological repository cannot make a digest run away */
const MAX_PATHS = 10_000;
const SKIP = new Set(['.git', 'node_modules', 'cdktf.out', '.terraform']);
const REFERENCE = /(?:\.\.?\/)*\.\.\/[A-Za-z0-9_.@+-][A-Za-z0-9_.@+/-]*|\.\.\/(?=["'`\s)]|$)/g;

export interface InputDigest {
  readonly digest: string;
  /** paths below the root that were hashed, for logs and tests: the directory first */
  readonly paths: string[];
}

/** The digest of stack directory `relDir` in the checkout at `root`. */
export function inputDigest(root: string, relDir: string): InputDigest {
  const hash = createHash('sha256');
  const done = new Set<string>();
  const queue: string[] = [relDir];
  const paths: string[] = [];
  let budget = MAX_PATHS;
  while (queue.length) {
    const rel = queue.shift()!;
    if (done.has(rel) || [...done].some((d) => d === '' || rel.startsWith(`${d}/`))) continue;
    done.add(rel);
    paths.push(rel);
    hash.update(`path\0${rel}\0`);
    for (const file of filesUnder(root, rel)) {
      if (--budget < 0) {
        hash.update('truncated\0');
        break;
      }
      const bytes = readFileSync(join(root, file));
      hash.update(`file\0${file}\0${bytes.length}\0`).update(bytes);
      if (bytes.length > SCAN_LIMIT || bytes.includes(0)) continue;
      const fileDir = posix.dirname(file);
      for (const ref of bytes.toString('utf8').match(REFERENCE) ?? []) {
        // relative to the stack directory (path.module) and to the referring file (imports)
        for (const from of new Set([rel, fileDir])) {
          const target = posix.normalize(posix.join(from, ref));
          if (target === '..' || target.startsWith('../')) continue; // outside the checkout
          const existing = nearestExisting(root, target === '.' ? '' : target);
          if (existing !== null && existing !== '' && !done.has(existing)) queue.push(existing);
        }
      }
    }
  }
  return { digest: `sha256:${hash.digest('hex')}`, paths };
}

function filesUnder(root: string, rel: string): string[] {
  const st = statSync(join(root, rel), { throwIfNoEntry: false });
  if (!st) return [];
  if (st.isFile()) return [rel];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) walk(child);
      } else if (e.isFile()) out.push(child);
    }
  };
  walk(rel);
  return out;
}

function nearestExisting(root: string, rel: string): string | null {
  let p = rel;
  for (;;) {
    if (statSync(join(root, p), { throwIfNoEntry: false })) return p;
    if (p === '') return null;
    const parent = posix.dirname(p);
    p = parent === '.' ? '' : parent;
  }
}
