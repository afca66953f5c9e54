import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadStackConfig } from '../config/load.ts';
import type { FunctionSignature, Provider } from '../../providers/provider.ts';
import { expandModules } from './expand-modules.ts';
import { ProviderFunctions, providersWithCalledFunctions } from './provider-functions.ts';

// a provider with one function, twice(n number) number
const twice = {
  functionSignatures: () => new Map<string, FunctionSignature>([['twice', { parameters: [{ name: 'n', type: 'number' }], returns: 'number' }]]),
  callFunction: async (_name: string, args: unknown[]) => ({ value: (args[0] as number) * 2 }),
} as Partial<Provider> as Provider;

test('a module block whose count calls a provider function waits for the provider; the others expand at once', async () => {
  // modules arrive embedded in the stack by the synthesizer
  const mod = { '#module': { dir: '/stack/mod', json: { resource: { terraform_data: { r: {} } } } } };
  const json = {
    module: {
      plain: { source: './mod', count: 2, ...mod },
      fn: { source: './mod', count: '${provider::p::twice(1)}', ...mod },
    },
  };
  const { config, diagnostics } = loadStackConfig({ name: 's', file: '/stack/main.tf.json', dir: '/stack', json });
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(providersWithCalledFunctions(config), ['p'], 'a module count counts as a call site');

  const first = expandModules(config, new Map());
  assert.deepEqual(first.diagnostics, []);
  assert.deepEqual(first.deferred, ['p']);
  assert.deepEqual([...(first.config.modules?.keys() ?? [])].sort(), ['module.plain[0]', 'module.plain[1]']);

  const pf = new ProviderFunctions((name) => (name === 'p' ? twice : undefined));
  await pf.warm(() => expandModules(config, new Map(), pf));
  const full = expandModules(config, new Map(), pf);
  assert.deepEqual(full.diagnostics, []);
  assert.deepEqual(full.deferred, []);
  assert.deepEqual([...(full.config.modules?.keys() ?? [])].sort(), ['module.fn[0]', 'module.fn[1]', 'module.plain[0]', 'module.plain[1]']);
  assert.ok(full.config.resources.has('module.fn[1].terraform_data.r'));
});

test('a module count/for_each waits for the providers it reaches through locals, variables and module outputs, and only for those', async () => {
  const leaf = { '#module': { dir: '/stack/leaf', json: { resource: { terraform_data: { r: {} } } } } };
  // a module whose own module block's count reads the module's variable
  const outer = { '#module': { dir: '/stack/outer', json: { variable: { n: {} }, module: { inner: { source: '../leaf', count: '${var.n}', ...leaf } } } } };
  // a module whose output calls a function
  const sizer = { '#module': { dir: '/stack/sizer', json: { output: { size: { value: '${provider::p::twice(1)}' } } } } };
  const json = {
    locals: { two: '${provider::p::twice(1)}', plain: 3, unrelated: '${provider::q::twice(5)}' },
    module: {
      via_local: { source: './leaf', count: '${local.two}', ...leaf },
      via_variable: { source: './outer', n: '${provider::p::twice(1)}', ...outer },
      sizes: { source: './sizer', ...sizer },
      via_output: { source: './leaf', for_each: '${toset([for i in range(module.sizes.size) : tostring(i)])}', ...leaf },
      // the stack calls provider q elsewhere: this count does not, so it expands at once
      plain: { source: './leaf', count: '${local.plain}', ...leaf },
    },
    output: { q: { value: '${local.unrelated}' } },
  };
  const { config, diagnostics } = loadStackConfig({ name: 's', file: '/stack/main.tf.json', dir: '/stack', json });
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(providersWithCalledFunctions(config), ['p', 'q']);

  const first = expandModules(config, new Map());
  assert.deepEqual(first.diagnostics, []);
  assert.deepEqual(first.deferred, ['p']);
  assert.deepEqual([...(first.config.modules?.keys() ?? [])].sort(), ['module.plain[0]', 'module.plain[1]', 'module.plain[2]', 'module.sizes', 'module.via_variable']);

  const pf = new ProviderFunctions((name) => (name === 'p' || name === 'q' ? twice : undefined));
  await pf.warm(() => expandModules(config, new Map(), pf));
  const full = expandModules(config, new Map(), pf);
  assert.deepEqual(full.diagnostics, []);
  assert.deepEqual([...(full.config.modules?.keys() ?? [])].filter((k) => !k.startsWith('module.plain')).sort(), [
    'module.sizes',
    'module.via_local[0]',
    'module.via_local[1]',
    'module.via_output["0"]',
    'module.via_output["1"]',
    'module.via_variable',
    'module.via_variable.module.inner[0]',
    'module.via_variable.module.inner[1]',
  ]);
});
