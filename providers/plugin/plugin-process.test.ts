import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHandshake } from './plugin-process.ts';
import { LineTail, levelThreshold, parseLogLine } from './stderr-log.ts';

test("go-plugin's negotiation line", () => {
  assert.deepEqual(parseHandshake('1|6|unix|/tmp/plugin123|grpc|MIIB\n', [6, 5]), { core: 1, protocol: 6, network: 'unix', address: '/tmp/plugin123', serverCert: 'MIIB' });
  assert.equal(parseHandshake('1|5|tcp|127.0.0.1:1234|grpc||true', [6, 5]).serverCert, undefined);
  assert.throws(() => parseHandshake('1|4|unix|/x|grpc|', [6, 5]), /protocol version 4; Ballast speaks 6 and 5/);
  assert.throws(() => parseHandshake('1|5|unix|/x|netrpc|', [6, 5]), /"netrpc" protocol/);
  assert.throws(() => parseHandshake('2|5|unix|/x|grpc|', [6, 5]), /core protocol 2/);
  assert.throws(() => parseHandshake('Usage: not a plugin', [6, 5]), /did not answer with a plugin handshake/);
});

test('stderr lines keep their level; a panic is kept from its first line', () => {
  assert.deepEqual(parseLogLine('{"@level":"warn","@message":"careful","@module":"provider","k":1}'), { level: 'warn', message: 'careful', fields: { k: 1 } });
  assert.equal(parseLogLine('panic: boom').level, 'error');
  assert.equal(levelThreshold('JSON'), 'trace');
  assert.equal(levelThreshold(undefined), undefined);
  const tail = new LineTail(3);
  for (const l of ['a', 'panic: boom', '', 'goroutine 1', 'frame', 'frame', 'frame']) tail.push(l);
  assert.deepEqual(tail.get(), ['panic: boom', '', 'goroutine 1']);
});
