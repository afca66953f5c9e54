import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tidyAppOutput } from './tidy-app-output.ts';

test('keeps the error and the app frames, drops node and loader noise', () => {
  const raw = [
    'node:internal/modules/run_main:123',
    '    triggerUncaughtException(',
    '    ^',
    '',
    'Error: Transform failed with 1 error:',
    '/tmp/x/main.ts:2:20: ERROR: Unexpected ";"',
    '    at failureErrorWithLog (/work/main/node_modules/esbuild/lib/main.js:1752:15)',
    '    at Socket.emit (node:events:524:28)',
    '    at new Stack (/tmp/x/main.ts:9:3)',
    '    at addChunk (node:internal/streams/readable:561:12) {',
    "  name: 'TransformError'",
    '}',
    '',
    'Node.js v20.20.2',
    '',
  ].join('\n');
  assert.equal(tidyAppOutput(raw), ['Error: Transform failed with 1 error:', '/tmp/x/main.ts:2:20: ERROR: Unexpected ";"', '    at new Stack (/tmp/x/main.ts:9:3)'].join('\n'));
});

test('plain output is only trimmed', () => {
  assert.equal(tidyAppOutput('\n  oops: bad thing\n\n'), 'oops: bad thing');
});
