// Arbitrary-precision numbers against Terraform 1.11.4: each row is the expression and what
// `terraform console` printed for it (strings shown without console's quotes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from './evaluate.ts';
import { parseExpression } from './parse.ts';
import { staticScope } from './scope.ts';
import { convert } from './convert.ts';
import { BigNum, bitLength, formatNum, fromBin, type Num, numberFromText, numEquals, parseDecimal, rounded, shortestDecimal, walkShortest } from './big-number.ts';
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
  // a bare number, and one after a delimiter and white space, take the lossless path too
  assert.ok(parseJson(' 123456789012345678901') instanceof BigNum);
  assert.ok((parseJson('[1,\n  -1.5e400]') as Value[])[1] instanceof BigNum);
  assert.equal(parseJson('"1234567890123456789012"'), '1234567890123456789012', 'digits inside a string stay a string');
});

test('output JSON prints a big power of two as Terraform does', () => {
  assert.equal(stringifyJson({ pow: 2 ** 64, neg: -(2 ** 64), n: 2 ** 60 + 2 ** 10 }, undefined, true), '{"pow":18446744073709550000,"neg":-18446744073709550000,"n":1152921504606848000}');
});

// Results where a double would print otherwise than Terraform (terraform console 1.11): a 512-bit
// result next to a short decimal is not that decimal, and some results are doubles after all.
const nearDoubles: [string, string][] = [
  ['0.3 - 0.1', '0.2' + '0'.repeat(153) + '2'],
  ['1.1 * 1.1', '1.21' + '0'.repeat(151) + '1'],
  ['3 * 1.1', '3.3' + '0'.repeat(152) + '2'],
  ['0.1 * 0.1', '0.01' + '0'.repeat(153) + '1'],
  ['0.1 + 0.7', '0.8'],
  ['4.35 * 100', '435'],
  ['1.005 * 1000', '1005'],
  ['0.57 * 100', '57'],
  ['1 / 3 * 3', '1'],
  ['1e-7 + 1e-8', '0.00000011'],
  ['0.07 * 99999', '6999.93'],
  ['99999 * 0.07 - 0.3', '6999.63' + '0'.repeat(148) + '3'],
  ['0.30000000000000004 + 0', '0.30000000000000004'],
  ['0.1 + 0.2 - 0.3', '0'],
  ['1e300 * 1e-310', '0.0000000001' + '0'.repeat(154) + '5'],
  ['1.5 * 999.99 + 0.1', '1500.085'],
  ['2 / 3 + 0.1', '0.7' + '6'.repeat(152) + '7'],
  ['1.23456789012345678 + 0', '1.23456789012345678'],
];

for (const [src, want] of nearDoubles) {
  test(`${src} prints as in Terraform (not as the nearest double)`, () => {
    assert.equal(show(hcl(src)), want);
    assert.equal(show(hcl(`tostring(${src})`)), want);
  });
}

// The shortcut in shortestDecimal and fromBin (the nearest double's text, checked against the
// rounding interval) must give what the digit walk gives, also right next to short decimals.
test('shortestDecimal and fromBin agree with the digit walk', () => {
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const bits = (n: number): bigint => {
    let m = 1n;
    for (let i = 1; i < n; i++) m = (m << 1n) | (random() < 0.5 ? 1n : 0n);
    return m;
  };
  // what fromBin gave before the shortcut: a double when the shortest decimal is short
  const reference = (b: BigNum): Num => {
    if (b.m === 0n || b.e >= 0 || b.prec !== 512) return fromBin(b);
    const d = walkShortest(b);
    if (d.digits.length > 15 || d.exp > 21 || d.exp < -300) return b;
    return Number(`${b.m < 0n ? '-' : ''}0.${d.digits}e${d.exp}`);
  };
  const samples: BigNum[] = [];
  for (let i = 0; i < 300; i++) {
    const prec = [512, 512, 64, 80, 53][i % 5];
    samples.push(rounded(bits(1 + Math.floor(random() * prec)) * (random() < 0.5 ? -1n : 1n), -Math.floor(random() * 600) + 60, prec));
  }
  for (let i = 0; i < 300; i++) {
    // a short decimal read at 512 (or 64) bits, then a few ulps either side of it
    const digits = String(Math.floor(random() * 10 ** (1 + Math.floor(random() * 15))) + 1);
    const prec = i % 7 === 0 ? 64 : 512;
    const b = parseDecimal(`${digits}e${Math.floor(random() * 60) - 40}`, prec);
    const shift = prec - bitLength(b.m);
    for (const j of [-2n, -1n, 0n, 1n, 2n]) samples.push(rounded((b.m << BigInt(shift)) + j, b.e - shift, prec));
  }
  for (const b of samples) {
    assert.deepEqual(shortestDecimal(b), walkShortest(b), `${b.m} * 2^${b.e} at ${b.prec} bits`);
    const got = fromBin(b);
    const want = reference(b);
    assert.equal(typeof got, typeof want, `${b.m} * 2^${b.e}`);
    if (typeof got === 'number') assert.equal(got, want);
  }
});

test('bitLength is exact next to powers of two, where a double rounds up', () => {
  for (let k = 0; k < 1100; k++) {
    const p = 1n << BigInt(k);
    for (const a of [p, p - 1n, p + 1n, p * 3n, p - (p >> 53n), p - (p >> 54n), p - (p >> 60n), -p]) {
      if (a !== 0n) assert.equal(bitLength(a), (a < 0n ? -a : a).toString(2).length, `2^${k}: ${a}`);
    }
  }
  assert.equal(bitLength(0n), 0);
});
