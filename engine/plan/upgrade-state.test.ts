// State written under an older schema version is upgraded by its provider before refresh and
// planning; state from a newer provider is refused with a diagnostic naming the instance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { prepareStack } from '../operations/prepare-stack.ts';
import { createRegistry } from '../../providers/registry.ts';
import { SchemaProvider } from '../../providers/schema-provider.ts';
import type { InstanceState } from '../../state/model.ts';
import { makeTempDir } from '../../test/helpers/temp-dir.ts';
import { ProviderSet } from '../eval/provider-set.ts';
import { StackScope } from '../eval/stack-scope.ts';
import { formatProviderRef } from '../config/model.ts';
import { planStack } from './planner.ts';
import type { Plan } from './plan.ts';

const SOURCE = 'registry.terraform.io/test/versioned';
const upgradedFrom: number[] = [];
const registry = createRegistry([
  {
    source: SOURCE,
    factory: () =>
      new SchemaProvider({
        name: 'versioned',
        resources: {
          versioned_thing: {
            // version 1 renamed size_text (a string) to size (a number)
            schema: { version: 1, block: { attributes: { id: { type: 'string', computed: true }, size: { type: 'number', optional: true } } } },
            create: (planned) => ({ ...planned, id: 'thing-1' }),
            upgradeState(state, from) {
              upgradedFrom.push(from);
              return { id: state.id, size: Number(state.size_text) };
            },
          },
        },
      }),
  },
]);

async function planWith(attributes: InstanceState['attributes'], schemaVersion: number): Promise<Plan> {
  const dir = await makeTempDir('ballast-upgrade-');
  const json = {
    terraform: { required_providers: { versioned: { source: 'test/versioned' } } },
    resource: { versioned_thing: { a: { size: 7 } } },
  };
  const bytes = Buffer.from(JSON.stringify(json));
  const prepared = prepareStack({ name: 'main', file: join(dir, 'main.tf.json'), dir, json, bytes }, { env: {} });
  assert.ok(prepared.stack, JSON.stringify(prepared.diagnostics));
  const stack = prepared.stack;
  const ref = formatProviderRef([...stack.config.resources.values()][0].provider);
  const inst: InstanceState = { address: 'versioned_thing.a', mode: 'managed', type: 'versioned_thing', name: 'a', provider: ref, attributes, sensitivePaths: [], dependencies: [], schemaVersion };
  const prior = { version: null, digest: null, instances: new Map([[inst.address, inst]]) };
  const scope = new StackScope(stack.config, stack.variables);
  const opened = await ProviderSet.open(stack.config, new Set([ref]), registry, { workingDir: dir, env: {} }, scope);
  assert.deepEqual(opened.diagnostics, []);
  try {
    return await planStack(
      { config: stack.config, graph: stack.graph, scope, providers: opened.providers, prior },
      {
        mode: 'normal',
        refresh: true,
        targets: [],
        replace: [],
        parallelism: 4,
        sourceRevision: null,
        configDigest: stack.configDigest,
      },
    );
  } finally {
    await opened.providers.close();
  }
}

test('an object recorded under schema version 0 is upgraded before planning: no change, no drift', async () => {
  upgradedFrom.length = 0;
  const plan = await planWith({ id: 'thing-1', size_text: '7' }, 0);
  assert.deepEqual(
    plan.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  assert.deepEqual(upgradedFrom, [0]);
  assert.deepEqual(
    plan.changes.map((c) => [c.address, c.action]),
    [['versioned_thing.a', 'no-op']],
  );
  assert.deepEqual(plan.drift, []);
});

test('an object already at the current version is not sent to the provider again', async () => {
  upgradedFrom.length = 0;
  const plan = await planWith({ id: 'thing-1', size: 7 }, 1);
  assert.deepEqual(upgradedFrom, []);
  assert.deepEqual(
    plan.changes.map((c) => c.action),
    ['no-op'],
  );
});

test('an object written by a newer provider version is refused with a diagnostic naming it', async () => {
  const plan = await planWith({ id: 'thing-1', size: 7, colour: 'red' }, 2);
  const err = plan.diagnostics.find((d) => d.severity === 'error');
  assert.ok(err, 'an error diagnostic');
  assert.equal(err.summary, 'Resource instance managed by newer provider version');
  assert.equal(err.where?.address, 'versioned_thing.a');
  assert.match(err.detail ?? '', /schema version 2.*only up to version 1/);
});
