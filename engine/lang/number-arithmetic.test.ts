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
