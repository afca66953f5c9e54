// A module block whose count or for_each calls a provider-defined function is expanded once that
// provider runs; the plan (or the apply of a saved plan, or an import) then takes the started
// provider over: each provider process starts once per run, and every start is closed again.
// With the real protocol-6 test provider (its join_upper(parts, sep) upper-cases the joined
// parts); the registry only counts the starts and closes of the real providers it serves.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareStack } from './prepare-stack.ts';
import { readPrior } from './prior-state.ts';
import { planPreparedStack, sessionForPlan } from './plan-stack.ts';
import { applySession } from './apply-stack.ts';
import { importResource } from './import-resource.ts';
import { parseInstance } from '../addrs.ts';
import { embedModules } from '../synth/module-sources.ts';
import type { ProviderRegistry } from '../../providers/registry.ts';
import { shippedRegistry } from '../../providers/shipped/shipped-registry.ts';
import { LocalDirStore } from '../../state/local-dir-store.ts';
import { ensureTestProviders, isolatedHomeEnv, mirrorDir } from '../../test/helpers/test-providers.ts';
import { withTempDir } from '../../test/helpers/temp-dir.ts';

const skip = ensureTestProviders();

const config = {
  terraform: { required_providers: { ballasttest6: { source: 'ballast/ballasttest6' } } },
  resource: { ballasttest6_thing: { t: { name: 'one' } } },
  locals: { parts: '${split("-", provider::ballasttest6::join_upper(["x", "y", "z"], "-"))}' },
  module: {
    // through a local
    ml: { source: './mod', count: '${length(local.parts)}', text: 'L${count.index}' },
    mc: { source: './mod', count: '${length(split("-", provider::ballasttest6::join_upper(["a", "b"], "-")))}', text: 'C${count.index}' },
    me: { source: './mod', for_each: '${toset(split(",", provider::ballasttest6::join_upper(["k", "l"], ",")))}', text: '${each.key}' },
  },
  output: { texts: { value: '${concat(module.mc[*].text, [for k in sort(keys(module.me)) : module.me[k].text], module.ml[*].text)}' } },
};
const moduleConfig = {
  variable: { text: { type: 'string' } },
  resource: { terraform_data: { kept: { input: '${var.text}' } } },
  output: { text: { value: '${terraform_data.kept.output}' } },
};

/** The real registry (test providers from the mirror), counting each provider's starts and closes. */
function countingRegistry(home: string): { registry: ProviderRegistry; starts: Map<string, number>; closes: Map<string, number> } {
  const inner = shippedRegistry({ env: isolatedHomeEnv(home), pluginDirs: [mirrorDir] });
  const starts = new Map<string, number>();
  const closes = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const registry: ProviderRegistry = {
    sources: () => inner.sources(),
    resolve(localName, source, version) {
      const entry = inner.resolve(localName, source, version);
      if (!entry) return undefined;
      return {
        source: entry.source,
        factory: async (ctx) => {
          bump(starts, localName);
          const provider = await entry.factory(ctx);
          const close = provider.close?.bind(provider);
          provider.close = async () => {
            bump(closes, localName);
            await close?.();
          };
          return provider;
        },
      };
    },
  };
  return { registry, starts, closes };
}

async function stackIn(dir: string) {
  mkdirSync(join(dir, 'mod'));
  writeFileSync(join(dir, 'mod', 'main.tf.json'), JSON.stringify(moduleConfig));
  const bytes = Buffer.from(JSON.stringify(config));
  writeFileSync(join(dir, 'main.tf.json'), bytes);
  // as synthesis does: the local module's files are read into the stack
  const json = JSON.parse(bytes.toString()) as Record<string, unknown>;
  await embedModules(json, dir, {});
  const prepared = prepareStack({ name: 'deferred', file: join(dir, 'main.tf.json'), dir, json, bytes }, { flags: [], files: [], env: {} });
  assert.deepEqual(
    prepared.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  assert.ok(prepared.stack?.deferredModules, 'the modules wait for the provider');
  return prepared.stack;
}

/** the stack, an empty state, a home of its own for the provider cache, and a registry that counts provider starts */
async function setUp(dir: string) {
  const stack = await stackIn(dir);
  const store = new LocalDirStore(join(dir, 'state'), { stack: 'deferred' });
  const env = isolatedHomeEnv(join(dir, 'home'));
  mkdirSync(env.HOME);
  return { stack, store, env, counted: countingRegistry(env.HOME) };
}

test('plan, apply and the apply of a saved plan start the provider a module count/for_each calls once, and close it', { skip, timeout: 300_000 }, () =>
  withTempDir(async (dir) => {
    const { stack, store, env, counted } = await setUp(dir);

    const planned = await planPreparedStack(stack, await readPrior(store), counted.registry, { mode: 'normal' }, env);
    const session = planned.session;
    assert.ok(session, JSON.stringify(planned.diagnostics));
    try {
      assert.deepEqual(session.plan.changes.map((c) => c.address).sort(), [
        'ballasttest6_thing.t',
        'module.mc[0].terraform_data.kept',
        'module.mc[1].terraform_data.kept',
        'module.me["K"].terraform_data.kept',
        'module.me["L"].terraform_data.kept',
        'module.ml[0].terraform_data.kept',
        'module.ml[1].terraform_data.kept',
        'module.ml[2].terraform_data.kept',
      ]);
      assert.equal(counted.starts.get('ballasttest6'), 1, 'one process for the module expansion and the plan');
      const applied = await applySession(session, store);
      assert.deepEqual(
        applied.diagnostics.filter((d) => d.severity === 'error'),
        [],
      );
      assert.deepEqual(applied.version?.outputs.texts?.value, ['C0', 'C1', 'K', 'L', 'L0', 'L1', 'L2']);
    } finally {
      await session.close();
    }
    assert.equal(counted.starts.get('ballasttest6'), 1);
    assert.deepEqual(counted.closes, counted.starts, 'every started provider is closed once');

    // a saved plan applied later: its session expands the modules and takes the provider over too
    const later = countingRegistry(env.HOME);
    const again = await planPreparedStack(stack, await readPrior(store), later.registry, { mode: 'normal' }, env);
    assert.ok(again.session, JSON.stringify(again.diagnostics));
    const plan = again.session.plan;
    await again.session.close();
    assert.ok(
      plan.changes.every((c) => c.action === 'no-op'),
      'nothing left to do',
    );
    const saved = countingRegistry(env.HOME);
    const resumed = await sessionForPlan(stack, await readPrior(store), saved.registry, plan, env);
    assert.ok(resumed.session, JSON.stringify(resumed.diagnostics));
    await resumed.session.close();
    assert.equal(saved.starts.get('ballasttest6'), 1, 'one process for the module expansion and the saved plan');
    assert.deepEqual(saved.closes, saved.starts);
  }),
);

test('an import into a module instance closes the provider the expansion started', { skip, timeout: 300_000 }, () =>
  withTempDir(async (dir) => {
    const { stack, store, env, counted } = await setUp(dir);
    const out = await importResource(stack, store, counted.registry, { addr: parseInstance('module.mc[1].terraform_data.kept'), id: 'some-id', env });
    assert.deepEqual(
      out.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    assert.ok(out.version?.resources['module.mc[1].terraform_data.kept']);
    assert.equal(counted.starts.get('ballasttest6'), 1);
    assert.deepEqual(counted.closes, counted.starts, 'the provider only the expansion needed is closed');

    const beyond = await importResource(stack, store, countingRegistry(env.HOME).registry, { addr: parseInstance('module.mc[2].terraform_data.kept'), id: 'x', env });
    assert.match(beyond.diagnostics.map((d) => d.summary).join('\n'), /"module\.mc\[2\]\.terraform_data\.kept" does not exist in the configuration/);
  }),
);
