import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatConsoleValue, goQuote } from './console-value.ts';
import { markSet, Sensitive, Unknown } from '../lang/value.ts';
import { numberFromText } from '../lang/big-number.ts';

// Expected texts are what `terraform console` 1.11 prints for the same values.
test('primitives as terraform console prints them', () => {
  assert.equal(formatConsoleValue(null), 'null');
  assert.equal(formatConsoleValue(true), 'true');
  assert.equal(formatConsoleValue(1.5), '1.5');
  assert.equal(formatConsoleValue(1e20), '100000000000000000000');
  assert.equal(formatConsoleValue(1e-7), '0.0000001');
  assert.equal(formatConsoleValue(numberFromText('10000000000000000000000000001')), '10000000000000000000000000001');
  assert.equal(formatConsoleValue('a"b'), '"a\\"b"');
  assert.equal(formatConsoleValue('${x} %{y}'), '"${x} %{y}"');
  assert.equal(formatConsoleValue('multi\nline'), '<<EOT\nmulti\nline\nEOT');
  assert.equal(formatConsoleValue('end\n'), '<<EOT\nend\n\nEOT');
});

test('strings are quoted as Go strconv.Quote does', () => {
  assert.equal(goQuote('tab\there\r'), '"tab\\there\\r"');
  assert.equal(goQuote('\u0001'), '"\\x01"');
  assert.equal(goQuote('é ✓'), '"é ✓"');
  assert.equal(goQuote('\\'), '"\\\\"');
  assert.equal(goQuote('\u200b'), '"\\u200b"');
});

test('collections over several lines; sets as toset(); empty ones inline', () => {
  assert.equal(formatConsoleValue([1, 2, 'a']), '[\n  1,\n  2,\n  "a",\n]');
  assert.equal(formatConsoleValue({ b: 'x', a: 1 }), '{\n  "a" = 1\n  "b" = "x"\n}');
  assert.equal(formatConsoleValue(markSet(['a'])), 'toset([\n  "a",\n])');
  assert.equal(formatConsoleValue([]), '[]');
  assert.equal(formatConsoleValue({}), '{}');
  assert.equal(formatConsoleValue(markSet([])), 'toset([])');
  assert.equal(formatConsoleValue([['a'], {}]), '[\n  [\n    "a",\n  ],\n  {},\n]');
  assert.equal(formatConsoleValue({ a: { b: [1] } }), '{\n  "a" = {\n    "b" = [\n      1,\n    ]\n  }\n}');
  assert.equal(formatConsoleValue({ a: markSet([1]) }), '{\n  "a" = toset([\n    1,\n  ])\n}');
  assert.equal(formatConsoleValue({ 'a b': 1 }), '{\n  "a b" = 1\n}');
});

test('an indented multi-line string is an indented heredoc; a line equal to EOT changes the delimiter', () => {
  assert.equal(formatConsoleValue({ a: 'x\ny' }), '{\n  "a" = <<-EOT\n  x\n  y\n  EOT\n}');
  assert.equal(formatConsoleValue('a\n EOT\nb'), '<<EOT_\na\n EOT\nb\nEOT_');
});

test('unknown and sensitive values at any depth; a sensitive unknown is unknown', () => {
  assert.equal(formatConsoleValue(new Unknown()), '(known after apply)');
  assert.equal(formatConsoleValue(new Sensitive('hunter2')), '(sensitive value)');
  assert.equal(formatConsoleValue([new Sensitive(1), 2]), '[\n  (sensitive value),\n  2,\n]');
  assert.equal(formatConsoleValue({ a: new Unknown('string') }), '{\n  "a" = (known after apply)\n}');
  assert.equal(formatConsoleValue(new Sensitive(new Unknown())), '(known after apply)');
  assert.ok(!formatConsoleValue({ s: new Sensitive({ deep: 'hunter2' }) }).includes('hunter2'));
});
