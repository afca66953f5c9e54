import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyObject, type ValueObject } from './value.ts';

test('copyObject is a shallow copy that keeps every own key, "__proto__" included, and leaves the source alone', () => {
  const nested = { deep: 1 };
  const src = JSON.parse('{"__proto__": {"polluted": true}, "a": "x", "n": null}') as ValueObject;
  src.nested = nested;
  const out = copyObject(src);
  assert.deepEqual(Object.keys(out), ['__proto__', 'a', 'n', 'nested']);
  assert.equal(Object.getPrototypeOf(out), Object.prototype, 'the key did not become the prototype');
  assert.equal((out as { polluted?: unknown }).polluted, undefined);
  assert.deepEqual(Object.getOwnPropertyDescriptor(out, '__proto__')?.value, { polluted: true });
  assert.equal(out.nested, nested, 'shallow');
  out.b = 'added';
  assert.equal(src.b, undefined);
});
