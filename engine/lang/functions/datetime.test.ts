import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Unknown, type Value } from '../value.ts';
import { FunctionArgumentError } from './function.ts';
import { call } from './test-call.ts';

const fails = (name: string, args: Value[], message: RegExp) =>
  assert.throws(
    () => call(name, ...args),
    (e: unknown) => e instanceof FunctionArgumentError && message.test(e.message),
  );

// Expected values below were taken from `terraform console` (v1.11).
describe('date and time functions', () => {
  it('formatdate', () => {
    assert.equal(call('formatdate', 'DD MMM YYYY hh:mm ZZZ EEE EEEE h AA aa', '2018-01-02T23:12:01Z'), '02 Jan 2018 23:12 UTC Tue Tuesday 23 PM pm');
    assert.equal(call('formatdate', "ZZZ|ZZZZ|ZZZZZ|Z|H:mm AA|HH|M/D|YY|'o''clock'|ss", '2018-01-02T03:04:05+07:00'), "+0700|+0700|+07:00|+07:00|3:04 AM|03|1/2|18|o'clock|05");
    assert.equal(call('formatdate', 'Z', '2018-01-02T03:04:05Z'), 'Z');
    assert.equal(call('formatdate', 'EEEE, MMMM D h', '2024-02-29T00:00:00Z'), 'Thursday, February 29 0');
    assert.equal(call('formatdate', 'hh:mm:ss', '2018-01-02T03:04:05.123Z'), '03:04:05');
  });
  it('formatdate errors', () => {
    fails('formatdate', ['x', '2018-01-02T03:04:05Z'], /invalid date format verb "x"/);
    fails('formatdate', ['YYYYY', '2018-01-02T03:04:05Z'], /year must either be "YY" or "YYYY"/);
    fails('formatdate', ['A', '2018-01-02T03:04:05Z'], /must be "AA"/);
    fails('formatdate', ['DD', '2018-01-02'], /not a valid RFC3339 timestamp: missing required time introducer 'T'/);
    fails('formatdate', ['DD', '2018-02-30T00:00:00Z'], /not a valid RFC3339 timestamp/);
  });
  it('timeadd', () => {
    assert.equal(call('timeadd', '2017-11-22T00:00:00Z', '1h30m10.5s'), '2017-11-22T01:30:10Z');
    assert.equal(call('timeadd', '2017-11-22T00:00:00+01:00', '-25h'), '2017-11-20T23:00:00+01:00');
    assert.equal(call('timeadd', '2017-11-22T00:00:00.5Z', '1s'), '2017-11-22T00:00:01Z');
    fails('timeadd', ['2017-11-22T00:00:00Z', '1d'], /unknown unit "d" in duration "1d"/);
  });
  it('timecmp', () => {
    assert.equal(call('timecmp', '2017-11-22T00:00:00Z', '2017-11-22T01:00:00+01:00'), 0);
    assert.equal(call('timecmp', '2017-11-22T00:00:01Z', '2017-11-22T00:00:00Z'), 1);
  });
  it('timestamp is unknown during plan', () => {
    assert.ok(call('timestamp') instanceof Unknown);
  });
});
