import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { hashDirectory, hashZipContents, hashZipFile } from './package-hash.ts';

test('h1 is dirhash Hash1 and the same for a directory and a zip of it; zh is the zip sha256', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-hash-'));
  const pkg = join(dir, 'pkg');
  mkdirSync(pkg);
  writeFileSync(join(pkg, 'terraform-provider-x_v1.0.0'), 'binary');
  writeFileSync(join(pkg, 'README'), 'readme');
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const expected = `h1:${createHash('sha256')
    .update(`${sha('readme')}  README\n${sha('binary')}  terraform-provider-x_v1.0.0\n`)
    .digest('base64')}`;
  assert.equal(hashDirectory(pkg), expected);
  const zip = new AdmZip();
  zip.addLocalFolder(pkg);
  zip.writeZip(join(dir, 'p.zip'));
  assert.equal(hashZipContents(join(dir, 'p.zip')), expected);
  assert.match(hashZipFile(join(dir, 'p.zip')), /^zh:[0-9a-f]{64}$/);
});
