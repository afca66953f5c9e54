import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signBody, verifySignature } from './webhook-signature.ts';

const secret = "It's a Secret to Everybody";
const body = 'Hello, World!';

test("matches the example in GitHub's documentation", () => {
  assert.equal(signBody(secret, body), 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17');
  assert.equal(verifySignature(secret, Buffer.from(body), 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17'), true);
});

test('rejects a wrong secret, a changed body, and malformed or missing headers', () => {
  const good = signBody(secret, body);
  assert.equal(verifySignature('other secret', body, good), false);
  assert.equal(verifySignature(secret, body + ' ', good), false);
  assert.equal(verifySignature(secret, body, undefined), false);
  assert.equal(verifySignature(secret, body, ''), false);
  assert.equal(verifySignature(secret, body, good.replace('sha256=', 'sha1=')), false);
  assert.equal(verifySignature(secret, body, good.slice(0, -2)), false);
  assert.equal(verifySignature(secret, body, 'sha256=' + 'zz'.repeat(32)), false);
});
