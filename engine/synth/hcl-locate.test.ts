import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HclLocator } from './hcl-locate.ts';

test('repeated moved, removed and import blocks: each list index finds its own block, across files in merge order', () => {
  const l = new HclLocator();
  l.addFile('/s/a.tf', 'moved {\n  from = a.b\n  to   = a.c\n}\n\nmoved {\n  from = a.d\n  to   = a.e\n}\nremoved {\n  from = a.x\n}\n');
  l.addFile('/s/b.tf', 'resource "a" "c" {}\nmoved {\n  from = a.f\n  to   = a.g\n}\n');
  assert.deepEqual(l.locate('/moved/0'), { file: '/s/a.tf', line: 1, column: 1 });
  assert.deepEqual(l.locate('/moved/1'), { file: '/s/a.tf', line: 6, column: 1 });
  assert.deepEqual(l.locate('/moved/1/to'), { file: '/s/a.tf', line: 8, column: 3 });
  assert.deepEqual(l.locate('/moved/2'), { file: '/s/b.tf', line: 2, column: 1 });
  assert.deepEqual(l.locate('/removed/0'), { file: '/s/a.tf', line: 10, column: 1 });
  // within one file (the merge reports duplicates per file)
  assert.deepEqual(l.locate('/moved/0', '/s/b.tf'), { file: '/s/b.tf', line: 2, column: 1 });
});
