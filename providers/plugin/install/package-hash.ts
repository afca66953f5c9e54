// Provider package hashes as .terraform.lock.hcl records them:
//   h1: Go's dirhash "Hash1" over the package contents: sha256 of the sorted lines
//       "<sha256 hex of file>  <path>\n", base64. The same for an unpacked directory and a zip.
//   zh: sha256 hex of the .zip archive itself (the form registries sign).

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import AdmZip from 'adm-zip';

function h1(files: { path: string; digest: string }[]): string {
  const lines = files
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.digest}  ${f.path}\n`)
    .join('');
  return `h1:${createHash('sha256').update(lines).digest('base64')}`;
}

const sha256hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function hashDirectory(dir: string): string {
  const files: { path: string; digest: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) files.push({ path: relative(dir, p).split(sep).join('/'), digest: sha256hex(readFileSync(p)) });
    }
  };
  walk(dir);
  return h1(files);
}

export function hashZipContents(zipPath: string): string {
  const zip = new AdmZip(zipPath);
  return h1(
    zip
      .getEntries()
      .filter((e) => !e.isDirectory)
      .map((e) => ({ path: e.entryName, digest: sha256hex(e.getData()) })),
  );
}

export function hashZipFile(zipPath: string): string {
  return `zh:${sha256hex(readFileSync(zipPath))}`;
}

export function fileDigest(path: string): string {
  return sha256hex(readFileSync(path));
}
