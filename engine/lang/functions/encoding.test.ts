import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { Unknown, type Value } from '../value.ts';
import { FunctionArgumentError } from './function.ts';
import { call } from './test-call.ts';

const fails = (name: string, args: Value[], message: RegExp) =>
  assert.throws(
    () => call(name, ...args),
    (e: unknown) => e instanceof FunctionArgumentError && message.test(e.message),
  );

// Expected values below were taken from `terraform console` (v1.11).
describe('encoding functions', () => {
  it('jsonencode sorts keys, escapes HTML characters and prints plain numbers', () => {
    assert.equal(call('jsonencode', { b: '<a&>', a: 1.5, c: [1e21, 0.1, 1e-7, null, true] }), '{"a":1.5,"b":"\\u003ca\\u0026\\u003e","c":[1000000000000000000000,0.1,0.0000001,null,true]}');
    assert.equal(call('jsonencode', { '\u2028': '\t\u0001é' }), '{"\\u2028":"\\t\\u0001é"}');
    assert.equal(call('jsonencode', null), 'null');
    assert.ok(call('jsonencode', [new Unknown()]) instanceof Unknown);
  });

  it('jsondecode', () => {
    assert.deepEqual(call('jsondecode', '{"a":[1,"x",null,true]}'), { a: [1, 'x', null, true] });
    fails('jsondecode', ['[1, 2'], /invalid JSON/);
  });

  it('yamlencode matches Terraform output', () => {
    assert.equal(
      call('yamlencode', {
        a: 'x',
        b: ['1', 'true', '', 'a: b', 3, null, true],
        c: { d: 'multi\nline\n', e: 'no trailing\nnewline' },
        e: 1e10,
        g: [],
        h: {},
        i: [[1, 2], { x: 1 }],
        j: '  indented\nline\n',
      }),
      [
        '"a": "x"',
        '"b":',
        '- "1"',
        '- "true"',
        '- ""',
        '- "a: b"',
        '- 3',
        '- null',
        '- true',
        '"c":',
        '  "d": |',
        '    multi',
        '    line',
        '  "e": |-',
        '    no trailing',
        '    newline',
        '"e": 10000000000',
        '"g": []',
        '"h": {}',
        '"i":',
        '- - 1',
        '  - 2',
        '- "x": 1',
        '"j": |2',
        '    indented',
        '  line',
        '',
      ].join('\n'),
    );
    assert.equal(call('yamlencode', { a: 1 }), '"a": 1\n');
    assert.equal(call('yamlencode', ['a', 'x\ny']), '- "a"\n- |-\n  x\n  y\n');
    assert.equal(call('yamlencode', 'x\ny'), '|-\n  x\n  y\n');
    assert.equal(call('yamlencode', 5), '5\n...\n');
    assert.equal(call('yamlencode', { a: {}, b: [[]], c: [{}] }), '"a": {}\n"b":\n- []\n"c":\n- {}\n');
    assert.equal(call('yamlencode', ['a \nb', 'a\tb\nc', '\u0001', 'x\r\ny']), '- "a \\nb"\n- "a\\tb\\nc"\n- "\\x01"\n- "x\\r\\ny"\n');
    assert.equal(call('yamlencode', ['\n', 'x\n\n', '\nlead', 'a\n\nb']), '- |2+\n\n- |+\n  x\n\n- |2-\n\n  lead\n- |-\n  a\n\n  b\n');
  });

  it('yamlencode folds long double-quoted strings after column 80', () => {
    const words = 'aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh iiiiiiiiii';
    assert.equal(call('yamlencode', [words]), '- "aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh\n  iiiiiiiiii"\n');
  });

  it('yamldecode uses YAML 1.1 scalars like Terraform', () => {
    assert.deepEqual(call('yamldecode', 'a: yes\nb: on\nc: 0x10\nf: ~\nh: [1, "x"]\ni: 1.5e3'), { a: true, b: true, c: 16, f: null, h: [1, 'x'], i: 1500 });
    fails('yamldecode', [''], /missing start of document/);
    fails('yamldecode', ['a: [1'], /./);
  });

  it('csvdecode', () => {
    assert.deepEqual(call('csvdecode', 'a,b\n1,"x,y"\n3,4\n'), [
      { a: '1', b: 'x,y' },
      { a: '3', b: '4' },
    ]);
    fails('csvdecode', ['a,b\n1\n'], /line 2: wrong number of fields/);
  });

  it('base64 and gzip', () => {
    assert.equal(call('base64encode', 'héllo'), 'aMOpbGxv');
    assert.equal(call('base64decode', 'aMOpbGxv'), 'héllo');
    fails('base64decode', ['/w=='], /not valid UTF-8/);
    fails('base64decode', ['abc'], /failed to decode base64 data "abc"/);
    assert.equal(gunzipSync(Buffer.from(call('base64gzip', 'hello') as string, 'base64')).toString(), 'hello');
  });

  it('urlencode escapes like Go url.QueryEscape', () => {
    assert.equal(call('urlencode', "~!*()';:@&=+$,/?#[] é"), '~%21%2A%28%29%27%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D+%C3%A9');
    assert.equal(call('urlencode', 'a b/c?d=é~_-.!*()'), 'a+b%2Fc%3Fd%3D%C3%A9~_-.%21%2A%28%29');
  });
});

describe('base64gzip writes the stream Terraform writes', () => {
  it('header, sync flush, final stored block and trailer are byte-identical (Terraform 1.11)', () => {
    assert.equal(call('base64gzip', 'hello'), 'H4sIAAAAAAAA/8pIzcnJBwAAAP//AQAA//+GphA2BQAAAA==');
    assert.equal(call('base64gzip', ''), 'H4sIAAAAAAAA/wAAAP//AQAA//8AAAAAAAAAAA==');
    const long = 'é'.repeat(1000);
    assert.equal(gunzipSync(Buffer.from(call('base64gzip', long) as string, 'base64')).toString('utf8'), long);
  });
});
