import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BigNum, formatNum, fromFloat64, numberFromText } from '../engine/lang/big-number.ts';
import { divide } from '../engine/lang/number-arithmetic.ts';
import type { BlockSchema } from './provider.ts';
import { numberDiagnostics, providerNumbers } from './number-attribute.ts';

const block: BlockSchema = {
  attributes: { count: { type: 'number', optional: true, int64: true }, ratio: { type: 'number', optional: true }, name: { type: 'string', optional: true } },
  blocks: { rule: { nesting: 'list', block: { attributes: { days: { type: 'number', optional: true, int64: true } } } } },
};

test('a float64 result a double holds becomes that double; an int64 keeps every digit; a float attribute rounds', () => {
  const big = numberFromText('1234567890123456789');
  const out = providerNumbers(block, { count: fromFloat64(8), ratio: divide(1, 3), name: 'x', rule: [{ days: fromFloat64(30) }] });
  assert.equal(out.count, 8);
  assert.equal(out.ratio, 1 / 3);
  assert.deepEqual(out.rule, [{ days: 30 }]);
  const kept = providerNumbers(block, { count: big });
  assert.ok(kept.count instanceof BigNum);
  assert.equal(formatNum(kept.count as BigNum), '1234567890123456789');
  // 2^60: a double holds it exactly, but as a double it would read back as 1152921504606847000
  const pow60 = providerNumbers(block, { count: numberFromText('1152921504606846976') });
  assert.ok(pow60.count instanceof BigNum);
  assert.equal(formatNum(pow60.count as BigNum), '1152921504606846976');
  const same = { count: 3, name: 'y' };
  assert.equal(providerNumbers(block, same), same, 'nothing to change: the same object');
});

test('an int64 attribute refuses fractions and numbers beyond int64, naming the attribute', () => {
  assert.deepEqual(numberDiagnostics(block, { count: 5, ratio: 0.5 }, 't'), []);
  assert.deepEqual(numberDiagnostics(block, { count: numberFromText('9223372036854775807') }, 't'), []);
  for (const bad of [1.5, '2.5', numberFromText('9223372036854775808'), Infinity]) {
    const ds = numberDiagnostics(block, { count: bad }, 't');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].where?.attribute, 'count');
    assert.match(ds[0].summary, /a whole number between -9223372036854775808 and 9223372036854775807 is required/);
  }
  assert.equal(numberDiagnostics(block, { rule: [{ days: 0.5 }] }, 't')[0].where?.attribute, 'rule[0].days');
});
