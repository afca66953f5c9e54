import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadStackConfig } from '../config/load.ts';
import { expandModules } from './expand-modules.ts';
import { declarationsOf, expansionCallsFunctions, providerFunctionsReached } from './provider-functions-reached.ts';

test('the providers a count/for_each reaches: itself, locals (transitively), module variables, module outputs; nothing else', () => {
  const mod = {
    '#module': {
      dir: '/stack/mod',
      json: {
        variable: { n: {}, m: {} },
        locals: { twice_n: '${var.n * 2}' },
        output: { out: { value: '${provider::r::f(1)}' } },
        resource: {
          terraform_data: {
            via_var: { count: '${local.twice_n}' },
            plain_var: { count: '${var.m}' },
          },
        },
      },
    },
  };
  const json = {
    locals: { a: '${local.b + 1}', b: '${provider::p::f(1)}', c: 2, loop1: '${local.loop2}', loop2: '${local.loop1}' },
    module: { m: { source: './mod', n: '${provider::q::f(1)}', m: '${local.c}', ...mod } },
    resource: {
      terraform_data: {
        direct: { count: '${provider::p::f(1)}' },
        through_locals: { for_each: '${toset([local.a])}' },
        through_output: { count: '${module.m.out}' },
        plain: { count: '${local.c + length(local.loop1)}' },
        none: {},
      },
    },
  };
  const loaded = loadStackConfig({ name: 's', file: '/stack/main.tf.json', dir: '/stack', json });
  assert.deepEqual(loaded.diagnostics, []);
  const { config } = expandModules(loaded.config, new Map());
  const calls = (address: string) => expansionCallsFunctions(config.resources.get(address)!, config);
  assert.equal(calls('terraform_data.direct'), true);
  assert.equal(calls('terraform_data.through_locals'), true);
  assert.equal(calls('terraform_data.through_output'), true);
  assert.equal(calls('terraform_data.plain'), false, 'locals that call nothing (even in a cycle) are followed and found clean');
  assert.equal(calls('terraform_data.none'), false);
  assert.equal(calls('module.m.terraform_data.via_var'), true, 'a module variable is the module block argument');
  assert.equal(calls('module.m.terraform_data.plain_var'), false);

  const via = config.resources.get('module.m.terraform_data.via_var')!;
  assert.deepEqual(providerFunctionsReached(via.count!, declarationsOf(config, via.module)), ['q']);
  const out = config.resources.get('terraform_data.through_output')!;
  assert.deepEqual(providerFunctionsReached(out.count!, declarationsOf(config, undefined)), ['r']);
});
