import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import bcryptjs from 'bcryptjs';
import { Sensitive, Unknown } from '../value.ts';
import { callFunction } from './index.ts';
import { FunctionArgumentError } from './function.ts';
import { call, testContext } from './test-call.ts';

// Expected values below were taken from `terraform console` (v1.11).
describe('hashing functions', () => {
  it('hex digests', () => {
    assert.equal(call('md5', 'hello'), '5d41402abc4b2a76b9719d911017c592');
    assert.equal(call('sha1', 'hello'), 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d');
    assert.equal(call('sha256', 'hello'), '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    assert.equal(call('sha512', 'a'), '1f40fc92da241694750979ee6cf582f2d5d7d28e18335de05abc54d0560e0f5302860c652bf08d560252aa5e74210546f369fbbbce8c12cfc7957b2652fe9a75');
  });
  it('base64 digests', () => {
    assert.equal(call('base64sha256', 'hello world'), 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=');
    assert.equal(call('base64sha512', 'hello'), 'm3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw==');
  });
  it('uuidv5 with named and explicit namespaces', () => {
    assert.equal(call('uuidv5', 'dns', 'www.terraform.io'), 'a5008fae-b28c-5ba5-96cd-82b4c53552d6');
    assert.equal(call('uuidv5', '6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'x'), '05b16a01-46c6-56dd-bd6e-c6dfb4a1427a');
    assert.throws(
      () => call('uuidv5', 'nope', 'x'),
      (e: unknown) => e instanceof FunctionArgumentError && /namespace "nope"/.test(e.message),
    );
  });
  it('hash of a sensitive value stays sensitive', () => {
    const r = call('sha1', new Sensitive('hello'));
    assert.ok(r instanceof Sensitive && r.value === 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d');
  });
  it('hash of null is an error', () => {
    assert.throws(() => call('md5', null), FunctionArgumentError);
  });
});

describe('bcrypt', () => {
  const applying = { ...testContext(), applying: true };
  it('is unknown while planning (a random salt), a real hash when applying', () => {
    assert.ok(callFunction('bcrypt', ['x'], testContext()) instanceof Unknown);
    const h = callFunction('bcrypt', ['x'], applying) as string;
    assert.match(h, /^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    assert.ok(bcryptjs.compareSync('x', h));
    assert.notEqual(callFunction('bcrypt', ['x'], applying), h);
  });
  it("agrees with a hash made by Terraform 1.11, honours the cost and Go's limits", () => {
    assert.ok(bcryptjs.compareSync('x', '$2a$10$qlKTwLytNGJs1Lb6lsD20eu/bnvKKCnbCj8.1j.G6jK.iBlONOTPO'));
    assert.match(callFunction('bcrypt', ['x', 5], applying) as string, /^\$2a\$05\$/);
    assert.match(callFunction('bcrypt', ['x', 3], applying) as string, /^\$2a\$10\$/);
    assert.throws(() => callFunction('bcrypt', ['x', 32], applying), /cost 32 is outside allowed range \(4,31\)/);
    assert.throws(() => callFunction('bcrypt', ['a'.repeat(73)], applying), /password length exceeds 72 bytes/);
  });
  it('keeps a sensitive input sensitive', () => {
    assert.ok(callFunction('bcrypt', [new Sensitive('x'), 4], applying) instanceof Sensitive);
  });
});
