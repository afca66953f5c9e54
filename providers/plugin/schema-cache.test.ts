import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchemaCache } from './schema-cache.ts';

test('a schema cached under an h1: hash (base64 with "/" and "+") is found again from disk by a new process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-schema-cache-'));
  try {
    const h1 = 'h1:ab/cd+ef/0123456789abcdefghijklmnopqrstuvwxy=';
    createSchemaCache(dir).put(h1, { provider: { version: 1 }, types: Buffer.from('"string"') });
    assert.equal(readdirSync(dir).length, 1, 'one file, directly in the cache directory');
    const fresh = createSchemaCache(dir).get(h1);
    assert.deepEqual(fresh?.provider, { version: 1 });
    assert.ok(Buffer.isBuffer(fresh?.types), 'byte fields come back as bytes');
    assert.equal(createSchemaCache(dir).get('h1:other'), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
