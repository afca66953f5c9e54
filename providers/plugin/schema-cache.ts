// GetProviderSchema answers, cached per binary digest (the package's h1: hash, or the binary's
// sha256): in memory for the life of the process and on disk (one JSON file per digest), so a
// run does not ask a large provider for its schema again. Byte fields (cty types) are stored as
// base64.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface SchemaCache {
  get(digest: string): Record<string, unknown> | undefined;
  put(digest: string, schema: Record<string, unknown>): void;
}

function replacer(_k: string, v: unknown): unknown {
  if (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' && Array.isArray((v as { data?: unknown }).data)) {
    return { $bytes: Buffer.from((v as { data: number[] }).data).toString('base64') };
  }
  return v;
}
function reviver(_k: string, v: unknown): unknown {
  return v && typeof v === 'object' && typeof (v as { $bytes?: unknown }).$bytes === 'string' ? Buffer.from((v as { $bytes: string }).$bytes, 'base64') : v;
}

/** A file name for a digest: hex digests as they are, others (h1:… is base64, with "/") hashed. */
function fileName(digest: string): string {
  return `${/^[0-9a-f]+$/i.test(digest) ? digest : createHash('sha256').update(digest).digest('hex')}.json`;
}

export function createSchemaCache(dir: string | undefined): SchemaCache {
  const mem = new Map<string, Record<string, unknown>>();
  return {
    get(digest) {
      const hit = mem.get(digest);
      if (hit || !dir) return hit;
      try {
        const v = JSON.parse(readFileSync(join(dir, fileName(digest)), 'utf8'), reviver) as Record<string, unknown>;
        mem.set(digest, v);
        return v;
      } catch {
        return undefined;
      }
    },
    put(digest, schema) {
      mem.set(digest, schema);
      if (!dir) return;
      try {
        mkdirSync(dir, { recursive: true });
        const tmp = join(dir, `${fileName(digest)}.${process.pid}.tmp`);
        writeFileSync(tmp, JSON.stringify(schema, replacer));
        renameSync(tmp, join(dir, fileName(digest)));
      } catch {
        // a cache that cannot be written only costs time
      }
    },
  };
}

let shared: SchemaCache | undefined;
export function sharedSchemaCache(env: NodeJS.ProcessEnv = process.env): SchemaCache {
  shared ??= createSchemaCache(env.BALLAST_PLUGIN_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ballast', 'plugin-schemas'));
  return shared;
}
