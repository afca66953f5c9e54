// The objects read from each YAML file of a plain-YAML stack, kept beside the synthesized output
// and keyed by the file's SHA-256: a re-plan of unchanged files skips the YAML parser, which is
// the largest cost of synthesizing a big stack (a cold parser reads ~200 KB/s). Only files that
// parsed without a problem and hold no Secret are kept; a missing, stale or damaged cache is
// simply not used.

import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KubeObject, SourcedObject } from './read-objects.ts';

/** Bump when what readObjects makes of a file changes, so older entries are not used. */
const FORMAT = 1;
const FILE = 'yaml-objects.json';

interface Entry {
  readonly sha256: string;
  readonly objects: readonly { readonly object: KubeObject; readonly source: string; readonly line?: number }[];
}

export class YamlCache {
  private readonly next: Record<string, Entry> = {};
  private changed = false;

  private constructor(
    private readonly outDir: string,
    private readonly entries: Record<string, Entry>,
  ) {}

  static async open(outDir: string): Promise<YamlCache> {
    try {
      const data: unknown = JSON.parse(await readFile(join(outDir, FILE), 'utf8'));
      if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format === FORMAT) {
        const files = (data as { files?: unknown }).files;
        if (typeof files === 'object' && files !== null) return new YamlCache(outDir, files as Record<string, Entry>);
      }
    } catch {
      // no cache yet, or one that cannot be read: everything is parsed
    }
    return new YamlCache(outDir, {});
  }

  /** The objects of `rel` (file `path`, content `text`): from the cache when the content is the same, else `parse`d and kept. */
  objects(rel: string, path: string, text: string, parse: () => SourcedObject[]): SourcedObject[] {
    const sha256 = createHash('sha256').update(text).digest('hex');
    const hit = this.entries[rel];
    if (hit?.sha256 === sha256 && Array.isArray(hit.objects)) {
      this.next[rel] = hit;
      return hit.objects.map((o) => ({ object: o.object, source: o.source, ...(o.line !== undefined ? { at: { file: path, line: o.line } } : {}) }));
    }
    const parsed = parse();
    // .inf, .nan and -0 do not survive JSON, and a Secret's values get no further copy on disk:
    // such a file is parsed every time
    if (!parsed.every((o) => jsonSafe(o.object) && o.object.kind !== 'Secret')) return parsed;
    this.next[rel] = { sha256, objects: parsed.map((o) => ({ object: o.object, source: o.source, ...(o.at ? { line: o.at.line } : {}) })) };
    this.changed = true;
    return parsed;
  }

  /** Writes the entries of this run's files (whole, or not at all) when any changed or went away. */
  async save(): Promise<void> {
    if (!this.changed && Object.keys(this.entries).every((k) => k in this.next)) return;
    const tmp = join(this.outDir, `${FILE}.${process.pid}.tmp`);
    try {
      await writeFile(tmp, JSON.stringify({ format: FORMAT, files: this.next }));
      await rename(tmp, join(this.outDir, FILE));
    } catch {
      // a cache that cannot be written (read-only checkout) only costs the next run a parse
    }
  }
}

function jsonSafe(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(jsonSafe);
  if (typeof v === 'object' && v !== null) return Object.values(v).every(jsonSafe);
  return true;
}
