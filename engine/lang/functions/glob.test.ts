// fileset() against Terraform 1.11 on the same tree: fs/top.txt, fs/a/x.txt, fs/a/b/y.txt, fs/a/b/z.json.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeTempDir } from '../../../test/helpers/temp-dir.ts';
import { isSet } from '../value.ts';
import { callFunction } from './index.ts';
import { FunctionArgumentError } from './function.ts';
import { testContext } from './test-call.ts';

describe('fileset', async () => {
  const dir = await makeTempDir();
  mkdirSync(join(dir, 'fs/a/b'), { recursive: true });
  for (const f of ['fs/top.txt', 'fs/a/x.txt', 'fs/a/b/y.txt', 'fs/a/b/z.json']) writeFileSync(join(dir, f), '');
  const fileset = (pattern: string, path = 'fs') => callFunction('fileset', [path, pattern], testContext(dir));
  const rows: [string, string[]][] = [
    ['**', ['a/b/y.txt', 'a/b/z.json', 'a/x.txt', 'top.txt']],
    ['*.txt', ['top.txt']],
    ['a/**/*.txt', ['a/b/y.txt', 'a/x.txt']],
    ['**/*.{txt,json}', ['a/b/y.txt', 'a/b/z.json', 'a/x.txt', 'top.txt']],
    ['a/?.txt', ['a/x.txt']],
    ['a/[a-x].txt', ['a/x.txt']],
    ['a/[^x].txt', []],
  ];
  for (const [pattern, want] of rows) {
    it(pattern, () => {
      const got = fileset(pattern);
      assert.ok(isSet(got as never));
      assert.deepEqual(got, want);
    });
  }
  it('a missing directory gives an empty set; a malformed pattern is an error', () => {
    assert.deepEqual(fileset('*', 'nonexist'), []);
    assert.throws(
      () => fileset('['),
      (e: unknown) => e instanceof FunctionArgumentError && /failed to glob pattern "fs\/\[": syntax error in pattern/.test(e.message),
    );
  });
  it('a symlink loop does not recurse forever', () => {
    symlinkSync('..', join(dir, 'fs/a/b/up'));
    assert.ok((fileset('**') as string[]).includes('top.txt'));
  });
});
