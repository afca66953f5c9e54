import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../lang/evaluate.ts';
import { functionContext } from '../lang/function-context.ts';
import { parseExpression } from '../lang/parse.ts';
import { providerFunctionProviders } from '../lang/provider-function-calls.ts';
import type { Scope } from '../lang/scope.ts';
import { isSensitive, isUnknown, Sensitive, UNKNOWN, type Value } from '../lang/value.ts';
import type { FunctionSignature, Provider } from '../../providers/provider.ts';
import { ProviderFunctions } from './provider-functions.ts';

// A provider that only has functions: concat(a string, b string) and sum(variadic numbers).
function functionsOnly(calls: string[]): Provider {
  const sigs = new Map<string, FunctionSignature>([
    [
      'concat',
      {
        parameters: [
          { name: 'a', type: 'string' },
          { name: 'b', type: 'string' },
        ],
        returns: 'string',
      },
    ],
    ['sum', { parameters: [], variadic: { name: 'n', type: 'number' }, returns: 'number' }],
  ]);
  return {
    functionSignatures: () => sigs,
    async callFunction(name, args) {
      calls.push(`${name}(${args.join(',')})`);
      if (name === 'concat') return args[1] === 'boom' ? { error: 'b must not be boom', argument: 1 } : { value: `${args[0]}${args[1]}` };
      return { value: (args as number[]).reduce((a, b) => a + b, 0) };
    },
  } as Partial<Provider> as Provider;
}

function setup(vars: Record<string, Value> = {}) {
  const calls: string[] = [];
  const pf = new ProviderFunctions((name) => (name === 'p' ? functionsOnly(calls) : undefined));
  const fc = functionContext('.');
  fc.providerFunctions = pf;
  const scope: Scope = {
    functionContext: fc,
    resolve(root) {
      return { value: vars[root], consumed: 0 };
    },
  };
  const run = async (src: string): Promise<Value> => {
    const expr = parseExpression(src);
    await pf.warm(() => evaluate(expr, scope));
    return evaluate(expr, scope);
  };
  return { calls, run, pf };
}

test('calls are found in expressions, run once per distinct arguments, and nest', async () => {
  assert.deepEqual(providerFunctionProviders(parseExpression('provider::p::concat(provider::q::x(), "a") == upper("b")')), ['p', 'q']);
  const { calls, run } = setup();
  assert.equal(await run('provider::p::concat(provider::p::concat("a", "b"), "c")'), 'abc');
  assert.equal(await run('provider::p::concat("a", "b")'), 'ab');
  assert.equal(await run('provider::p::sum(1, 2, "3")'), 6, 'arguments convert to the parameter types');
  assert.deepEqual(calls, ['concat(a,b)', 'concat(ab,c)', 'sum(1,2,3)']);
});

test('unknown arguments give an unknown result without a call; sensitive arguments a sensitive result', async () => {
  const { calls, run } = setup({ u: UNKNOWN, s: new Sensitive('x') });
  assert.ok(isUnknown(await run('provider::p::concat(u, "b")')));
  const r = await run('provider::p::concat(s, "b")');
  assert.ok(isSensitive(r) && r.value === 'xb');
  assert.deepEqual(calls, ['concat(x,b)']);
});

test('errors name the call or the argument', async () => {
  const { run } = setup();
  await assert.rejects(run('provider::p::concat("a", "boom")'), /Invalid function argument: b must not be boom \(argument 2 of provider::p::concat\(\)\)/);
  await assert.rejects(run('provider::p::concat("a")'), /Not enough function arguments: function "provider::p::concat" expects 2 argument\(s\)\. Missing value for "b"/);
  await assert.rejects(run('provider::p::concat("a", "b", "c")'), /Too many function arguments/);
  await assert.rejects(run('provider::p::concat(["a"], "b")'), /Invalid value for "a" parameter/);
  await assert.rejects(run('provider::p::nope()'), /Call to unknown function "provider::p::nope"/);
  await assert.rejects(run('provider::q::concat("a", "b")'), /Call to unknown function "provider::q::concat"/);
  await assert.rejects(run('provider::p(1)'), /Call to unknown function/);
});

test('without providers (e.g. a tfvars file) a provider function is a clear error', () => {
  const scope: Scope = { functionContext: functionContext('.'), resolve: () => ({ value: null, consumed: 0 }) };
  assert.throws(() => evaluate(parseExpression('provider::p::concat("a", "b")'), scope), /Call to unknown function "provider::p::concat"/);
});
