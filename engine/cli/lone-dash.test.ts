import { test } from 'node:test';
import assert from 'node:assert/strict';
import yargs from 'yargs';
import { protectLoneDash, restoreLoneDash, restoreLoneDashText } from './lone-dash.ts';

function parse(argv: string[]): Record<string, unknown> {
  let got: Record<string, unknown> = {};
  yargs(protectLoneDash(argv))
    .command(
      'push <file>',
      'x',
      (y) => y.positional('file', { type: 'string' }).option('force', { type: 'boolean' }),
      (a) => {
        got = a;
      },
    )
    .middleware((a) => restoreLoneDash(a), true)
    .strict()
    .parseSync();
  return got;
}

test('a lone - positional reaches the command as -, not as the empty string yargs makes of it', () => {
  assert.equal(parse(['push', '-', '--force']).file, '-');
  assert.equal(parse(['push', '--force', '-']).file, '-');
  assert.equal(parse(['push', 'x.tfstate']).file, 'x.tfstate');
  assert.equal(parse(['push', '']).file, '', 'an empty argument stays empty');
});

test('restoring reaches array elements and message text; other values stay', () => {
  const a: Record<string, unknown> = { _: protectLoneDash(['a', '-']), v: protectLoneDash(['-'])[0], n: 3 };
  restoreLoneDash(a);
  assert.deepEqual(a, { _: ['a', '-'], v: '-', n: 3 });
  assert.equal(restoreLoneDashText(`Unknown argument: ${protectLoneDash(['-'])[0]}`), 'Unknown argument: -');
  assert.deepEqual(protectLoneDash(['--', '-x', '--y', 'z']), ['--', '-x', '--y', 'z']);
});
