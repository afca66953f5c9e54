import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findJsonError, findTooDeep, lineColumn, parseJsonText, readJsonFile } from './read-json-file.ts';
import { SynthError } from './synth-error.ts';
import { makeTempDir } from '../../test/helpers/temp-dir.ts';

test('valid JSON parses, a BOM is tolerated', () => {
  assert.deepEqual(parseJsonText('\ufeff{"a":[1,true,null,"x"]}', 'f.json'), { a: [1, true, null, 'x'] });
});

test('findJsonError points at the offending character', () => {
  assert.deepEqual(findJsonError('{"a":}'), { offset: 5, reason: 'unexpected character "}"' });
  assert.equal(findJsonError('{"a":1,\n "b": tru}').offset, 17);
  assert.equal(findJsonError('{"a":1,}').reason, 'expected a double-quoted property name');
  assert.deepEqual(findJsonError('{"a": [1, 2'), { offset: 11, reason: 'unexpected end of input' });
  assert.equal(findJsonError('{"a":1} x').reason, 'unexpected text after the JSON value');
  assert.equal(findJsonError('"bad \\q"').reason, 'invalid escape');
  assert.equal(findJsonError('01').reason, 'unexpected text after the JSON value');
});

test('lineColumn is 1-based', () => {
  assert.deepEqual(lineColumn('ab\ncd', 0), { line: 1, column: 1 });
  assert.deepEqual(lineColumn('ab\ncd', 4), { line: 2, column: 2 });
});

test('malformed JSON names the file and position but does not quote the text', () => {
  const text = '{\n  "password": "hunter2",\n  "x": }';
  assert.throws(
    () => parseJsonText(text, '/some/cdk.tf.json', 'stack JSON'),
    (e: unknown) => {
      assert.ok(e instanceof SynthError);
      assert.match(e.message, /malformed stack JSON \/some\/cdk\.tf\.json/);
      assert.match(e.message, /line 3, column 8/);
      assert.doesNotMatch(e.message, /hunter2/);
      return true;
    },
  );
});

test('readJsonFile returns bytes and reports a missing file by name', async () => {
  const dir = await makeTempDir();
  const f = join(dir, 'a.json');
  await writeFile(f, '{"k": "v"}');
  const r = await readJsonFile(f);
  assert.deepEqual(r.json, { k: 'v' });
  assert.equal(r.bytes.toString(), '{"k": "v"}');
  await assert.rejects(readJsonFile(join(dir, 'nope.json'), 'manifest'), /cannot read manifest .*nope\.json: file does not exist/);
});

test('JSON nested deeper than the documented limit is refused with its position, not a stack overflow', () => {
  const text = '{"locals":{"x":' + '['.repeat(3000) + ']'.repeat(3000) + '}}';
  assert.throws(
    () => parseJsonText(text, 'main.tf.json', 'Terraform JSON'),
    (e: unknown) => e instanceof SynthError && /nested too deeply \(more than 256 levels of arrays and objects\) at line 1, column 270/.test(e.message),
  );
  // brackets inside strings do not count
  assert.deepEqual(parseJsonText(JSON.stringify({ s: '['.repeat(3000) + '"\\' }), 'f.json'), { s: '['.repeat(3000) + '"\\' });
  assert.equal(findTooDeep('[[["]]]"]]]', 3), -1);
  assert.equal(findTooDeep('[[[[]]]]', 3), 3);
});
