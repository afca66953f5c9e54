// Strings (Unicode: NFC, grapheme clusters, case mapping), templates with strip markers, collections
// of mixed types, encodings and dates against Terraform 1.11.4: each row is an expression and what
// `terraform console` printed (strings without console's quotes; collections through jsonencode).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from './evaluate.ts';
import { parseExpression } from './parse.ts';
import { staticScope } from './scope.ts';
import { convert } from './convert.ts';
import type { Value } from './value.ts';

const scope = staticScope({}, { baseDir: '.', renderTemplate: () => null });
const hcl = (src: string): Value => evaluate(parseExpression(src), scope);
const show = (v: Value): string => (typeof v === 'string' ? v : (convert(v, 'string') as string));

const rows: [string, string][] = [
  ['length("e\\u0301")', '1'],
  ['length("👨‍👩‍👧‍👦")', '1'],
  ['length("🇩🇪🇫🇷")', '2'],
  ['upper("straße")', 'STRAßE'],
  ['lower("ΣΑΣ")', 'σασ'],
  ['title("hello wORLD ǆ")', 'Hello WORLD ǅ'],
  ['jsonencode(strrev("e\\u0301a"))', '"aé"'],
  ['substr("👨‍👩‍👧abc", 1, 2)', 'ab'],
  ['substr("héllo", -3, -1)', 'llo'],
  ['upper("ǆ")', 'Ǆ'],
  ['jsonencode(lower("İ"))', '"i"'],
  ['title("ǳabc")', 'ǲabc'],
  ['jsonencode(trimspace("\\u00a0 x \\u00a0"))', '"x"'],
  ['jsonencode(chomp("x\\r\\n\\r\\n"))', '"x"'],
  ['jsonencode(split("", ""))', '[]'],
  ['format("%5s|", "é")', '    é|'],
  ['format("%-5s|", "👍")', '👍    |'],
  ['format("%.2s", "e\\u0301xyz")', 'éx'],
  ['jsonencode(indent(2, "a\\nb\\n"))', '"a\\n  b\\n  "'],
  ['jsonencode("%{ for x in [1,2] ~}\\n  ${x}\\n%{~ endfor }")', '"12"'],
  ['jsonencode("%{ for x in [1,2] }\\n  ${x}\\n%{ endfor ~}\\nEND")', '"\\n  1\\n\\n  2\\nEND"'],
  ['jsonencode("%{if true}\\n%{~ for x in [1,2] ~}\\n[${x}]\\n%{~ endfor ~}\\n%{ endif }")', '"[1][2]"'],
  ['jsonencode("a ${~ "b" ~} c")', '"abc"'],
  ['jsonencode("a\\n  ${~ "b"}\\n")', '"ab\\n"'],
  ['jsonencode("%{ if false }x%{ else ~}   y   %{~ endif }")', '"y"'],
  ['jsonencode("%{ for k, v in {b=1, a=2} ~}${k}=${v},%{ endfor ~}")', '"a=2,b=1,"'],
  ['jsonencode("x %{~ if true ~} y %{~ endif ~} z")', '"xyz"'],
  ['jsonencode(concat([1], ["a"]))', '[1,"a"]'],
  ['jsonencode(tolist([1, "a", true]))', '["1","a","true"]'],
  ['[1, "a"] == tolist([1, "a"])', 'false'],
  ['coalesce(1, "a")', '1'],
  ['jsonencode(merge({a=1}, {a="x"}))', '{"a":"x"}'],
  ['jsonencode(flatten([[1], ["a"], [[true]]]))', '[1,"a",true]'],
  ['jsonencode(setunion([1], ["a"]))', '["1","a"]'],
  ['contains([1, 2], "1")', 'false'],
  ['jsonencode(distinct([1, "1", 1.0]))', '["1"]'],
  ['jsonencode(zipmap(["a", "b"], [1, "x"]))', '{"a":1,"b":"x"}'],
  ['jsonencode(tomap({a=1, b="x"}))', '{"a":"1","b":"x"}'],
  ['base64encode("héllo")', 'aMOpbGxv'],
  ['base64decode("aMOpbGxv")', 'héllo'],
  ['base64gzip("hello")', 'H4sIAAAAAAAA/8pIzcnJBwAAAP//AQAA//+GphA2BQAAAA=='],
  ['urlencode("a b&c=d/é~_-.")', 'a+b%26c%3Dd%2F%C3%A9~_-.'],
  ['jsonencode(csvdecode("a,b\\n1,\\"x,y\\"\\n"))', '[{"a":"1","b":"x,y"}]'],
  ['jsonencode(yamldecode("a: 1\\nb: 0x10\\nc: 1e3\\ne: ~\\nf: yes"))', '{"a":1,"b":16,"c":1000,"e":null,"f":true}'],
  ['jsonencode(yamldecode("- 123456789012345678901\\n- 0.1"))', '[123456789012345678901,0.1]'],
  ['jsonencode({a="<>&", b="\\u2028"})', '{"a":"\\u003c\\u003e\\u0026","b":"\\u2028"}'],
  ['textencodebase64("héllo", "UTF-16LE")', 'aADpAGwAbABvAA=='],
  ['formatdate("EEEE, DD-MMM-YY hh:mm:ss ZZZ", "2024-02-29T13:04:05Z")', 'Thursday, 29-Feb-24 13:04:05 UTC'],
  ['formatdate("h:mmaa", "2024-02-29T00:04:05+05:30")', '0:04am'],
  ['formatdate("YYYY-MM-DD\'T\'hh:mm:ssZ", "2024-02-29T13:04:05.123456789-07:00")', '2024-02-29T13:04:05-07:00'],
  ['formatdate("\'quoted\'\'s\' YYYY", "2024-01-01T00:00:00Z")', "quoted's 2024"],
  ['timeadd("2024-01-31T00:00:00Z", "720h")', '2024-03-01T00:00:00Z'],
  ['timeadd("2024-02-29T23:59:59Z", "1.5h")', '2024-03-01T01:29:59Z'],
  ['timeadd("2024-02-29T23:59:59Z", "-1h30m10.5s")', '2024-02-29T22:29:48Z'],
  ['timeadd("2024-02-29T23:59:59+02:00", "1ms")', '2024-02-29T23:59:59+02:00'],
  ['timecmp("2024-01-01T00:00:00Z", "2024-01-01T01:00:00+01:00")', '0'],
  ['timecmp("2024-01-01T00:00:00Z", "2023-12-31T23:59:59.999Z")', '1'],
  ['jsonencode("${"e"}\\u0301")', '"é"'],
  ['jsonencode(lower("E\\u0301"))', '"é"'],
  ['jsonencode(join("", ["e", "\\u0301"]))', '"é"'],
  ['length(join("", ["e", "\\u0301"]))', '1'],
  ['yamldecode("- 123456789012345678901\\n- 0.1\\n- 0x10\\n- 1e3\\n- -5\\n- 0o17")[0]', '123456789012345678901'],
  ['yamldecode("a: .inf").a', '+Inf'],
  ['yamldecode("a: 0.1").a + 0.2', '0.3'],
  ['formatdate("MMMM EEE", "2024-03-05T07:08:09Z")', 'March Tue'],
  ['jsonencode(sort(["b", "B", "é", "a", "10", "9"]))', '["10","9","B","a","b","é"]'],
  ['jsonencode(reverse(["a", 1]))', '[1,"a"]'],
  ['jsonencode(slice(["a","b","c"], 1, 3))', '["b","c"]'],
  ['jsonencode(range(0, 1, 0.25))', '[0,0.25,0.5,0.75]'],
  ['jsonencode(range(5, 0, -2))', '[5,3,1]'],
  ['jsonencode(chunklist([1,2,3,4,5], 2))', '[[1,2],[3,4],[5]]'],
  ['jsonencode(transpose({a=["1","2"], b=["2"]}))', '{"1":["a"],"2":["a","b"]}'],
  ['jsonencode(regexall("(\\\\d)(\\\\w)", "1a 2b"))', '[["1","a"],["2","b"]]'],
  ['jsonencode(regex("(?P<y>\\\\d{4})-(?P<m>\\\\d+)", "2024-03"))', '{"m":"03","y":"2024"}'],
  ['jsonencode(replace("héllo wörld", "/[éö]/", "_"))', '"h_llo w_rld"'],
  ['jsonencode(split("é", "aébéc"))', '["a","b","c"]'],
  ['jsonencode(trim("¡¡hi!!", "¡!"))', '"hi"'],
  ['jsonencode(trimprefix("ééx", "é"))', '"éx"'],
  ['jsonencode(title("o\'neil mcdonald-smith"))', '"O\'Neil Mcdonald-Smith"'],
  ['jsonencode(upper("ﬁ"))', '"ﬁ"'],
  ['jsonencode(lower("ẞ"))', '"ß"'],
];

// the message Terraform gives (after its "Invalid function argument"/"Error in function call" heading)
const errors: [string, string][] = [
  ['formatdate("D/M/YY h:m:s A", "2024-03-05T07:08:09Z")', 'invalid date format verb "A": must be "AA".'],
  ['tolist([1, [1]])', 'Invalid value for "v" parameter: cannot convert tuple to list of any single type.'],
  ['tomap({a=1, b=[1]})', 'Invalid value for "v" parameter: cannot convert object to map of any single type.'],
  ['concat([1], 1)', 'Invalid value for "seqs" parameter: all arguments must be lists or tuples; got number.'],
  ['coalesce(1, [1])', 'Call to function "coalesce" failed: all arguments must have the same type.'],
  ['setunion([1], [[1]])', 'Call to function "setunion" failed: given sets must all have compatible element types.'],
  ['distinct([1, [1]])', 'Invalid value for "list" parameter: all list elements must have the same type.'],
  ['merge({a=1}, [1])', 'Call to function "merge" failed: arguments must be maps or objects, got "tuple".'],
  ['index([1, 2], "x")', 'Call to function "index" failed: item not found.'],
  ['lookup({a=1}, "b")', 'Invalid value for "inputMap" parameter: the given object has no attribute "b".'],
  ['element([], 0)', 'Call to function "element" failed: cannot use element function with an empty list.'],
  ['max("a", 1)', 'Invalid value for "numbers" parameter: a number is required.'],
  ['sum([])', 'Invalid value for "list" parameter: cannot sum an empty list.'],
  ['keys([1])', 'Invalid value for "inputMap" parameter: must have map or object type.'],
  ['flatten(1)', 'Call to function "flatten" failed: can only flatten lists, sets and tuples.'],
  ['zipmap(["a"], [1, 2])', 'Call to function "zipmap" failed: number of keys (1) does not match number of values (2).'],
];

for (const [src, want] of rows) {
  test(`${src} is ${want.length > 60 ? want.slice(0, 57) + '...' : want} as in Terraform`, () => {
    assert.equal(show(hcl(src)), want);
  });
}

for (const [src, message] of errors) {
  test(`${src} fails with Terraform's wording`, () => {
    assert.throws(
      () => hcl(src),
      (e: unknown) => e instanceof Error && e.message.includes(message),
    );
  });
}
