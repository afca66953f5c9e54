import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inputDigest } from './input-digest.ts';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ballast-digest-'));
  write(root, files);
  return root;
}
function write(root: string, files: Record<string, string>) {
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), c);
  }
}

test('a change in another stack, or outside what a stack reads, leaves its digest alone', () => {
  const root = tree({ 'stacks/a/main.tf.json': '{"a":1}', 'stacks/b/main.tf.json': '{"b":1}', 'README.md': 'x' });
  try {
    const a1 = inputDigest(root, 'stacks/a');
    write(root, { 'stacks/b/main.tf.json': '{"b":2}', 'README.md': 'y' });
    assert.equal(inputDigest(root, 'stacks/a').digest, a1.digest);
    write(root, { 'stacks/a/main.tf.json': '{"a":2}' });
    assert.notEqual(inputDigest(root, 'stacks/a').digest, a1.digest);
    assert.deepEqual(a1.paths, ['stacks/a']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('local modules, file() targets and app imports outside the directory count, transitively', () => {
  const root = tree({
    'stacks/a/main.tf.json': JSON.stringify({ module: { net: { source: '../../modules/net' } }, locals: { t: '${file("${path.module}/../../shared/t.txt")}' } }),
    'modules/net/main.tf.json': JSON.stringify({ module: { sub: { source: '../sub' } } }),
    'modules/sub/x.tf.json': '{}',
    'shared/t.txt': 'one',
    'apps/web/main.ts': "import { x } from '../../lib/x';",
    'apps/web/cdktf.json': '{}',
    'lib/x.ts': 'export const x = 1;',
    'other/y.txt': 'y',
  });
  try {
    const a1 = inputDigest(root, 'stacks/a');
    assert.deepEqual(a1.paths.sort(), ['modules/net', 'modules/sub', 'shared/t.txt', 'stacks/a']);
    for (const [file, content] of [
      ['shared/t.txt', 'two'],
      ['modules/sub/x.tf.json', '{"a":1}'],
    ] as const) {
      const before = inputDigest(root, 'stacks/a').digest;
      write(root, { [file]: content });
      assert.notEqual(inputDigest(root, 'stacks/a').digest, before, file);
    }
    const w1 = inputDigest(root, 'apps/web');
    assert.ok(w1.paths.includes('lib'), w1.paths.join());
    write(root, { 'other/y.txt': 'z' });
    assert.equal(inputDigest(root, 'apps/web').digest, w1.digest);
    write(root, { 'lib/x.ts': 'export const x = 2;' });
    assert.notEqual(inputDigest(root, 'apps/web').digest, w1.digest);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
