import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalProvider } from './index.ts';
import { createStable, plan } from '../testdata/provider-harness.ts';
import type { Provider } from '../provider.ts';

let dir: string;
let p: Provider;
const T = 'local_sensitive_file';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ballast-local-'));
  p = createLocalProvider({ workingDir: dir, env: {} });
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('content is sensitive, permissions default to 0700, no sensitive_content argument', () => {
  const attrs = p.getSchema().resources[T].block.attributes;
  assert.equal(attrs.content.sensitive, true);
  assert.equal(attrs.content_base64.sensitive, true);
  assert.equal(attrs.file_permission.default, '0700');
  assert.equal(attrs.sensitive_content, undefined);
  assert.ok(!p.getSchema().resources.local_file.block.attributes.content.sensitive);
});

test('create writes a private file; drift and deletion are seen', async () => {
  const s = await createStable(p, T, { filename: 'secret/key', content: 'k3y' });
  assert.equal(await readFile(join(dir, 'secret/key'), 'utf8'), 'k3y');
  assert.equal((await stat(join(dir, 'secret/key'))).mode & 0o077, 0);
  await writeFile(join(dir, 'secret/key'), 'other');
  const drifted = (await p.readResource({ typeName: T, currentState: s })).newState!;
  assert.deepEqual((await plan(p, T, { filename: 'secret/key', content: 'k3y' }, drifted)).requiresReplace, [['content']]);
  await rm(join(dir, 'secret/key'));
  assert.equal((await p.readResource({ typeName: T, currentState: s })).newState, null);
});
