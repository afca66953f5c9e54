import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSet, Sensitive, Unknown } from '../value.ts';
import { FunctionArgumentError } from './function.ts';
import { callFunction, functionNames, hasFunction, UnknownFunctionError } from './index.ts';
import { call, testContext } from './test-call.ts';

describe('callFunction generic rules', () => {
  it('knows its functions', () => {
    assert.equal(hasFunction('join'), true);
    assert.equal(hasFunction('nope'), false);
    assert.ok(functionNames().length > 100);
  });

  it('rejects unknown names', () => {
    assert.throws(
      () => call('nope'),
      (e: unknown) => e instanceof UnknownFunctionError && e.functionName === 'nope' && /no function named "nope"/.test(e.message),
    );
  });

  it('checks arity', () => {
    assert.throws(
      () => call('upper'),
      (e: unknown) => e instanceof FunctionArgumentError && e.argIndex === null && /Missing value for "str"/.test(e.message),
    );
    assert.throws(
      () => call('upper', 'a', 'b'),
      (e: unknown) => e instanceof FunctionArgumentError && /expects only 1 argument/.test(e.message),
    );
  });

  it('converts arguments to the parameter type', () => {
    assert.equal(call('upper', 5), '5');
    assert.equal(call('abs', '-3'), 3);
    assert.throws(
      () => call('abs', 'x'),
      (e: unknown) => e instanceof FunctionArgumentError && e.argIndex === 0 && /Invalid value for "num" parameter: a number is required/.test(e.message),
    );
  });

  it('rejects null unless the parameter allows it', () => {
    assert.throws(
      () => call('upper', null),
      (e: unknown) => e instanceof FunctionArgumentError && e.argIndex === 0 && /must not be null/.test(e.message),
    );
    assert.equal(call('tostring', null), null);
  });

  it('gives unknown when an argument contains unknown', () => {
    const r = call('upper', new Unknown());
    assert.ok(r instanceof Unknown);
    assert.equal(r.type, 'string');
    assert.ok(call('join', ',', ['a', new Unknown()]) instanceof Unknown);
  });

  it('length of a known list with unknown elements is known', () => {
    assert.equal(call('length', [new Unknown(), 1]), 2);
    assert.ok(call('length', new Unknown()) instanceof Unknown);
  });

  it('wraps the result in Sensitive when an argument was sensitive', () => {
    const r = call('upper', new Sensitive('abc'));
    assert.ok(r instanceof Sensitive);
    assert.equal(r.value, 'ABC');
    const j = call('join', '-', ['a', new Sensitive('b')]);
    assert.ok(j instanceof Sensitive && j.value === 'a-b');
    const u = call('upper', new Sensitive(new Unknown()));
    assert.ok(u instanceof Sensitive && u.value instanceof Unknown);
    assert.equal(call('upper', 'x'), 'X');
  });

  it('impure functions are unknown while planning and real while applying', () => {
    assert.ok(call('uuid') instanceof Unknown);
    assert.ok(call('timestamp') instanceof Unknown);
    assert.ok(call('bcrypt', 'secret') instanceof Unknown);
    const applying = testContext(process.cwd(), { applying: true });
    assert.match(callFunction('uuid', [], applying) as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(callFunction('timestamp', [], applying) as string, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('error messages from implementations name the parameter', () => {
    assert.throws(
      () => call('sum', []),
      (e: unknown) => e instanceof FunctionArgumentError && e.message === 'Invalid value for "list" parameter: cannot sum an empty list.',
    );
    assert.throws(
      () => call('index', [1], 2),
      (e: unknown) => e instanceof FunctionArgumentError && e.message === 'Call to function "index" failed: item not found.',
    );
  });

  it('set results are marked as sets', () => {
    assert.ok(isSet(call('toset', ['a'])));
  });
});
