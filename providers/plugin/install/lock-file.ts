// .terraform.lock.hcl: the provider versions and package hashes a stack was installed with.
// Same format as Terraform's, so the file can be shared by both tools.

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HclSyntaxError, parseHcl } from './hcl-subset.ts';

export const LOCK_FILE = '.terraform.lock.hcl';

export interface LockEntry {
  readonly version: string;
  readonly constraints?: string;
  readonly hashes: readonly string[];
}

export class LockFileError extends Error {}

export function readLockFile(dir: string): Map<string, LockEntry> {
  const file = join(dir, LOCK_FILE);
  const out = new Map<string, LockEntry>();
  if (!existsSync(file)) return out;
  let body;
  try {
    body = parseHcl(readFileSync(file, 'utf8'), file);
  } catch (e) {
    if (e instanceof HclSyntaxError) throw new LockFileError(`${file} cannot be read: ${e.message}`);
    throw e;
  }
  for (const b of body.blocks) {
    if (b.type !== 'provider' || b.labels.length !== 1) continue;
    const version = b.body.attributes.get('version')?.value;
    const constraints = b.body.attributes.get('constraints')?.value;
    const hashes = b.body.attributes.get('hashes')?.value;
    if (typeof version !== 'string') throw new LockFileError(`${file}:${b.line}: provider "${b.labels[0]}" has no version`);
    out.set(b.labels[0], {
      version,
      constraints: typeof constraints === 'string' ? constraints : undefined,
      hashes: Array.isArray(hashes) ? hashes.filter((h): h is string => typeof h === 'string') : [],
    });
  }
  return out;
}

export function formatLockFile(entries: ReadonlyMap<string, LockEntry>): string {
  let out = '# This file is maintained automatically by "terraform init".\n# Manual edits may be lost in future updates.\n';
  for (const source of [...entries.keys()].sort()) {
    const e = entries.get(source)!;
    out += `\nprovider ${JSON.stringify(source)} {\n  version     = ${JSON.stringify(e.version)}\n`;
    if (e.constraints) out += `  constraints = ${JSON.stringify(e.constraints)}\n`;
    out += `  hashes = [\n${[...new Set(e.hashes)]
      .sort()
      .map((h) => `    ${JSON.stringify(h)},\n`)
      .join('')}  ]\n}\n`;
  }
  return out;
}

export function writeLockFile(dir: string, entries: ReadonlyMap<string, LockEntry>): void {
  const file = join(dir, LOCK_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, formatLockFile(entries));
  renameSync(tmp, file);
}
