// Arithmetic on fractions against Terraform 1.11 (`terraform console`). Terraform computes with
// 512-bit binary floats; results that print as a short decimal there must print the same here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from './evaluate.ts';
import { parseExpression } from './parse.ts';
import { staticScope } from './scope.ts';
import { convert } from './convert.ts';
import type { Value } from './value.ts';

const scope = staticScope({}, { baseDir: '.', renderTemplate: () => null });
const hcl = (src: string): Value => evaluate(parseExpression(src), scope);

const rows: [string, string][] = [
  ['0.1 + 0.2', '0.3'],
  ['0.1 * 3', '0.3'],
  ['1 / 10 + 2 / 10', '0.3'],
  ['sum([0.1, 0.2, 0.3])', '0.6'],
  ['5.5 % 2', '1.5'],
  ['-5.5 % 2', '-1.5'],
  ['0.7 + 0.1', '0.8'],
  ['100 * 1.1', '110'],
  ['10 / 4', '2.5'],
  ['7 % 3.5', '0'],
  ['-7 % 3', '-1'],
];

for (const [src, want] of rows) {
  test(`${src} prints ${want} like Terraform`, () => {
    assert.equal(convert(hcl(src), 'string'), want);
    assert.equal(hcl(`jsonencode(${src})`), want);
  });
}

test('0.1 + 0.2 == 0.3 is true, as in Terraform', () => {
  assert.equal(hcl('0.1 + 0.2 == 0.3'), true);
  assert.equal(hcl('tonumber("0.1") + tonumber("0.2") == 0.3'), true);
});

// Zeros carry a sign, as cty's big.Float does, and Terraform prints -0 (terraform console 1.11).
const signedZeros: [string, string][] = [
  ['-0', '-0'],
  ['0 * -1', '-0'],
  ['-0.5 * 0', '-0'],
  ['-0 * 0.5', '-0'],
  ['-0 * -1', '0'],
  ['-0 / 5', '-0'],
  ['-0 / -5', '0'],
  ['0 / -5.5', '-0'],
  ['-5 / (1 / 0)', '-0'],
  ['-0 + -0', '-0'],
  ['-0 - 0', '-0'],
  ['-0 - -0', '0'],
  ['-0 + 0', '0'],
  ['0.1 - 0.1', '0'],
  ['-0.1 + 0.1', '0'],
  ['-(-0)', '0'],
  ['-0 % 5', '-0'],
  ['-0 % -5', '0'],
  ['0 % -5', '0'],
  ['-0 % 0', '-0'],
  ['-5 % 5', '0'],
  ['-1.5 % 1.5', '0'],
  ['-6.0 % 3', '0'],
  ['5 % -0', '5'],
  ['-5 % 0', '-5'],
  ['5.5 % 0', '5.5'],
  ['tonumber("-0")', '-0'],
  ['jsondecode("-0")', '-0'],
  ['sum([-0])', '-0'],
  ['sum([-0, -0])', '-0'],
  ['sum([0.5, -0.5])', '0'],
  ['max(-0, -0)', '-0'],
  ['abs(-0)', '0'],
  ['floor(-0)', '0'],
  ['ceil(-0.5)', '0'],
];

for (const [src, want] of signedZeros) {
  test(`${src} prints ${want} like Terraform`, () => {
    assert.equal(convert(hcl(src), 'string'), want);
    assert.equal(hcl(`jsonencode(${src})`), want);
  });
}

test('format() writes the sign of -0 as Go does', () => {
  assert.equal(hcl('format("%f|%g|%e|%v|%d", -0, -0, -0, -0, -0)'), '-0.000000|-0|-0.000000e+00|-0|0');
  assert.equal(hcl('format("%5.1f|%+g|% g", -0, -0, -0)'), ' -0.0|-0|-0');
  assert.equal(hcl('"a${-0}"'), 'a-0');
  assert.equal(hcl('-0 == 0'), true);
  assert.equal(hcl('-0 < 0'), false);
});

// Infinities: what Terraform computes, and where it fails (here with a diagnostic naming the
// expression; Terraform 1.11 panics on Inf % 5).
const infinities: [string, string][] = [
  ['(1 / 0) % 0', '+Inf'],
  ['(-1 / 0) % -0', '-Inf'],
  ['(1 / 0) - 5', '+Inf'],
  ['5 - (1 / 0)', '-Inf'],
  ['(1 / 0) * -2', '-Inf'],
  ['(1 / 0) * -2.5', '-Inf'],
  ['(1 / 0) / -2', '-Inf'],
  ['(1 / 0) / -0', '-Inf'],
  ['(-1 / 0) / -0', '+Inf'],
  ['5 / -0', '-Inf'],
  ['-5 / 0', '-Inf'],
  ['-5.5 / 0', '-Inf'],
];

for (const [src, want] of infinities) {
  test(`${src} is ${want} like Terraform`, () => {
    assert.equal(convert(hcl(src), 'string'), want);
  });
}

const refused: [string, RegExp][] = [
  ['5 % (1 / 0)', /Invalid operation: can't use modulo with zero and infinity in "5 % \(1 \/ 0\)"/],
  ['5 % -(1 / 0)', /can't use modulo with zero and infinity/],
  ['5.5 % (1 / 0)', /can't use modulo with zero and infinity/],
  ['0 % (1 / 0)', /can't use modulo with zero and infinity/],
  ['(1 / 0) % (1 / 0)', /can't use modulo with zero and infinity/],
  ['(1 / 0) % 5', /Invalid operation: can't use modulo with an infinite dividend in "\(1 \/ 0\) % 5"/],
  ['(-1 / 0) % 2.5', /can't use modulo with an infinite dividend/],
  ['(1 / 0) + (-1 / 0)', /Invalid operation: can't compute sum of opposing infinities/],
  ['(1 / 0) - (1 / 0)', /Invalid operation: can't subtract infinity from itself/],
  ['(1 / 0) * 0', /Invalid operation: can't multiply zero by infinity/],
  ['-0 * (1 / 0)', /can't multiply zero by infinity/],
  ['(1 / 0) / (1 / 0)', /Invalid operation: can't divide zero by zero or infinity by infinity/],
  ['0 / 0', /can't divide zero by zero or infinity by infinity in "0 \/ 0"/],
  ['-0 / 0', /can't divide zero by zero or infinity by infinity/],
  ['sum([1 / 0, -1 / 0])', /Call to function "sum" failed: can't compute sum of opposing infinities/],
];

for (const [src, want] of refused) {
  test(`${src} fails like Terraform, naming the expression`, () => {
    assert.throws(() => hcl(src), want);
    assert.equal(hcl(`can(${src})`), false);
  });
}
