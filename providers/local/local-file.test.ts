import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalProvider } from './index.ts';
import { apply, createStable, plan } from '../testdata/provider-harness.ts';
import type { Provider } from '../provider.ts';
import { isUnknown } from '../../engine/lang/value.ts';

let dir: string;
let p: Provider;
const T = 'local_file';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ballast-local-'));
  p = createLocalProvider({ workingDir: dir, env: {} });
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha = (alg: string, s: string | Buffer, enc: 'hex' | 'base64' = 'hex') => createHash(alg).update(s).digest(enc);

test('create writes the file (relative to the stack dir) with hashes and permissions', async () => {
  const planned = (await plan(p, T, { filename: 'out/a.txt', content: 'hello' }, null)).plannedState!;
  assert.equal(planned.file_permission, '0777');
  assert.ok(isUnknown(planned.id) && isUnknown(planned.content_sha256));
  const s = await createStable(p, T, { filename: 'out/a.txt', content: 'hello', file_permission: '0640' });
  assert.equal(await readFile(join(dir, 'out/a.txt'), 'utf8'), 'hello');
  assert.equal(s.id, sha('sha1', 'hello'));
  assert.equal(s.content_md5, sha('md5', 'hello'));
  assert.equal(s.content_sha256, sha('sha256', 'hello'));
  assert.equal(s.content_base64sha256, sha('sha256', 'hello', 'base64'));
  assert.equal(s.content_sha512, sha('sha512', 'hello'));
  assert.equal(s.content_base64sha512, sha('sha512', 'hello', 'base64'));
  assert.equal((await stat(join(dir, 'out/a.txt'))).mode & 0o077, 0o040 & ~process.umask() & 0o077);
});

test('content_base64 and source write the right bytes', async () => {
  const bytes = Buffer.from([0, 1, 2, 255]);
  const b = await createStable(p, T, { filename: 'bin.dat', content_base64: bytes.toString('base64') });
  assert.deepEqual(await readFile(join(dir, 'bin.dat')), bytes);
  assert.equal(b.id, sha('sha1', bytes));
  await writeFile(join(dir, 'src.txt'), 'from source');
  const c = await createStable(p, T, { filename: 'copy.txt', source: 'src.txt' });
  assert.equal(await readFile(join(dir, 'copy.txt'), 'utf8'), 'from source');
  assert.equal(c.id, sha('sha1', 'from source'));
});

test('every argument forces replacement; replacing rewrites the file', async () => {
  const s = await createStable(p, T, { filename: 'r.txt', content: 'one' });
  assert.deepEqual((await plan(p, T, { filename: 'r.txt', content: 'two' }, s)).requiresReplace, [['content']]);
  assert.deepEqual((await plan(p, T, { filename: 'r2.txt', content: 'one' }, s)).requiresReplace, [['filename']]);
  assert.deepEqual((await plan(p, T, { filename: 'r.txt', content: 'one', file_permission: '0600' }, s)).requiresReplace, [['file_permission']]);
  const next = await apply(p, T, { filename: 'r.txt', content: 'two' }, s);
  assert.equal(await readFile(join(dir, 'r.txt'), 'utf8'), 'two');
  assert.equal(next!.id, sha('sha1', 'two'));
});

test('read: a deleted file is gone, a modified file shows drift that plans a replacement', async () => {
  const s = await createStable(p, T, { filename: 'd.txt', content: 'wanted' });
  assert.deepEqual((await p.readResource({ typeName: T, currentState: s })).newState, s);
  await writeFile(join(dir, 'd.txt'), 'tampered');
  const drifted = (await p.readResource({ typeName: T, currentState: s })).newState!;
  assert.equal(drifted.content, 'tampered');
  assert.equal(drifted.id, sha('sha1', 'tampered'));
  const r = await plan(p, T, { filename: 'd.txt', content: 'wanted' }, drifted);
  assert.deepEqual(r.requiresReplace, [['content']]);
  await apply(p, T, { filename: 'd.txt', content: 'wanted' }, drifted);
  assert.equal(await readFile(join(dir, 'd.txt'), 'utf8'), 'wanted');
  await rm(join(dir, 'd.txt'));
  assert.equal((await p.readResource({ typeName: T, currentState: s })).newState, null);
});

test('delete removes the file; import is not supported', async () => {
  const s = await createStable(p, T, { filename: 'gone.txt', content: 'x' });
  const del = await p.applyResourceChange({ typeName: T, priorState: s, plannedState: null, config: null });
  assert.equal(del.newState, null);
  await assert.rejects(stat(join(dir, 'gone.txt')), { code: 'ENOENT' });
  assert.equal((await p.importResourceState({ typeName: T, id: 'gone.txt' })).imported.length, 0);
});

test('validation: exactly one content argument, known permissions, typos', () => {
  const v = (config: Record<string, unknown>) => p.validateResourceConfig({ typeName: T, config: config as never }).diagnostics;
  assert.equal(v({ filename: 'a' })[0].summary, 'Missing file content');
  assert.equal(v({ filename: 'a', content: 'x', source: 'y' })[0].summary, 'Conflicting file content');
  assert.equal(v({ filename: 'a', content: 'x', file_permission: '999' })[0].where?.attribute, 'file_permission');
  assert.equal(v({ content: 'x' })[0].summary, 'The argument "filename" is required');
  assert.equal(v({ filename: 'a', contnt: 'x' })[0].detail, 'Did you mean "content"?');
  assert.equal(v({ filename: 'a', content: 'x', id: 'y' })[0].summary, 'Invalid attribute: "id" is computed and cannot be set');
});
