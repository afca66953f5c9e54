import { test } from 'node:test';
import assert from 'node:assert/strict';
import { error, warning } from '../diagnostics.ts';
import { consolidateWarnings } from './consolidate-warnings.ts';

test('warnings with the same summary print once with a count; errors are all kept', () => {
  const out = consolidateWarnings([
    warning('Deprecated argument', 'use b', { address: 'x.a' }),
    error('Bad', 'one'),
    warning('Deprecated argument', 'use b', { address: 'x.b' }),
    warning('Other'),
    warning('Deprecated argument', 'use b', { address: 'x.c' }),
    error('Bad', 'two'),
  ]);
  assert.deepEqual(
    out.map((d) => [d.severity, d.summary, d.detail]),
    [
      ['warning', 'Deprecated argument', 'use b\n\n(and 2 more similar warnings elsewhere)'],
      ['error', 'Bad', 'one'],
      ['warning', 'Other', undefined],
      ['error', 'Bad', 'two'],
    ],
  );
  assert.equal(out[0]!.where?.address, 'x.a');
  assert.equal(consolidateWarnings([warning('W'), warning('W')])[0]!.detail, '(and 1 more similar warning elsewhere)');
});
