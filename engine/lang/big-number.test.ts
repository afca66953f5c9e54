// Arbitrary-precision numbers against Terraform 1.11.4: each row is the expression and what
// `terraform console` printed for it (strings shown without console's quotes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from './evaluate.ts';
import { parseExpression } from './parse.ts';
import { staticScope } from './scope.ts';
import { convert } from './convert.ts';
import { BigNum, formatNum, type Num, numberFromText, numEquals } from './big-number.ts';
import { parseJson, stringifyJson } from './json-numbers.ts';
import type { Value } from './value.ts';

const scope = staticScope({}, { baseDir: '.', renderTemplate: () => null });
const hcl = (src: string): Value => evaluate(parseExpression(src), scope);
const show = (v: Value): string => (typeof v === 'string' ? v : (convert(v, 'string') as string));

const rows: [string, string][] = [
  ['123456789012345678', '123456789012345678'],
  ['jsonencode({big = 123456789012345678})', '{"big":123456789012345678}'],
  ['0.1 + 0.2', '0.3'],
  ['pow(2, 64)', '18446744073709550000'],
  ['"${pow(2,64)}"', '18446744073709550000'],
  ['pow(2, 53) + 1', '9007199254740993'],
  ['pow(2, 0.5)', '1.4142135623730951'],
  ['pow(2, 1000)', '10715086071862673' + '0'.repeat(285)],
  ['10/4', '2.5'],
  ['123456789012345678 + 1', '123456789012345679'],
  ['123456789012345678 * 10', '1234567890123456780'],
  ['12345678901234567890123 - 1', '12345678901234567890122'],
  ['0.12345678901234567890123', '0.12345678901234567890123'],
  ['tostring(123456789012345678)', '123456789012345678'],
  ['format("%d", 123456789012345678)', '123456789012345678'],
  ['format("%f", 0.1)', '0.100000'],
  ['jsondecode("123456789012345678901")', '123456789012345678901'],
  ['jsondecode("{\\"a\\":123456789012345678901}").a + 1', '123456789012345678902'],
  ['123456789012345678 == 123456789012345679', 'false'],
  ['123456789012345678 < 123456789012345679', 'true'],
  ['tonumber("123456789012345678901")', '123456789012345678901'],
  ['1e100', '1' + '0'.repeat(100)],
  ['1e20', '100000000000000000000'],
  ['9007199254740993', '9007199254740993'],
  ['-9007199254740993', '-9007199254740993'],
  ['1.5e300 * 1e10', '15' + '0'.repeat(309)],
  ['max(123456789012345678, 123456789012345679)', '123456789012345679'],
  ['floor(123456789012345678.5)', '123456789012345678'],
  ['abs(-123456789012345678)', '123456789012345678'],
  ['123456789012345678 % 10', '8'],
  ['"${123456789012345678}"', '123456789012345678'],
  ['1e-7', '0.0000001'],
  ['0.000001', '0.000001'],
  ['log(10, 10)', '1'],
  ['ceil(1e20)', '100000000000000000000'],
  ['parseint("123456789012345678901", 10)', '123456789012345678901'],
];

for (const [src, want] of rows) {
  test(`${src} is ${want} as in Terraform`, () => {
    assert.equal(show(hcl(src)), want);
  });
}

test('a number a double holds exactly stays a double (the fast path); others keep every digit', () => {
  assert.equal(typeof numberFromText('12345'), 'number');
  assert.equal(typeof numberFromText('0.1'), 'number');
  assert.equal(typeof numberFromText('9007199254740992'), 'number');
  assert.ok(numberFromText('9007199254740993') instanceof BigNum);
  assert.equal(typeof hcl('123456789012345678 - 123456789012345677'), 'number');
  assert.equal(formatNum(numberFromText('-0.00000000000000000000123')), '-0.00000000000000000000123');
});

test('big numbers compare, sort and deduplicate by value', () => {
  assert.equal(hcl('123456789012345678 == 123456789012345678'), true);
  assert.equal(hcl('123456789012345678 == tonumber("123456789012345678")'), true);
  assert.equal(show(hcl('jsonencode(sort([for n in toset([123456789012345679, 123456789012345678, 123456789012345678]) : tostring(n)]))')), '["123456789012345678","123456789012345679"]');
  assert.equal(show(hcl('length(toset([123456789012345678, 123456789012345678, 123456789012345679]))')), '2');
});

test('JSON in and out keeps every digit and never writes an exponent', () => {
  const v = parseJson('{"id": 123456789012345678901, "small": 5, "f": 0.30000000000000000001}') as Record<string, Value>;
  assert.ok(v.id instanceof BigNum);
  assert.equal(v.small, 5);
  assert.equal(stringifyJson(v), '{"id":123456789012345678901,"small":5,"f":0.30000000000000000001}');
  assert.equal(stringifyJson({ a: 1e21, b: 1e-7, c: 'bignum-x-0' }, undefined, true), '{"a":1000000000000000000000,"b":0.0000001,"c":"bignum-x-0"}');
  assert.equal(stringifyJson({ a: 1e21, p: 2 ** 64 }), '{"a":1e+21,"p":18446744073709552000}', 'state keeps the digits that read back as the same double');
  // a double stands for its shortest decimal, which is what reads back
  assert.ok(numEquals((parseJson(stringifyJson({ p: 2 ** 64, id: numberFromText('123456789012345678901') })) as { p: Num }).p, 2 ** 64));
  assert.equal(stringifyJson([1, 2]), '[1,2]');
});

test('output JSON prints a big power of two as Terraform does', () => {
  assert.equal(stringifyJson({ pow: 2 ** 64, neg: -(2 ** 64), n: 2 ** 60 + 2 ** 10 }, undefined, true), '{"pow":18446744073709550000,"neg":-18446744073709550000,"n":1152921504606848000}');
});
