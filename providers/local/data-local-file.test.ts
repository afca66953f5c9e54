import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalProvider } from './index.ts';
import type { Provider } from '../provider.ts';

let dir: string;
let p: Provider;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ballast-local-'));
  p = createLocalProvider({ workingDir: dir, env: {} });
  await writeFile(join(dir, 'in.txt'), 'data!');
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('data local_file reads content and hashes', async () => {
  const r = await p.readDataSource({ typeName: 'local_file', config: { filename: 'in.txt' } });
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.state!.content, 'data!');
  assert.equal(r.state!.content_base64, Buffer.from('data!').toString('base64'));
  assert.equal(r.state!.id, createHash('sha1').update('data!').digest('hex'));
  assert.equal(r.state!.filename, 'in.txt');
});

test('data local_sensitive_file marks content sensitive; a missing file is a diagnostic naming it', async () => {
  assert.equal(p.getSchema().dataSources.local_sensitive_file.block.attributes.content.sensitive, true);
  const r = await p.readDataSource({ typeName: 'local_sensitive_file', config: { filename: 'in.txt' } });
  assert.equal(r.state!.content, 'data!');
  const missing = await p.readDataSource({ typeName: 'local_file', config: { filename: 'nope.txt' } });
  assert.equal(missing.state, null);
  assert.equal(missing.diagnostics[0].summary, 'Cannot read file "nope.txt"');
  assert.equal(missing.diagnostics[0].where?.attribute, 'filename');
  assert.equal(p.validateDataSourceConfig({ typeName: 'local_file', config: {} }).diagnostics[0].summary, 'The argument "filename" is required');
});
