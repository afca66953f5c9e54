// Expected values from `terraform console` (v1.11).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FunctionArgumentError } from './function.ts';
import { call } from './test-call.ts';

const fails = (args: [string, string, string], message: RegExp) =>
  assert.throws(
    () => call(...args),
    (e: unknown) => e instanceof FunctionArgumentError && message.test(e.message),
  );

describe('textencodebase64 and textdecodebase64', () => {
  const rows: [string, string, string][] = [
    ['Hello World', 'UTF-16LE', 'SABlAGwAbABvACAAVwBvAHIAbABkAA=='],
    ['Hello', 'UTF-8', 'SGVsbG8='],
    ['héllo', 'ISO-8859-1', 'aOlsbG8='],
    ['日本', 'SHIFT_JIS', 'k/qWew=='],
    ['€', 'windows-1252', 'gA=='],
    ['a', 'utf-16', '/v8AYQ=='],
    ['a', 'UTF-16BE', 'AGE='],
    ['a', 'latin1', 'YQ=='],
    ['a', 'us-ascii', 'YQ=='],
  ];
  for (const [text, enc, b64] of rows) {
    it(`${JSON.stringify(text)} in ${enc}`, () => {
      assert.equal(call('textencodebase64', text, enc), b64);
      assert.equal(call('textdecodebase64', b64, enc), text);
    });
  }
  it('refuses what the charset cannot hold, unknown names and bad input', () => {
    fails(['textencodebase64', '日本', 'ISO-8859-1'], /the given string contains characters that cannot be represented in ISO-8859-1/);
    fails(['textencodebase64', 'é', 'us-ascii'], /cannot be represented in us-ascii/);
    fails(['textencodebase64', 'x', 'bogus'], /"bogus" is not a supported IANA encoding name or alias/);
    fails(['textencodebase64', 'a', 'UTF-32'], /"UTF-32" is not a supported IANA encoding name/);
    fails(['textdecodebase64', '/w==', 'UTF-8'], /the given string contains symbols that are not defined for UTF-8/);
    fails(['textdecodebase64', '!!', 'UTF-8'], /invalid base64 symbol at offset 0/);
  });
});
