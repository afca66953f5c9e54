import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatNum, type Num } from '../big-number.ts';
import { Unknown } from '../value.ts';
import { FunctionArgumentError } from './function.ts';
import { call } from './test-call.ts';

describe('numeric functions', () => {
  it('abs, ceil, floor, signum, pow, log', () => {
    assert.equal(call('abs', -12.4), 12.4);
    assert.equal(call('ceil', 4.1), 5);
    assert.equal(call('floor', -4.1), -5);
    assert.equal(call('signum', -3), -1);
    assert.equal(call('signum', 0), 0);
    assert.equal(formatNum(call('pow', 3, 2) as Num), '9');
    assert.equal(formatNum(call('log', 8, 2) as Num), '3');
    assert.equal(formatNum(call('log', 50, 10) as Num), '1.6989700043360185');
  });
  it('parseint in bases 2..62', () => {
    assert.equal(call('parseint', '100', 10), 100);
    assert.equal(call('parseint', 'FF', 16), 255);
    assert.equal(call('parseint', '-1010', 2), -10);
    assert.equal(call('parseint', 'zz', 36), 1295);
    assert.equal(call('parseint', 'Zz', 62), 3817);
    assert.throws(
      () => call('parseint', '12', 1),
      (e: unknown) => e instanceof FunctionArgumentError && /base must be a whole number between 2 and 62/.test(e.message),
    );
    assert.throws(
      () => call('parseint', '12', 2),
      (e: unknown) => e instanceof FunctionArgumentError && /cannot parse "12" as a base 2 integer/.test(e.message),
    );
  });
  it('unknown in, unknown number out', () => {
    const r = call('abs', new Unknown());
    assert.ok(r instanceof Unknown && r.type === 'number');
  });
});
