import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from './lexer.ts';
import { ExpressionError } from './expression-error.ts';

const types = (src: string, asTemplate = true) => scan(src, asTemplate).map((t) => `${t.type}:${t.text}`);

test('a template splits into literals, interpolations and directives', () => {
  assert.deepEqual(types('a${b}c%{if x}y%{endif}'), [
    'literal:a',
    'interp:${',
    'ident:b',
    'close:}',
    'literal:c',
    'directive:%{',
    'ident:if',
    'ident:x',
    'close:}',
    'literal:y',
    'directive:%{',
    'ident:endif',
    'close:}',
    'eof:',
  ]);
});

test('escapes $${ and %%{ are literal text; backslashes are literal in a top-level template', () => {
  assert.deepEqual(types('$${a} %%{b} \\n'), ['literal:${a} %{b} \\n', 'eof:']);
});

test('quoted strings inside expressions decode backslash escapes and nest templates', () => {
  const toks = scan('${f("a\\"b\\n\\u00e9", "${x}")}', true);
  assert.deepEqual(
    toks.map((t) => `${t.type}:${t.text}`),
    ['interp:${', 'ident:f', 'punct:(', 'oquote:"', 'literal:a"b\né', 'cquote:"', 'punct:,', 'oquote:"', 'interp:${', 'ident:x', 'close:}', 'cquote:"', 'punct:)', 'close:}', 'eof:'],
  );
});

test('braces of object constructors do not end the interpolation', () => {
  assert.deepEqual(types('${{a = {b = 1}}}x'), ['interp:${', 'punct:{', 'ident:a', 'punct:=', 'punct:{', 'ident:b', 'punct:=', 'number:1', 'punct:}', 'punct:}', 'close:}', 'literal:x', 'eof:']);
});

test('strip markers trim whitespace of the neighbouring literals', () => {
  assert.deepEqual(types('a  ${~ x ~}  b'), ['literal:a', 'interp:${~', 'ident:x', 'close:~}', 'literal:b', 'eof:']);
  // HCL scans template text one line at a time: a marker trims only up to the end of the neighbouring line
  assert.deepEqual(types('a  ${~ x ~}  \n b'), ['literal:a', 'interp:${~', 'ident:x', 'close:~}', 'literal: b', 'eof:']);
  // a literal that becomes empty disappears
  assert.deepEqual(types('  ${~x}'), ['interp:${~', 'ident:x', 'close:}', 'eof:']);
});

test('identifiers may contain dashes; numbers have fractions and exponents', () => {
  assert.deepEqual(types('a-b 1.5e3 2. x', false), ['ident:a-b', 'number:1.5e3', 'number:2', 'punct:.', 'ident:x', 'eof:']);
});

test('operators take the longest match and invalid ones get their own token', () => {
  assert.deepEqual(types('a === b ... => <= && || & ', false), ['ident:a', 'invalid:===', 'ident:b', 'punct:...', 'punct:=>', 'punct:<=', 'punct:&&', 'punct:||', 'invalid:&', 'eof:']);
});

test('comments are skipped and newlines are recorded', () => {
  const toks = scan('a # c\n b /* x\n */ c // d', false);
  assert.deepEqual(
    toks.map((t) => [t.text, t.newlineBefore]),
    [
      ['a', false],
      ['b', true],
      ['c', true],
      ['', false],
    ],
  );
});

test('offsets are 0-based into the source', () => {
  const toks = scan('ab${cd}', true);
  assert.deepEqual(
    toks.map((t) => [t.start, t.end]),
    [
      [0, 2],
      [2, 4],
      [4, 6],
      [6, 7],
      [7, 7],
    ],
  );
});

test('unterminated strings and bad escapes are errors with a position', () => {
  assert.throws(
    () => scan('${"abc}', true),
    (e: unknown) => e instanceof ExpressionError && /Unterminated string/.test(e.message) && e.range?.start === 3,
  );
  assert.throws(
    () => scan('${"a\\qb"}', true),
    (e: unknown) => e instanceof ExpressionError && /Invalid escape sequence/.test(e.message) && e.range?.start === 5,
  );
  assert.throws(() => scan('${"a\nb"}', true), /Invalid multi-line string/);
});
