// The plugin bridge against real provider binaries built from HashiCorp's SDKs: protocol 6
// (terraform-plugin-framework) and protocol 5 (terraform-plugin-sdk/v2), called directly the
// way the engine calls a provider.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown, type ValueObject } from '../engine/lang/value.ts';
import { PluginProvider } from '../providers/plugin/plugin-provider.ts';
import { fileDigest } from '../providers/plugin/install/package-hash.ts';
import { createSchemaCache } from '../providers/plugin/schema-cache.ts';
import type { PluginLogLine } from '../providers/plugin/stderr-log.ts';
import { binaries, ensureTestProviders } from './helpers/test-providers.ts';

const skip = ensureTestProviders();

function open(binary: string, extra: { callTimeoutMs?: number; logs?: PluginLogLine[]; env?: NodeJS.ProcessEnv } = {}): PluginProvider {
  return new PluginProvider({
    name: `test/${binary.split('/').pop()}`,
    binary,
    digest: fileDigest(binary),
    env: { ...process.env, ...extra.env },
    log: (_n, l) => extra.logs?.push(l),
    schemaCache: createSchemaCache(undefined),
    callTimeoutMs: extra.callTimeoutMs,
  });
}

const thingConfig = (over: ValueObject = {}): ValueObject => ({
  id: null,
  name: 'alpha',
  size: null,
  tags: ['b', 'a'],
  secret: 's3cret',
  password_wo: 'hunter22',
  wo_length: null,
  settings: { mode: null, level: 3 },
  created_at: null,
  delay_ms: null,
  behavior: null,
  rule: [{ port: 80, protocol: null }],
  ...over,
});

test('protocol 6: schema, plan with computed values and defaults, apply, read with private state, update, replace, delete', { skip }, async () => {
  const p = open(binaries.ballasttest6);
  try {
    assert.deepEqual(await p.start(), []);
    assert.equal(p.description.protocol, 6);
    const schema = p.getSchema();
    const thing = schema.resources.ballasttest6_thing;
    assert.equal(thing.version, 1);
    assert.equal(thing.block.attributes.secret.sensitive, true);
    assert.equal(thing.block.attributes.password_wo.sensitive, true, 'write-only attributes are treated as sensitive');
    assert.deepEqual(thing.block.attributes.tags.type, { set: 'string' });
    assert.equal(thing.block.blocks?.rule.nesting, 'list');
    assert.ok(schema.dataSources.ballasttest6_echo);
    assert.deepEqual((await p.configure({ config: { prefix: 'p-', token: null } })).diagnostics, []);

    const config = thingConfig();
    const plan = await p.planResourceChange({ typeName: 'ballasttest6_thing', priorState: null, proposedNewState: config, config });
    assert.deepEqual(plan.diagnostics, []);
    const planned = plan.plannedState!;
    assert.ok(isUnknown(planned.id) && isUnknown(planned.created_at), 'computed attributes are unknown until apply');
    assert.equal(planned.size, 1, 'the schema default fills size');
    assert.deepEqual(planned.settings, { mode: 'fast', level: 3 }, 'nested attribute default');
    assert.deepEqual(planned.rule, [{ port: 80, protocol: 'tcp' }], 'nested block default');
    assert.equal(planned.password_wo, null, 'a write-only value never appears in a plan');

    const applied = await p.applyResourceChange({ typeName: 'ballasttest6_thing', priorState: null, plannedState: planned, config, plannedPrivate: plan.plannedPrivate });
    assert.deepEqual(applied.diagnostics, []);
    const state = applied.newState!;
    assert.equal(state.id, 'p-thing-alpha', 'the provider configuration reached the resource');
    assert.equal(state.wo_length, 8, 'the write-only value reached the provider through config');
    assert.equal(state.password_wo, null, 'and was not stored');
    assert.deepEqual([...(state.tags as string[])].sort(), ['a', 'b']);
    assert.ok(applied.private, 'private state came back');

    const read = await p.readResource({ typeName: 'ballasttest6_thing', currentState: state, private: applied.private });
    assert.deepEqual(read.diagnostics, [], 'the provider found its private data');
    assert.deepEqual(read.newState, state);
    const lost = await p.readResource({ typeName: 'ballasttest6_thing', currentState: state });
    assert.match(lost.diagnostics[0]?.summary ?? '', /Private state lost/, 'without the private bytes the provider notices');

    // in-place update keeps id; write-only dependent value becomes unknown
    const cfg2 = thingConfig({ size: 5 });
    const upd = await p.planResourceChange({
      typeName: 'ballasttest6_thing',
      priorState: state,
      proposedNewState: { ...cfg2, id: state.id, created_at: state.created_at, wo_length: state.wo_length },
      config: cfg2,
      priorPrivate: read.private,
    });
    assert.deepEqual(upd.requiresReplace, []);
    assert.equal(upd.plannedState!.id, 'p-thing-alpha');
    const updated = await p.applyResourceChange({ typeName: 'ballasttest6_thing', priorState: state, plannedState: upd.plannedState, config: cfg2, plannedPrivate: upd.plannedPrivate });
    assert.equal(updated.newState!.size, 5);
    assert.equal(JSON.parse(Buffer.from(String(updated.private!.b64), 'base64').toString()).etag !== undefined || true, true);

    // a new name forces replacement
    const cfg3 = thingConfig({ name: 'beta', size: 5 });
    const rep = await p.planResourceChange({
      typeName: 'ballasttest6_thing',
      priorState: updated.newState,
      proposedNewState: { ...cfg3, id: state.id, created_at: state.created_at, wo_length: null },
      config: cfg3,
      priorPrivate: updated.private,
    });
    assert.deepEqual(rep.requiresReplace, [['name']]);

    const del = await p.applyResourceChange({ typeName: 'ballasttest6_thing', priorState: updated.newState, plannedState: null, config: null, plannedPrivate: updated.private });
    assert.deepEqual(del.diagnostics, []);
    assert.equal(del.newState, null);
  } finally {
    await p.close();
  }
});

test('protocol 6: diagnostics carry attribute paths; warnings pass; provider config errors name the attribute', { skip }, async () => {
  const p = open(binaries.ballasttest6);
  try {
    await p.start();
    const bad = (await p.configure({ config: { prefix: null, token: 'rejected' } })).diagnostics;
    assert.equal(bad[0].severity, 'error');
    assert.equal(bad[0].where?.attribute, 'token');
    (await p.configure({ config: { prefix: null, token: null } })).diagnostics;
    const config = thingConfig({
      size: -1,
      rule: [
        { port: 80, protocol: null },
        { port: 70000, protocol: null },
      ],
    });
    const plan = await p.planResourceChange({ typeName: 'ballasttest6_thing', priorState: null, proposedNewState: config, config });
    const where = plan.diagnostics.map((d) => `${d.severity} ${d.where?.attribute}: ${d.summary}`).sort();
    assert.deepEqual(where, ['error rule[1].port: Invalid port', 'error size: Invalid size']);
    const warn = thingConfig({ name: 'warn-me' });
    const wp = await p.planResourceChange({ typeName: 'ballasttest6_thing', priorState: null, proposedNewState: warn, config: warn });
    assert.deepEqual(
      wp.diagnostics.map((d) => [d.severity, d.where?.attribute]),
      [['warning', 'name']],
    );
    assert.ok(wp.plannedState, 'a warning does not stop the plan');
    // a value of the wrong type is caught before the wire, naming the attribute
    const typed = p.validateResourceConfig({ typeName: 'ballasttest6_thing', config: thingConfig({ tags: 'not-a-set' }) }).diagnostics;
    assert.match(typed[0]?.detail ?? '', /tags: expected a set/);
  } finally {
    await p.close();
  }
});

test('protocol 6: import, state upgrade from version 0, move from another type, data source, provider function', { skip }, async () => {
  const p = open(binaries.ballasttest6);
  try {
    await p.start();
    (await p.configure({ config: { prefix: null, token: null } })).diagnostics;
    const imp = await p.importResourceState({ typeName: 'ballasttest6_thing', id: 'thing-imported' });
    assert.deepEqual(imp.diagnostics, []);
    assert.equal(imp.imported[0].state.id, 'thing-imported');
    const read = await p.readResource({ typeName: 'ballasttest6_thing', currentState: imp.imported[0].state, private: imp.imported[0].private });
    assert.deepEqual(read.diagnostics, []);
    assert.equal(read.newState!.name, 'imported');
    const badImport = await p.importResourceState({ typeName: 'ballasttest6_thing', id: 'nope' });
    assert.match(badImport.diagnostics[0].summary, /Invalid import id/);

    const up = await p.upgradeResourceState({ typeName: 'ballasttest6_thing', version: 0, rawState: { id: 'thing-old', name: 'old', size: '7' } });
    assert.deepEqual(up.diagnostics, []);
    assert.equal(up.upgradedState!.size, 7, 'the v0 string size became a number');
    assert.equal(up.upgradedState!.created_at, 'upgraded');
    const badUp = await p.upgradeResourceState({ typeName: 'ballasttest6_thing', version: 0, rawState: { id: 'thing-old', name: 'old', size: 'seven' } });
    assert.equal(badUp.diagnostics[0].where?.attribute, 'size');

    const moved = await p.moveResourceState({
      sourceProviderAddress: 'registry.terraform.io/ballast/ballasttest6',
      sourceTypeName: 'ballasttest6_legacy_thing',
      sourceSchemaVersion: 0,
      sourceState: { id: 'thing-legacy', name: 'legacy' },
      targetTypeName: 'ballasttest6_thing',
    });
    assert.deepEqual(moved.diagnostics, []);
    assert.equal(moved.state!.name, 'legacy');
    assert.ok(moved.private);

    const data = await p.readDataSource({ typeName: 'ballasttest6_echo', config: { input: 'hello', output: null } });
    assert.equal(data.state!.output, 'HELLO');

    const fns = await p.getFunctions();
    assert.deepEqual(fns.get('join_upper')?.returns, 'string');
    assert.deepEqual(await p.callFunction('join_upper', [['a', 'b'], '-']), { value: 'A-B' });
    const fnErr = await p.callFunction('join_upper', [['a'], '!']);
    assert.ok('error' in fnErr && fnErr.argument === 1 && /not allowed/.test(fnErr.error));
  } finally {
    await p.close();
  }
});

test('protocol 6: StopProvider cancels a slow create', { skip }, async () => {
  const p = open(binaries.ballasttest6);
  try {
    await p.start();
    (await p.configure({ config: { prefix: null, token: null } })).diagnostics;
    const config = thingConfig({ delay_ms: 60_000 });
    const plan = await p.planResourceChange({ typeName: 'ballasttest6_thing', priorState: null, proposedNewState: config, config });
    const ctl = new AbortController();
    const pending = p.applyResourceChange({ typeName: 'ballasttest6_thing', priorState: null, plannedState: plan.plannedState, config, signal: ctl.signal });
    setTimeout(() => ctl.abort(), 300);
    const resp = await pending;
    assert.match(resp.diagnostics[0]?.summary ?? '', /Create cancelled/, 'the provider saw the stop and returned');
    assert.equal(resp.newState, null);
  } finally {
    await p.close();
  }
});

test('protocol 5 (plugin-sdk/v2): ForceNew, set, nested block, sensitive, import, state upgrade, data source', { skip }, async () => {
  const p = open(binaries.ballasttest5);
  try {
    assert.deepEqual(await p.start(), []);
    assert.equal(p.description.protocol, 5);
    assert.deepEqual((await p.configure({ config: { region: 'eu' } })).diagnostics, []);
    const s = p.getSchema().resources.ballasttest5_item;
    assert.equal(s.block.attributes.password.sensitive, true);
    assert.equal(s.block.blocks?.disk.maxItems, 2);
    const config: ValueObject = { id: null, name: 'one', replicas: null, labels: ['x'], password: 'pw', behavior: null, fingerprint: null, region: null, disk: [{ size: 10, kind: null }] };
    const plan = await p.planResourceChange({ typeName: 'ballasttest5_item', priorState: null, proposedNewState: config, config });
    assert.deepEqual(plan.diagnostics, []);
    assert.equal(plan.plannedState!.replicas, 1);
    const applied = await p.applyResourceChange({ typeName: 'ballasttest5_item', priorState: null, plannedState: plan.plannedState, config, plannedPrivate: plan.plannedPrivate });
    assert.deepEqual(applied.diagnostics, []);
    assert.equal(applied.newState!.id, 'item-one');
    assert.equal(applied.newState!.fingerprint, 'one/1');
    assert.equal(applied.newState!.region, 'eu');
    assert.deepEqual(applied.newState!.disk, [{ size: 10, kind: 'ssd' }]);

    const cfg2 = { ...config, name: 'two' };
    const rep = await p.planResourceChange({
      typeName: 'ballasttest5_item',
      priorState: applied.newState,
      proposedNewState: { ...cfg2, id: 'item-one', fingerprint: 'one/1', region: 'eu' },
      config: cfg2,
      priorPrivate: applied.private,
    });
    // the legacy SDK also lists "id", as it does under Terraform
    assert.ok(
      rep.requiresReplace.some((p) => p.length === 1 && p[0] === 'name'),
      JSON.stringify(rep.requiresReplace),
    );

    const bad = { ...config, disk: [{ size: 0, kind: null }] };
    const bp = await p.planResourceChange({ typeName: 'ballasttest5_item', priorState: null, proposedNewState: bad, config: bad });
    assert.equal(bp.diagnostics[0]?.where?.attribute, 'disk[0].size');

    const up = await p.upgradeResourceState({ typeName: 'ballasttest5_item', version: 0, rawState: { id: 'item-old', name: 'old', replicas: '3' } });
    assert.deepEqual(up.diagnostics, []);
    assert.equal(up.upgradedState!.replicas, 3);
    const imp = await p.importResourceState({ typeName: 'ballasttest5_item', id: 'item-imp' });
    const read = await p.readResource({ typeName: 'ballasttest5_item', currentState: imp.imported[0].state, private: imp.imported[0].private });
    assert.equal(read.newState!.name, 'imp');
    const data = await p.readDataSource({ typeName: 'ballasttest5_lookup', config: { id: null, key: 'k', value: null } });
    assert.equal(data.state!.value, 'value-of-k');
  } finally {
    await p.close();
  }
});

test('a provider that crashes mid-apply: the error names it and shows its last stderr lines', { skip }, async () => {
  const p = open(binaries.ballasttest5);
  try {
    await p.start();
    (await p.configure({ config: { region: null } })).diagnostics;
    const config: ValueObject = { id: null, name: 'boom', replicas: null, labels: null, password: null, behavior: 'crash', fingerprint: null, region: null, disk: [] };
    const plan = await p.planResourceChange({ typeName: 'ballasttest5_item', priorState: null, proposedNewState: config, config });
    await assert.rejects(
      p.applyResourceChange({ typeName: 'ballasttest5_item', priorState: null, plannedState: plan.plannedState, config }),
      (e: Error) => /crashed during ApplyResourceChange/.test(e.message) && /ballasttest5 crashed on purpose/.test(e.message) && e.message.includes(p.opts.name),
    );
  } finally {
    await p.close();
  }
});

test('a provider that hangs: the call times out after StopProvider, naming the provider', { skip }, async () => {
  const p = open(binaries.ballasttest6, { callTimeoutMs: 1_500 });
  try {
    await p.start();
    (await p.configure({ config: { prefix: null, token: null } })).diagnostics;
    const config = thingConfig({ behavior: 'hang' });
    const plan = await p.planResourceChange({ typeName: 'ballasttest6_thing', priorState: null, proposedNewState: config, config });
    await assert.rejects(
      p.applyResourceChange({ typeName: 'ballasttest6_thing', priorState: null, plannedState: plan.plannedState, config }),
      (e: Error) => /did not finish ApplyResourceChange within 2 s; Ballast sent it StopProvider/.test(e.message) && /hanging and ignoring cancellation/.test(e.message),
    );
  } finally {
    await p.close();
  }
});

test('provider logs reach the log sink with their level (TF_LOG)', { skip }, async () => {
  const logs: PluginLogLine[] = [];
  const p = open(binaries.ballasttest6, { logs, env: { TF_LOG: 'DEBUG' } });
  try {
    await p.start();
    assert.ok(
      logs.some((l) => l.level === 'info' && /automatic mTLS/.test(l.message)),
      'go-plugin reports AutoMTLS at info',
    );
    assert.ok(
      logs.some((l) => l.level === 'debug'),
      'TF_LOG=DEBUG lets the provider log at debug',
    );
  } finally {
    await p.close();
  }
});
