// regex, regexall and replace against Terraform 1.11: each row is an HCL expression and what
// `terraform console` printed for it (null stands for tostring(null); an Error row holds a part
// of Terraform's message).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate } from '../evaluate.ts';
import { ExpressionError } from '../expression-error.ts';
import { parseExpression } from '../parse.ts';
import { staticScope } from '../scope.ts';
import type { Value } from '../value.ts';
import { testContext } from './test-call.ts';

const hcl = (src: string): Value => evaluate(parseExpression(src), staticScope({}, testContext()));

const rows: [string, Value | Error][] = [
  [String.raw`regex("\\Q.*\\E", "a.*b")`, '.*'],
  [String.raw`regex("[[:^alpha:]]+", "abc123def")`, '123'],
  [String.raw`regex("(?P<year>\\d{4})-(?P<month>\\d{2})", "on 2024-05 ok")`, { year: '2024', month: '05' }],
  [String.raw`regex("(\\d+)-(\\d+)?x", "12-x")`, ['12', null]],
  [String.raw`regex("(?P<a>\\d+)(?P<b>z)?", "12")`, { a: '12', b: null }],
  [String.raw`regex("(a)|(b)", "b")`, [null, 'b']],
  [String.raw`regex("", "abc")`, ''],
  [String.raw`regex("(?i)HELLO", "say hello")`, 'hello'],
  [String.raw`regex("^\\pL+", "héllo1")`, 'héllo'],
  [String.raw`regex("\\A\\w+\\z", "abc")`, 'abc'],
  [String.raw`regex("(?m)^b$", "a\nb\nc")`, 'b'],
  [String.raw`regex("(?s)a.b", "a\nb")`, 'a\nb'],
  [String.raw`regex("(?U)a+", "aaa")`, 'a'],
  [String.raw`regex("[[:word:]]+", "a_b-c")`, 'a_b'],
  [String.raw`regex("[[:alpha:]]+", "héllo")`, 'h'],
  [String.raw`regex("\\d+", "٣3")`, '3'],
  [String.raw`regex("a{2,3}", "aaaa")`, 'aaa'],
  [String.raw`regex("\\x{61}", "a")`, 'a'],
  [String.raw`regex("[\\d-z]+", "1-z")`, '1-z'],
  [String.raw`regex("\\bfoo\\b", "a foo b")`, 'foo'],
  [String.raw`regexall("a*", "baaab")`, ['', 'aaa', '']],
  [String.raw`regexall("", "ab")`, ['', '', '']],
  [
    String.raw`regexall("(a)(b)?", "aab")`,
    [
      ['a', null],
      ['a', 'b'],
    ],
  ],
  [
    String.raw`regexall("(?P<k>\\w)=(?P<v>\\d)", "a=1 b=2")`,
    [
      { k: 'a', v: '1' },
      { k: 'b', v: '2' },
    ],
  ],
  [String.raw`replace("hello world", "/o(\\w)?/", "[$1]")`, 'hell[] w[r]ld'],
  [String.raw`replace("abc", "/b/", "$$")`, 'a$c'],
  [String.raw`replace("abc", "/(b)/", "$1x")`, 'ac'],
  [String.raw`replace("aaa", "/a*/", "-")`, '-'],
  [String.raw`replace("abc", "//", "-")`, '-a-b-c-'],
  [String.raw`replace("xaaay", "/a*?/", "-")`, '-x-a-a-a-y-'],
  [String.raw`replace("日本", "/(?:)/", "-")`, '-日-本-'],
  [String.raw`replace("a.b", "/./", "$")`, '$$$'],
  [String.raw`replace("ab", "/(a)/", "$-")`, '$-b'],
  [String.raw`replace("ab", "/(a)/", "$2|")`, '|b'],
  [String.raw`replace("ab", "/(a)/", "$1_|")`, '|b'],
  [String.raw`replace("ab", "/(?P<n>a)/", "$n-")`, 'a-b'],
  ['replace("abcabc", "/(?P<x>b)/", "<$${x}>")', 'a<b>ca<b>c'],
  [String.raw`replace("ab", "a", "$1")`, '$1b'],
  [String.raw`can(regex("(?<=a)b", "ab"))`, false],
  [String.raw`can(regex("(a", "ab"))`, false],
  [String.raw`regex("(?P<a>x)(y)", "xy")`, new Error('cannot mix both named and unnamed capture groups')],
  [String.raw`regex("a{1001}", "a")`, new Error('invalid regexp pattern')],
  [String.raw`regex("\\C", "a")`, new Error('invalid regexp pattern')],
  [String.raw`regex("\\8", "a")`, new Error('invalid regexp pattern')],
  [String.raw`regex("(?i)straße", "STRASSE")`, new Error('pattern did not match any part of the given string')],
];

describe('regular expressions follow RE2 and Terraform', () => {
  for (const [src, want] of rows) {
    it(src, () => {
      if (want instanceof Error) {
        assert.throws(
          () => hcl(src),
          (e: unknown) => e instanceof ExpressionError && e.message.includes(want.message),
        );
      } else assert.deepEqual(hcl(src), want);
    });
  }

  it('runs in linear time: a catastrophic-backtracking pattern answers at once', () => {
    // with a backtracking engine this takes minutes (2^40 paths); RE2 is linear in the input
    const input = 'a'.repeat(40) + 'b';
    assert.equal(hcl(`can(regex("^(a+)+$", "${input}"))`), false);
    assert.deepEqual(hcl(`regexall("(x+x+)+y", "${'x'.repeat(5000)}")`), []);
  });
});
