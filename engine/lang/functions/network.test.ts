import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Value } from '../value.ts';
import { FunctionArgumentError } from './function.ts';
import { call } from './test-call.ts';

const fails = (name: string, args: Value[], message: RegExp) =>
  assert.throws(
    () => call(name, ...args),
    (e: unknown) => e instanceof FunctionArgumentError && message.test(e.message),
  );

// Expected values below were taken from `terraform console` (v1.11).
describe('network functions', () => {
  it('cidrsubnet', () => {
    assert.equal(call('cidrsubnet', '10.0.0.0/16', 8, 2), '10.0.2.0/24');
    assert.equal(call('cidrsubnet', '10.1.2.0/24', 4, 15), '10.1.2.240/28');
    assert.equal(call('cidrsubnet', '10.0.0.5/16', 8, 2), '10.0.2.0/24');
    assert.equal(call('cidrsubnet', 'fd00:fd12:3456:7890::/56', 16, 162), 'fd00:fd12:3456:7800:a200::/72');
    fails('cidrsubnet', ['10.0.0.0/30', 4, 0], /insufficient address space to extend prefix of 30 by 4/);
    fails('cidrsubnet', ['10.0.0.0/16', 2, 4], /prefix extension of 2 does not accommodate a subnet numbered 4/);
    fails('cidrsubnet', ['bad', 1, 1], /invalid CIDR address: bad/);
  });
  it('cidrhost', () => {
    assert.equal(call('cidrhost', '10.12.112.0/20', 16), '10.12.112.16');
    assert.equal(call('cidrhost', '10.12.112.0/20', -1), '10.12.127.255');
    assert.equal(call('cidrhost', 'fd00:fd12:3456:7890:00a2::/72', 34), 'fd00:fd12:3456:7890::22');
    fails('cidrhost', ['10.0.0.0/30', 4], /prefix of 30 does not accommodate a host numbered 4/);
  });
  it('cidrnetmask', () => {
    assert.equal(call('cidrnetmask', '172.16.0.0/12'), '255.240.0.0');
    fails('cidrnetmask', ['fd00::/56'], /IPv6 addresses cannot have a netmask/);
  });
  it('cidrsubnets', () => {
    assert.deepEqual(call('cidrsubnets', '10.1.0.0/16', 4, 4, 8, 4), ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20']);
    assert.deepEqual(call('cidrsubnets', 'fd00:fd12:3456:7890::/56', 16, 16, 16, 32), [
      'fd00:fd12:3456:7800::/72',
      'fd00:fd12:3456:7800:100::/72',
      'fd00:fd12:3456:7800:200::/72',
      'fd00:fd12:3456:7800:300::/88',
    ]);
    fails('cidrsubnets', ['10.0.0.0/24', 1, 1, 1], /not enough remaining address space/);
  });
});

describe('IPv4-mapped IPv6 networks print like Go (Terraform 1.11)', () => {
  it('cidrsubnet', () => {
    assert.equal(call('cidrsubnet', '::ffff:10.0.0.0/104', 8, 1), '10.1.0.0/16');
    assert.equal(call('cidrsubnet', '::ffff:a00:0/104', 8, 1), '10.1.0.0/16');
    assert.equal(call('cidrsubnet', '::ffff:10.0.0.0/96', 8, 1), '1.0.0.0/8');
    // a prefix shorter than the ::ffff: part stays IPv6
    assert.equal(call('cidrsubnet', '::ffff:10.0.0.0/88', 8, 1), '::ff01:0:0/96');
  });
});
