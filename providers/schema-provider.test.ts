// The shared provider framework's conventions, which every in-process provider (null, random,
// local, builtin, aws) inherits: unknown types and handler errors become diagnostics, handlers
// get the provider's context, an unconfigured provider says so, state upgrades go through the
// resource's hook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { error } from '../engine/diagnostics.ts';
import type { ResourceSchema } from './provider.ts';
import { fail, SchemaProvider } from './schema-provider.ts';

const schema: ResourceSchema = { version: 2, block: { attributes: { id: { type: 'string', computed: true }, name: { type: 'string', required: true } } } };

function provider(opts: { configured?: boolean } = {}) {
  let client: { prefix: string } | undefined = opts.configured ? { prefix: 'c-' } : undefined;
  return new SchemaProvider<{ prefix: string }>({
    name: 'demo',
    configure: async (config) => {
      if (config.token === 'bad') return [error('Invalid token')];
      client = { prefix: 'c-' };
      return [];
    },
    context: () => client,
    resources: {
      demo_thing: {
        schema,
        create: (planned, _config, ctx) => {
          if (planned.name === 'boom') throw new Error('the service said no');
          if (planned.name === 'taken') fail('Name taken', 'pick another', 'name');
          return { ...planned, id: `${ctx.prefix}${String(planned.name)}` };
        },
        upgradeState: (state, from) => ({ id: state.id, name: from === 0 ? state.title : state.name }),
      },
    },
  });
}

const create = (name: string) => ({ typeName: 'demo_thing', priorState: null, plannedState: { id: null, name }, config: { id: null, name } });

test('an unknown type is a diagnostic, never a throw', async () => {
  const p = provider({ configured: true });
  assert.match(p.validateResourceConfig({ typeName: 'demo_nope', config: {} }).diagnostics[0].detail!, /does not support resource type "demo_nope"/);
  assert.equal((await p.planResourceChange({ typeName: 'demo_nope', priorState: null, proposedNewState: {}, config: {} })).diagnostics[0].summary, 'Invalid resource type');
  assert.equal((await p.upgradeResourceState({ typeName: 'demo_nope', version: 0, rawState: {} })).diagnostics[0].summary, 'Invalid resource type');
});

test('handlers get the configured context; before configure the provider says it is not configured', async () => {
  const p = provider();
  const before = await p.applyResourceChange(create('a'));
  assert.equal(before.diagnostics[0].summary, 'The demo provider is not configured');
  assert.deepEqual(
    (await p.configure({ config: { token: 'bad' } })).diagnostics.map((d) => d.summary),
    ['Invalid token'],
  );
  assert.deepEqual((await p.configure({ config: { token: 'good' } })).diagnostics, []);
  const after = await p.applyResourceChange(create('a'));
  assert.deepEqual(after.diagnostics, []);
  assert.equal(after.newState?.id, 'c-a');
});

test('a thrown error becomes one diagnostic naming the action; a thrown diagnostic passes through with its attribute', async () => {
  const p = provider({ configured: true });
  const boom = await p.applyResourceChange(create('boom'));
  assert.deepEqual(
    boom.diagnostics.map((d) => [d.summary, d.detail]),
    [['Creating demo_thing failed', 'the service said no']],
  );
  assert.equal(boom.newState, null, 'nothing was created');
  const taken = await p.applyResourceChange(create('taken'));
  assert.deepEqual(
    taken.diagnostics.map((d) => [d.summary, d.where?.attribute]),
    [['Name taken', 'name']],
  );
});

test('state upgrades go through the hook from an older version; a newer version is refused', async () => {
  const p = provider({ configured: true });
  const up = await p.upgradeResourceState({ typeName: 'demo_thing', version: 0, rawState: { id: 'x', title: 'old' } });
  assert.deepEqual(up, { upgradedState: { id: 'x', name: 'old' }, diagnostics: [] });
  const same = await p.upgradeResourceState({ typeName: 'demo_thing', version: 2, rawState: { id: 'x', name: 'n' } });
  assert.deepEqual(same.upgradedState, { id: 'x', name: 'n' });
  const newer = await p.upgradeResourceState({ typeName: 'demo_thing', version: 3, rawState: { id: 'x' } });
  assert.equal(newer.upgradedState, null);
  assert.match(newer.diagnostics[0].detail!, /schema version 3/);
});
