import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasNumberAttributes, hasSensitiveAttributes } from './block-facts.ts';
import { providerNumbers } from './number-attribute.ts';
import { schemaSensitivePaths } from '../engine/eval/schema-sensitive.ts';
import { BigNum } from '../engine/lang/big-number.ts';
import type { BlockSchema } from './provider.ts';

const plain: BlockSchema = { attributes: { name: { type: 'string', optional: true } } };
const nested: BlockSchema = {
  attributes: { name: { type: 'string', optional: true } },
  blocks: { rule: { nesting: 'list', block: { attributes: { port: { type: 'number', optional: true }, token: { type: 'string', optional: true, sensitive: true } } } } },
};

test('number and sensitive attributes are found in nested blocks, and only there', () => {
  assert.equal(hasNumberAttributes(plain), false);
  assert.equal(hasSensitiveAttributes(plain), false);
  assert.equal(hasNumberAttributes(nested), true);
  assert.equal(hasSensitiveAttributes(nested), true);
});

test('the schema facts leave the answers of providerNumbers and schemaSensitivePaths as they were', () => {
  const value = {
    name: 'x',
    rule: [
      { port: 80, token: 's' },
      { port: 81, token: null },
    ],
  };
  assert.deepEqual(schemaSensitivePaths(nested, value), [
    ['rule', 0, 'token'],
    ['rule', 1, 'token'],
  ]);
  assert.deepEqual(schemaSensitivePaths(plain, { name: 'x' }), []);
  const big = { name: 'x', rule: [{ port: new BigNum(5n, 0, 512), token: null }] };
  assert.equal((providerNumbers(nested, big).rule as { port: unknown }[])[0].port, 5, 'a BigNum a double holds exactly becomes that double');
  const untouched = { name: 'x' };
  assert.equal(providerNumbers(plain, untouched), untouched);
});
