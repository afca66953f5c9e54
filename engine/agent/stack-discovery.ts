// Which directories of a fetched revision are stacks. A source's path is one directory
// (`stacks/s01`) or a glob of them (`stacks/*`, `stacks/**`), minus its `exclude` globs. A
// directory is a stack when it holds a cdktf app (cdktf.json), synthesized output
// (manifest.json) or Terraform JSON (*.tf.json). Each one gets the first matching
// per-directory settings entry and, when its own name is generic, a name after its path.

import { stackKindOf } from '../synth/stack-kinds.ts';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, posix } from 'node:path';
import picomatch from 'picomatch';
import { DiagnosticsError, error } from '../diagnostics.ts';
import { nameFromPath } from '../synth/stack-name.ts';
import type { DirectorySettings, SourceConfig } from './agent-config.ts';

export interface StackDir {
  /** path below the repository root ('' for the root) */
  readonly relPath: string;
  readonly dir: string;
  readonly kind: 'app' | 'file';
  readonly settings: DirectorySettings | undefined;
  /** the name of a lone *.tf.json stack: the settings' name, else after its path; null when neither gives one */
  readonly pathName: string | null;
}

/** Directories never walked into: VCS data, dependencies, synthesized output. */
const SKIP = new Set(['.git', 'node_modules', 'cdktf.out', '.ballast', '.terraform']);

export const isGlob = (p: string) => picomatch.scan(p).isGlob;

export function stackKind(dir: string): 'app' | 'file' | null {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  const kind = stackKindOf(entries.filter((e) => e.isFile()).map((e) => e.name));
  if (!kind) return null;
  // an app names its own stacks; every other kind is named after its directory
  return kind.name === 'cdktf-app' || kind.name === 'synthesized' ? 'app' : 'file';
}

/** The stack directories of `source` in a checkout rooted at `root`, sorted by path. */
export function discoverStackDirs(root: string, source: SourceConfig, revision: string): StackDir[] {
  const pattern = source.source.kind === 'git' ? source.source.path : '';
  const excluded = source.exclude.length ? picomatch(source.exclude, { dot: true }) : () => false;
  const rel: string[] = [];
  if (!isGlob(pattern)) {
    const dir = join(root, pattern);
    if (!isDirectory(dir)) {
      throw new DiagnosticsError([error(`source "${source.name}": path "${pattern}" does not exist at ${revision}`, 'Fix the path of the source, or add the stack directory there.')]);
    }
    rel.push(pattern);
  } else {
    const match = picomatch(pattern, { dot: false });
    const walk = (relDir: string) => {
      let entries: Dirent[];
      try {
        entries = readdirSync(join(root, relDir), { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (!e.isDirectory() || SKIP.has(e.name)) continue;
        const child = relDir ? `${relDir}/${e.name}` : e.name;
        if (excluded(child)) continue;
        if (match(child) || match(`${child}/`)) rel.push(child);
        // an app directory is one stack: its sources are not stacks of their own
        if (stackKind(join(root, child)) !== 'app') walk(child);
      }
    };
    walk('');
  }
  const base = isGlob(pattern) ? picomatch.scan(pattern).base : posix.dirname(pattern);
  const out: StackDir[] = [];
  for (const r of rel.sort()) {
    if (excluded(r)) continue;
    const dir = join(root, r);
    const kind = stackKind(dir);
    if (!kind) {
      if (!isGlob(pattern)) out.push({ relPath: r, dir, kind: 'file', settings: settingsFor(source, r), pathName: null });
      continue; // a glob matches only directories that hold a stack
    }
    const settings = settingsFor(source, r);
    const below = base && base !== '.' && r.startsWith(`${base}/`) ? r.slice(base.length + 1) : r;
    out.push({ relPath: r, dir, kind, settings, pathName: settings?.name ?? (r === '' ? null : nameFromPath(below)) });
  }
  return out;
}

function settingsFor(source: SourceConfig, relPath: string): DirectorySettings | undefined {
  return source.directories.find((d) => d.pattern === relPath || (isGlob(d.pattern) && picomatch(d.pattern)(relPath)));
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
