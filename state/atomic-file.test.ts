import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileOnce, isTempName, readFileOrNull, removeStaleTemps, tempPathFor, writeFileAtomic } from './atomic-file.ts';

async function withDir(fn: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'ballast-atomic-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('createFileOnce creates once and never overwrites', () =>
  withDir(async (dir) => {
    const p = join(dir, 'v.json');
    assert.equal(await createFileOnce(p, 'first'), true);
    assert.equal(await createFileOnce(p, 'second'), false);
    assert.equal(await readFile(p, 'utf8'), 'first');
    assert.deepEqual(await readdir(dir), ['v.json'], 'no temporary files left behind');
  }));

test('concurrent createFileOnce on one name: exactly one wins', () =>
  withDir(async (dir) => {
    const p = join(dir, 'race.json');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => createFileOnce(p, `writer ${i}`)));
    assert.equal(results.filter(Boolean).length, 1);
    const winner = results.indexOf(true);
    assert.equal(await readFile(p, 'utf8'), `writer ${winner}`);
  }));

test('writeFileAtomic replaces the file whole', () =>
  withDir(async (dir) => {
    const p = join(dir, 'current.json');
    await writeFileAtomic(p, 'one');
    await writeFileAtomic(p, 'two');
    assert.equal(await readFile(p, 'utf8'), 'two');
    assert.deepEqual(await readdir(dir), ['current.json']);
  }));

test('readFileOrNull gives null for a missing file only', () =>
  withDir(async (dir) => {
    assert.equal(await readFileOrNull(join(dir, 'nope')), null);
    await assert.rejects(readFileOrNull(dir), { code: 'EISDIR' });
  }));

test('removeStaleTemps removes only old temporary files', () =>
  withDir(async (dir) => {
    const tmp = tempPathFor(join(dir, 'x.json'));
    assert.ok(isTempName(tmp.slice(dir.length + 1)));
    await writeFile(tmp, 'partial');
    await writeFile(join(dir, 'keep.json'), 'k');
    assert.equal(await removeStaleTemps(dir, 60_000), 0, 'a fresh temp file is kept');
    assert.equal(await removeStaleTemps(dir, 60_000, Date.now() + 120_000), 1);
    assert.deepEqual(await readdir(dir), ['keep.json']);
  }));
