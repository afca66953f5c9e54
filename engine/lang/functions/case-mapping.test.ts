// upper, lower, title, length, strrev and substr on Unicode text, against Terraform 1.11
// (`terraform console`): simple per-code-point case mapping, grapheme clusters for counting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate } from '../evaluate.ts';
import { parseExpression } from '../parse.ts';
import { staticScope } from '../scope.ts';
import type { Value } from '../value.ts';
import { testContext } from './test-call.ts';

const hcl = (src: string): Value => evaluate(parseExpression(src), staticScope({}, testContext()));

const rows: [string, Value][] = [
  ['upper("straße")', 'STRAßE'],
  ['upper("ǆemal")', 'ǄEMAL'],
  ['title("ǆemal ǉubljana")', 'ǅemal ǈubljana'],
  ['lower("İSTANBUL")', 'istanbul'],
  ['upper("ᾳ")', 'ᾼ'],
  ['upper("ﬁne")', 'ﬁNE'],
  ['lower("ΟΔΟΣ")', 'οδοσ'],
  ['upper("ŉ")', 'ŉ'],
  ['title("hello wörld-foo_bar ßa")', 'Hello Wörld-Foo_bar ßa'],
  ['lower("ẞ")', 'ß'],
  ['upper("ı")', 'I'],
  ['lower("K")', 'k'],
  ['upper("ǅ")', 'Ǆ'],
  ['lower("ǅ")', 'ǆ'],
  ['title("ǳ")', 'ǲ'],
  ['length("e\\u0301")', 1],
  ['length("👩‍👩‍👧‍👦")', 1],
  ['length("🇫🇷🇩🇪")', 2],
  ['strrev("e\\u0301a")', 'a\u00e9'], // cty normalizes strings to NFC
  ['strrev("👩‍👩‍👧‍👦x🇫🇷")', '🇫🇷x👩‍👩‍👧‍👦'],
  ['substr("a👩‍👩‍👧‍👦e\\u0301b", 1, 2)', '👩‍👩‍👧‍👦\u00e9'],
  ['length("\\r\\n")', 1],
  ['length("각")', 1],
];

describe('Unicode case mapping and grapheme clusters', () => {
  for (const [src, want] of rows) it(src, () => assert.equal(hcl(src), want));
});
