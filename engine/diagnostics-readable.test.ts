// Guard: no diagnostic or error message shows "[object Object]" (issue 7 item 11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { error, formatDiagnostic, readableText, warning } from './diagnostics.ts';

test('an object interpolated into a diagnostic is described, never printed as [object Object]', () => {
  const value: unknown = { a: 1 };
  const d = error(`Invalid value ${value}`, `Got ${value} where ${[value]} and ${new Map()} were not expected.`, { address: 'x.y' });
  const text = formatDiagnostic(d);
  assert.doesNotMatch(text, /\[object /);
  assert.match(text, /Invalid value \(an object value\)/);
  assert.match(text, /\(a Map value\)/);
  assert.doesNotMatch(formatDiagnostic(warning(`w ${value}`)), /\[object /);
});

test('readableText keeps ordinary text and describes non-strings', () => {
  assert.equal(readableText('count must be a whole number, got "x"'), 'count must be a whole number, got "x"');
  assert.equal(readableText({ b: 2 }), '{"b":2}');
  assert.equal(readableText(new Error('boom')), 'boom');
  assert.equal(readableText(undefined), '');
});
