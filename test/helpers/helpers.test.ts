import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyStack } from './copy-stack.ts';
import { makeTempDir, withTempDir } from './temp-dir.ts';

test('withTempDir removes the directory even when the callback throws', async () => {
  let seen = '';
  await assert.rejects(
    withTempDir(async (dir) => {
      seen = dir;
      await writeFile(join(dir, 'f'), 'x');
      throw new Error('boom');
    }),
    /boom/,
  );
  assert.ok(seen);
  assert.equal(existsSync(seen), false);
});

test('copyStack copies an example app but not generated output', async () => {
  const dest = join(await makeTempDir(), 'copy');
  await copyStack('example', dest);
  const names = await readdir(dest);
  assert.ok(names.includes('cdktf.json') && names.includes('main.ts') && names.includes('templates'), names.join(','));
  assert.equal(names.includes('cdktf.out'), false);
  await assert.rejects(copyStack('no-such-stack', join(dest, 'x')), /no example stack "no-such-stack"/);
});

test('sumSeries sums the samples of one metric whose labels match', async () => {
  const { sumSeries } = await import('../agent-harness.ts');
  const text = [
    '# HELP ballast_reconcile_total Reconcile steps',
    '# TYPE ballast_reconcile_total counter',
    'ballast_reconcile_total{stack="main",result="applied"} 2',
    'ballast_reconcile_total{stack="main",result="up-to-date"} 5',
    'ballast_reconcile_total{stack="other",result="applied"} 7',
    'ballast_reconcile_total_extra{stack="main"} 100',
    'ballast_source_fetch_total{source="git",result="ok"} 3',
  ].join('\n');
  assert.equal(sumSeries(text, 'ballast_reconcile_total', { stack: 'main' }), 7);
  assert.equal(sumSeries(text, 'ballast_reconcile_total'), 14);
  assert.equal(sumSeries(text, 'ballast_reconcile_total', { stack: 'main', result: 'applied' }), 2);
  assert.equal(sumSeries(text, 'ballast_reconcile_total', { stack: 'none' }), 0);
  assert.equal(sumSeries(text, 'ballast_source_fetch_total', { result: 'ok' }), 3);
});
