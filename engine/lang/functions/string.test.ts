import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markSet, Sensitive, Unknown, type Value } from '../value.ts';
import { FunctionArgumentError } from './function.ts';
import { call } from './test-call.ts';

const fails = (name: string, args: Value[], message: RegExp) =>
  assert.throws(
    () => call(name, ...args),
    (e: unknown) => e instanceof FunctionArgumentError && message.test(e.message),
  );

// Expected values below were taken from `terraform console` (v1.11).
describe('string functions', () => {
  it('join and split', () => {
    assert.equal(call('join', ', ', ['a', 'b'], ['c']), 'a, b, c');
    assert.equal(call('join', ',', []), '');
    assert.equal(call('join', '-', [1, true]), '1-true');
    fails('join', [','], /at least one list/);
    fails('join', [',', ['a', null]], /null/);
    assert.deepEqual(call('split', ',', 'a,b,,c'), ['a', 'b', '', 'c']);
    assert.deepEqual(call('split', '', 'abc'), ['a', 'b', 'c']);
    assert.deepEqual(call('split', ',', ''), ['']);
  });

  it('format verbs, flags, width and precision', () => {
    assert.equal(
      call('format', '%5.2f|%-5s|%05d|%x|%X|%q|%v|%t|%%|%e|%o|%b', 3.14159, 'ab', 42, 255, 255, 'hi\n', [1, 'a'], true, 12345.678, 8, 5),
      ' 3.14|ab   |00042|ff|FF|"hi\\n"|[1,"a"]|true|%|1.234568e+04|10|101',
    );
    assert.equal(call('format', '%08.3f|%-8d|%+.1e', -3.14159, 42, 12345), '-003.142|42      |+1.2e+04');
    assert.equal(call('format', '%g|%g|%g|%.3g', 1234567, 0.00001, 100, 3.14159), '1.234567e+06|1e-05|100|3.14');
    assert.equal(call('format', '%+d % d %8.3s|', 5, 5, 'abcdef'), '+5  5      abc|');
    assert.equal(call('format', '%[2]s %[1]s', 'a', 'b'), 'b a');
    assert.equal(call('format', '%d', '12'), '12');
    assert.equal(call('format', '%s', 1.5), '1.5');
    assert.equal(call('format', '%v', { a: 1 }), '{"a":1}');
    assert.equal(call('format', '%q', 5), '"5"');
    assert.equal(call('format', '%x', -255), '-ff');
    assert.equal(call('format', '%10.3e', 5), ' 5.000e+00');
  });

  it('format errors', () => {
    fails('format', ['%d', 1.5], /unsupported value for "%d" at 0: an integer is required/);
    fails('format', ['%s'], /not enough arguments for "%s" at 0: need index 1 but have 0 total/);
    fails('format', ['%s %s', 'a'], /not enough arguments for "%s" at 3: need index 2 but have 1 total/);
    fails('format', ['a', 1], /too many arguments; no verbs in format string/);
    fails('format', ['%z', 1], /unsupported format verb 'z'/);
    fails('format', ['%s', [1]], /string required/);
    fails('format', ['%d', true], /number required/);
  });

  it('formatlist', () => {
    // terraform 1.11 plan, u unknown: formatlist("%s-%s", [u, "x"], "y") => [(known after apply), "x-y"]
    const rows = call('formatlist', '%s-%s', [new Unknown(), 'x'], 'y') as Value[];
    assert.ok(rows.length === 2 && rows[0] instanceof Unknown && rows[1] === 'x-y');
    assert.ok(call('formatlist', '%s', new Unknown()) instanceof Unknown);
    assert.ok(call('formatlist', '%s', markSet(['x', new Unknown()])) instanceof Unknown); // formatlist("%s", toset([u, "x"]))
    assert.deepEqual(call('formatlist', '%s-%s', ['a', 'b'], 'x'), ['a-x', 'b-x']);
    fails('formatlist', ['%s-%s', ['a', 'b'], ['x']], /argument 2 has length 1, which is inconsistent with argument 1 of length 2/);
  });

  it('case functions', () => {
    assert.equal(call('lower', 'HÉllo'), 'héllo');
    assert.equal(call('upper', 'héllo'), 'HÉLLO');
    assert.equal(call('title', 'hello wOrld-foo_bar 1st'), 'Hello WOrld-Foo_bar 1st');
  });

  it('replace, plain and regex', () => {
    assert.equal(call('replace', 'a-b-c', '-', '+'), 'a+b+c');
    assert.equal(call('replace', 'hello world', '/o(.)/', '0$1$${1}'), 'hell0 ${1}w0r${1}ld');
    assert.equal(call('replace', 'abc', '/(?P<x>b)/', '[$x]'), 'a[b]c');
    assert.equal(call('replace', 'abc', '/B/', 'x'), 'abc');
    assert.equal(call('replace', 'aBc', '/(?i)b/', 'x'), 'axc');
    fails('replace', ['abc', '/(/', 'x'], /invalid regexp pattern: .*missing closing \)/);
  });

  it('substr is unicode-aware', () => {
    assert.equal(call('substr', 'hello world', 1, 4), 'ello');
    assert.equal(call('substr', '🤔🤷', 0, 1), '🤔');
    assert.equal(call('substr', 'hello', -3, -1), 'llo');
    assert.equal(call('substr', 'hello', 1, 10), 'ello');
    assert.equal(call('substr', 'hello', 10, 2), '');
    fails('substr', ['hello', 1.5, 1], /whole number/);
  });

  it('trimming', () => {
    assert.equal(call('trim', '?!hello?!', '!?'), 'hello');
    assert.equal(call('trimspace', '  \n hi \t\n'), 'hi');
    assert.equal(call('trimprefix', 'helloworld', 'hello'), 'world');
    assert.equal(call('trimprefix', 'helloworld', 'x'), 'helloworld');
    assert.equal(call('trimsuffix', 'helloworld', 'world'), 'hello');
    assert.equal(call('chomp', 'a\n\r\n\n'), 'a');
    assert.equal(call('chomp', 'a\nb'), 'a\nb');
  });

  it('indent and predicates', () => {
    assert.equal(call('indent', 2, 'a\nb\n'), 'a\n  b\n  ');
    assert.equal(call('startswith', 'hello', 'he'), true);
    assert.equal(call('endswith', 'hello', 'he'), false);
    assert.equal(call('strcontains', 'hello', 'll'), true);
  });

  it('regex results depend on the groups', () => {
    assert.deepEqual(call('regex', '(?P<a>[a-z]+)-(?P<b>\\d+)', 'xx abc-123'), { a: 'abc', b: '123' });
    assert.deepEqual(call('regex', '([a-z]+)-(\\d+)', 'xx abc-123'), ['abc', '123']);
    assert.equal(call('regex', '[a-z]+', '123 abc'), 'abc');
    assert.equal(call('regex', '[[:digit:]]+\\.', 'v12.'), '12.');
    assert.equal(call('regex', '\\A\\pL+\\z', 'héllo'), 'héllo');
    fails('regex', ['x', 'abc'], /pattern did not match any part of the given string/);
    assert.deepEqual(call('regexall', '[a-z]+', 'a1bc2'), ['a', 'bc']);
    assert.deepEqual(call('regexall', '(\\d)(\\d)?', '1 23'), [
      ['1', null],
      ['2', '3'],
    ]);
    assert.deepEqual(call('regexall', 'x', 'abc'), []);
  });

  it('strrev reverses by character', () => {
    assert.equal(call('strrev', 'héllo'), 'olléh');
    assert.equal(call('strrev', 'a🤔b'), 'b🤔a');
  });

  it('unknown and sensitive arguments', () => {
    assert.ok(call('format', '%s', new Unknown()) instanceof Unknown);
    const s = call('replace', new Sensitive('secret'), 'e', '3');
    assert.ok(s instanceof Sensitive && s.value === 's3cr3t');
  });

  it('length, substr and format widths count grapheme clusters, with and without the plain-ASCII fast path', () => {
    assert.equal(call('length', 'abc'), 3);
    assert.equal(call('length', 'a\r\nb'), 3, 'CR LF is one cluster');
    assert.equal(call('length', 'a\tb\n'), 4);
    assert.equal(call('length', 'e\u0301x'), 2, 'a combining accent joins its letter');
    assert.equal(call('substr', 'e\u0301xyz', 1, 2), 'xy');
    assert.equal(call('format', '%4s|%-4s|', 'x\u0301', 'ab'), '   x\u0301|ab  |', 'x + combining accent (no precomposed form) is one cluster wide');
    assert.equal(call('format', '%.2s', 'a\r\nb'), 'a\r\n');
  });
});
