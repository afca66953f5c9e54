import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatOutputValue, outputLines, outputTypeJson, rawOutput } from './output-value.ts';

// expected texts recorded from `terraform output` 1.11 for the same values
test('values print as terraform output prints them', () => {
  assert.equal(formatOutputValue(['a', 'b']), '[\n  "a",\n  "b",\n]');
  assert.equal(formatOutputValue({ k: 'v', longer: 2, nested: { x: [1] } }), '{\n  "k" = "v"\n  "longer" = 2\n  "nested" = {\n    "x" = [\n      1,\n    ]\n  }\n}');
  assert.equal(formatOutputValue('line1\nline2\n'), '<<EOT\nline1\nline2\n\nEOT');
  assert.equal(formatOutputValue([]), '[]');
  assert.equal(formatOutputValue(1.5), '1.5');
  assert.equal(formatOutputValue('demo'), '"demo"');
  assert.equal(formatOutputValue('${x}'), '"$${x}"');
  assert.equal(formatOutputValue(null), 'null');
});

test('types as terraform output -json writes them; -raw only for primitives', () => {
  assert.deepEqual(outputTypeJson({ k: 'v', longer: 2, nested: { x: [1] } }), ['object', { k: 'string', longer: 'number', nested: ['object', { x: ['tuple', ['number']] }] }]);
  assert.deepEqual(outputTypeJson([]), ['tuple', []]);
  assert.deepEqual(rawOutput('demo'), { text: 'demo' });
  assert.deepEqual(rawOutput(true), { text: 'true' });
  assert.match((rawOutput(['a']) as { problem: string }).problem, /only supports strings, numbers, and boolean values, but the output value is tuple/);
});

test('the outputs listing is sorted; sensitive outputs, declared or derived from a secret, print as <sensitive>', () => {
  const lines = outputLines({
    s: { value: 'sec', sensitive: true },
    o: { value: 'v', sensitive: false },
    d: { value: 'derived-secret', sensitive: false, valueSensitive: true },
    l: { value: ['a', { b: 1 }], sensitive: false },
  });
  // as terraform apply 1.11 printed the same outputs (d: as for an output derived from a secret)
  assert.equal(lines.join('\n'), 'd = <sensitive>\nl = [\n  "a",\n  {\n    "b" = 1\n  },\n]\no = "v"\ns = <sensitive>');
  assert.deepEqual(outputLines({}), []);
});
