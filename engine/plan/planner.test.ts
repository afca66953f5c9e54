// Unit tests of the planner: planStack driven directly with the built-in providers (null,
// random, local, terraform_data). Prior state comes from real applies through the operations
// layer into a temporary local state directory, so every "before" is a real object.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseInstance, parseTarget } from '../addrs.ts';
import { hasErrors } from '../diagnostics.ts';
import { Unknown } from '../lang/value.ts';
import { prepareStack, type PreparedStack } from '../operations/prepare-stack.ts';
import { readPrior } from '../operations/prior-state.ts';
import { planPreparedStack } from '../operations/plan-stack.ts';
import { applySession } from '../operations/apply-stack.ts';
import { LocalDirStore } from '../../state/local-dir-store.ts';
import { defaultRegistry } from '../../providers/shipped/default-registry.ts';
import { makeTempDir } from '../../test/helpers/temp-dir.ts';
import { planStack, type PlanOptions } from './planner.ts';
import type { PriorState } from './prior-state.ts';
import { ProviderSet } from '../eval/provider-set.ts';
import { StackScope } from '../eval/stack-scope.ts';
import { formatProviderRef } from '../config/model.ts';
import type { Plan } from './plan.ts';

type Json = Record<string, unknown>;
const registry = defaultRegistry();

interface Fixture {
  readonly dir: string;
  readonly store: LocalDirStore;
}

async function fixture(): Promise<Fixture> {
  const dir = await makeTempDir('ballast-planner-');
  return { dir, store: new LocalDirStore(join(dir, '.ballast', 'main'), { stack: 'main' }) };
}

function prepare(f: Fixture, json: Json): PreparedStack {
  const bytes = Buffer.from(JSON.stringify(json));
  const r = prepareStack({ name: 'main', file: join(f.dir, 'main.tf.json'), dir: f.dir, json, bytes }, { env: {} });
  assert.ok(r.stack, `prepare failed: ${r.diagnostics.map((d) => `${d.summary}: ${d.detail}`).join('\n')}`);
  return r.stack;
}

/** A normal plan with refresh, as `ballast plan` makes it, plus `more`. */
function planOptions(stack: PreparedStack, more: Partial<PlanOptions> = {}): PlanOptions {
  return { mode: 'normal', refresh: true, targets: [], replace: [], parallelism: 4, sourceRevision: null, configDigest: stack.configDigest, ...more };
}

/** planStack directly, against the store's current state (or an explicit prior). */
async function plan(f: Fixture, json: Json, opts: Partial<PlanOptions> = {}, priorOverride?: PriorState): Promise<Plan> {
  const stack = prepare(f, json);
  const prior = priorOverride ?? (await readPrior(f.store));
  const scope = new StackScope(stack.config, stack.variables);
  const refs = new Set<string>([...[...stack.config.resources.values()].map((r) => formatProviderRef(r.provider)), ...[...prior.instances.values()].map((i) => i.provider)]);
  const opened = await ProviderSet.open(stack.config, refs, registry, { workingDir: f.dir, env: {} }, scope);
  assert.deepEqual(
    opened.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  try {
    return await planStack({ config: stack.config, graph: stack.graph, scope, providers: opened.providers, prior }, planOptions(stack, opts));
  } finally {
    await opened.providers.close();
  }
}

/** A real plan + apply through the operations layer; returns the applied plan. */
async function apply(f: Fixture, json: Json): Promise<Plan> {
  const stack = prepare(f, json);
  const prior = await readPrior(f.store);
  const r = await planPreparedStack(stack, prior, registry, { mode: 'normal' }, {});
  assert.ok(r.session, r.diagnostics.map((d) => `${d.summary}: ${d.detail}`).join('\n'));
  try {
    const out = await applySession(r.session, f.store);
    assert.equal(hasErrors(out.diagnostics), false, out.diagnostics.map((d) => `${d.summary}: ${d.detail}`).join('\n'));
  } finally {
    await r.session.close();
  }
  return r.session.plan;
}

const actions = (p: Plan) => Object.fromEntries(p.changes.map((c) => [c.address, c.action]));
const changed = (p: Plan) => Object.fromEntries(p.changes.filter((c) => c.action !== 'no-op').map((c) => [c.address, c.action]));
const errors = (p: Plan) => p.diagnostics.filter((d) => d.severity === 'error');

const base = (extra: Json = {}): Json => ({
  resource: {
    random_pet: { p: { length: 2 } },
    terraform_data: { d: { input: 'one' } },
    null_resource: { n: { triggers: { v: 'one' } } },
    ...extra,
  },
});

test('create on empty state, then no-op after apply', async () => {
  const f = await fixture();
  const first = await plan(f, base());
  assert.deepEqual(actions(first), { 'null_resource.n': 'create', 'random_pet.p': 'create', 'terraform_data.d': 'create' });
  assert.ok(first.changes.find((c) => c.address === 'random_pet.p')!.after!.id instanceof Unknown, 'computed id is unknown at plan time');
  assert.equal(first.priorSerial, null);
  await apply(f, base());
  const again = await plan(f, base());
  assert.deepEqual(actions(again), { 'null_resource.n': 'no-op', 'random_pet.p': 'no-op', 'terraform_data.d': 'no-op' });
  assert.equal(again.priorSerial, 1);
  assert.deepEqual(errors(again), []);
});

test('update in place, replace (delete-then-create) with requiresReplace, and delete', async () => {
  const f = await fixture();
  await apply(f, base());
  const edited: Json = { resource: { random_pet: { p: { length: 2 } }, terraform_data: { d: { input: 'two' } } } };
  // null_resource removed; terraform_data input changed
  const p = await plan(f, edited);
  assert.deepEqual(changed(p), { 'null_resource.n': 'delete', 'terraform_data.d': 'update' });
  assert.equal(p.changes.find((c) => c.address === 'null_resource.n')!.reason, 'delete-because-no-resource-config');
  const d = p.changes.find((c) => c.address === 'terraform_data.d')!;
  assert.equal(d.after!.input, 'two');
  assert.equal(d.before!.input, 'one');

  const replaced = await plan(f, base({ null_resource: { n: { triggers: { v: 'two' } } } }));
  const n = replaced.changes.find((c) => c.address === 'null_resource.n')!;
  assert.equal(n.action, 'delete-then-create');
  assert.equal(n.reason, 'replace-because-cannot-update');
  assert.deepEqual(n.requiresReplace, [['triggers']]);
  assert.ok(n.after!.id instanceof Unknown, 'the replacement is planned as a new object');
});

test('create_before_destroy makes a replace create-then-delete', async () => {
  const f = await fixture();
  const cfg = (v: string): Json => ({ resource: { null_resource: { n: { triggers: { v }, lifecycle: { create_before_destroy: true } } } } });
  await apply(f, cfg('a'));
  const p = await plan(f, cfg('b'));
  assert.deepEqual(changed(p), { 'null_resource.n': 'create-then-delete' });
});

test('prevent_destroy blocks delete, replace and destroy mode, but not updates', async () => {
  const f = await fixture();
  const cfg = (input: string, trig = 'a'): Json => ({
    resource: {
      terraform_data: { d: { input, triggers_replace: trig, lifecycle: { prevent_destroy: true } } },
    },
  });
  await apply(f, cfg('x'));
  const upd = await plan(f, cfg('y'));
  assert.deepEqual(errors(upd), []);
  assert.deepEqual(changed(upd), { 'terraform_data.d': 'update' });

  const rep = await plan(f, cfg('x', 'b'));
  assert.match(errors(rep)[0]?.summary ?? '', /Instance cannot be destroyed/);
  assert.equal(errors(rep)[0]?.where?.address, 'terraform_data.d');

  const des = await plan(f, cfg('x'), { mode: 'destroy' });
  assert.match(errors(des)[0]?.summary ?? '', /Instance cannot be destroyed/);
});

test('ignore_changes on one attribute and "all"', async () => {
  const f = await fixture();
  const cfg = (v: string, ignore: unknown): Json => ({
    resource: {
      null_resource: { n: { triggers: { v, w: 'fixed' }, lifecycle: { ignore_changes: ignore } } },
      terraform_data: { d: { input: v, lifecycle: { ignore_changes: ignore === 'all' ? 'all' : ['input'] } } },
    },
  });
  await apply(f, cfg('a', ['triggers']));
  assert.deepEqual(changed(await plan(f, cfg('b', ['triggers']))), {});
  assert.deepEqual(changed(await plan(f, cfg('b', 'all'))), {});
  // without ignore_changes the same edit replaces / updates
  const none: Json = { resource: { null_resource: { n: { triggers: { v: 'b', w: 'fixed' } } }, terraform_data: { d: { input: 'b' } } } };
  assert.deepEqual(changed(await plan(f, none)), { 'null_resource.n': 'delete-then-create', 'terraform_data.d': 'update' });
});

test('replace_triggered_by: a replaced or updated referenced resource replaces this one', async () => {
  const f = await fixture();
  const cfg = (v: string): Json => ({
    resource: {
      terraform_data: { src: { input: v } },
      null_resource: { n: { triggers: { fixed: '1' }, lifecycle: { replace_triggered_by: ['terraform_data.src'] } } },
      random_pet: { unrelated: { length: 1, lifecycle: { replace_triggered_by: ['terraform_data.src.id'] } } },
    },
  });
  await apply(f, cfg('a'));
  assert.deepEqual(changed(await plan(f, cfg('a'))), {});
  const p = await plan(f, cfg('b'));
  // updating src triggers n (whole-resource reference), but not unrelated (its id did not change)
  assert.deepEqual(changed(p), { 'null_resource.n': 'delete-then-create', 'terraform_data.src': 'update' });
  assert.equal(p.changes.find((c) => c.address === 'null_resource.n')!.reason, 'replace-by-triggers');
});

test('count and for_each expand, shrink and grow with the right reasons', async () => {
  const f = await fixture();
  const cfg = (n: number, keys: string[]): Json => ({
    resource: {
      null_resource: { c: { count: n, triggers: { i: '${count.index}' } } },
      terraform_data: { e: { for_each: `\${toset(${JSON.stringify(keys)})}`, input: '${each.key}' } },
    },
  });
  const first = await plan(f, cfg(3, ['a', 'b']));
  assert.deepEqual(Object.keys(actions(first)).sort(), ['null_resource.c[0]', 'null_resource.c[1]', 'null_resource.c[2]', 'terraform_data.e["a"]', 'terraform_data.e["b"]']);
  await apply(f, cfg(3, ['a', 'b']));
  const p = await plan(f, cfg(1, ['b', 'c']));
  assert.deepEqual(changed(p), {
    'null_resource.c[1]': 'delete',
    'null_resource.c[2]': 'delete',
    'terraform_data.e["a"]': 'delete',
    'terraform_data.e["c"]': 'create',
  });
  assert.equal(p.changes.find((c) => c.address === 'null_resource.c[2]')!.reason, 'delete-because-count-index');
  assert.equal(p.changes.find((c) => c.address === 'terraform_data.e["a"]')!.reason, 'delete-because-each-key');
});

test('--target limits the plan to the target and its dependencies; instance targets', async () => {
  const f = await fixture();
  const cfg = (v: string): Json => ({
    resource: {
      random_pet: { p: { length: 2, keepers: { v } } },
      terraform_data: { d: { input: '${random_pet.p.id}' }, other: { input: v } },
      null_resource: { c: { count: 2, triggers: { v } } },
    },
  });
  await apply(f, cfg('a'));
  const t = await plan(f, cfg('b'), { targets: [parseTarget('terraform_data.d')] });
  // d depends on p: p is replaced, d follows; other and c are left alone
  assert.deepEqual(changed(t), { 'random_pet.p': 'delete-then-create', 'terraform_data.d': 'update' });
  const one = await plan(f, cfg('b'), { targets: [parseTarget('null_resource.c[1]')] });
  assert.deepEqual(changed(one), { 'null_resource.c[1]': 'delete-then-create' });
  const none = await plan(f, cfg('b'), { targets: [parseTarget('null_resource.nope')] });
  assert.match(errors(none)[0]?.summary ?? '', /Target "null_resource.nope" matches nothing/);
  // destroy with a target: the target and what depends on it
  const des = await plan(f, cfg('a'), { mode: 'destroy', targets: [parseTarget('random_pet.p')] });
  assert.deepEqual(changed(des), { 'random_pet.p': 'delete', 'terraform_data.d': 'delete' });
});

test('--target: an instance the target leaves out and that does not exist yet reads as unknown, as in Terraform', async () => {
  const f = await fixture();
  const cfg: Json = {
    resource: { null_resource: { c: { count: 2, triggers: { i: '${count.index}' } } } },
    output: { ids: { value: '${[for r in null_resource.c : r.triggers.i]}' }, fixed: { value: 'x' } },
  };
  const p = await plan(f, cfg, { targets: [parseTarget('null_resource.c[1]')] });
  assert.deepEqual(changed(p), { 'null_resource.c[1]': 'create' });
  assert.equal(p.targeted, true);
  assert.ok(p.diagnostics.some((d) => d.severity === 'warning' && d.summary === 'Resource targeting is in effect'));
  // only outputs that read something targeted are planned; the left-out instance is unknown
  assert.deepEqual(
    p.outputs.map((o) => o.name),
    ['ids'],
  );
  const ids = p.outputs[0].after as unknown[];
  assert.ok(ids[0] instanceof Unknown);
  assert.equal(ids[1], '1');
});

test('apply records an output over a resource with count = 0 (an empty tuple, not null)', async () => {
  const f = await fixture();
  const cfg: Json = { resource: { null_resource: { c: { count: 0 } } }, output: { ids: { value: '${[for r in null_resource.c : r.id]}' } } };
  await apply(f, cfg);
  assert.deepEqual((await readPrior(f.store)).version?.outputs.ids?.value, []);
});

test('try() and can() in a resource are not unknown functions', async () => {
  const f = await fixture();
  const p = await plan(f, { resource: { terraform_data: { t: { input: '${can(regex("^a", "abc")) ? try(tonumber("x"), "fallback") : "no"}' } } } });
  assert.deepEqual(errors(p), []);
  assert.equal(p.changes[0].after!.input, 'fallback');
});

test('--replace forces replacement of one instance', async () => {
  const f = await fixture();
  await apply(f, base());
  const p = await plan(f, base(), { replace: [parseInstance('random_pet.p')] });
  const pet = p.changes.find((c) => c.address === 'random_pet.p')!;
  assert.equal(pet.action, 'delete-then-create');
  assert.equal(pet.reason, 'replace-by-request');
  assert.deepEqual(changed(p), { 'random_pet.p': 'delete-then-create' });
});

test('destroy mode deletes everything recorded', async () => {
  const f = await fixture();
  await apply(f, base());
  const p = await plan(f, base(), { mode: 'destroy' });
  assert.deepEqual(actions(p), { 'null_resource.n': 'delete', 'random_pet.p': 'delete', 'terraform_data.d': 'delete' });
});

test('refresh finds a file deleted out of band (drift) and plans to create it again; refresh=false does not', async () => {
  const f = await fixture();
  const cfg: Json = { resource: { local_file: { f: { filename: '${path.module}/a.txt', content: 'hello' } } } };
  await apply(f, cfg);
  assert.ok(existsSync(join(f.dir, 'a.txt')));
  await rm(join(f.dir, 'a.txt'));
  const p = await plan(f, cfg);
  assert.deepEqual(
    p.drift.map((d) => [d.address, d.action]),
    [['local_file.f', 'delete']],
  );
  assert.deepEqual(changed(p), { 'local_file.f': 'create' });
  const noRefresh = await plan(f, cfg, { refresh: false });
  assert.deepEqual(noRefresh.drift, []);
  assert.deepEqual(changed(noRefresh), {});
  const refreshOnly = await plan(f, cfg, { mode: 'refresh-only' });
  assert.deepEqual(refreshOnly.changes, []);
  assert.equal(refreshOnly.drift.length, 1);
});

test('data sources: read at plan time when known, deferred to apply when config is unknown or a dependency changes', async () => {
  const f = await fixture();
  await writeFile(join(f.dir, 'in.txt'), 'input text');
  const cfg: Json = {
    resource: {
      random_pet: { p: { length: 1 } },
      local_file: { out: { filename: '${path.module}/out.txt', content: 'x' } },
    },
    data: {
      local_file: {
        known: { filename: '${path.module}/in.txt' },
        unknown: { filename: '${path.module}/${random_pet.p.id}.txt' },
        pending: { filename: '${local_file.out.filename}' },
      },
    },
  };
  const p = await plan(f, cfg);
  const byAddr = (a: string) => p.changes.find((c) => c.address === a)!;
  assert.equal(byAddr('data.local_file.known').action, 'no-op');
  assert.equal(byAddr('data.local_file.known').after!.content, 'input text');
  assert.equal(byAddr('data.local_file.unknown').action, 'read');
  assert.equal(byAddr('data.local_file.unknown').reason, 'read-because-config-unknown');
  assert.equal(byAddr('data.local_file.pending').action, 'read');
  assert.equal(byAddr('data.local_file.pending').reason, 'read-because-dependency-pending');
});

test('a check-scoped data source whose own arguments reach a changing resource through a local waits for it, even when its check reads that resource too', async () => {
  const f = await fixture();
  const cfg: Json = {
    resource: { local_file: { out: { filename: '${path.module}/out.txt', content: 'x' } } },
    locals: { target: '${local_file.out.filename}' },
    check: {
      written: {
        data: { local_file: { probe: { filename: '${local.target}' } } },
        assert: [{ condition: '${local_file.out.content == "x"}', error_message: 'not written' }],
      },
    },
  };
  const p = await plan(f, cfg);
  const probe = p.changes.find((c) => c.address === 'data.local_file.probe')!;
  assert.equal(probe.action, 'read');
  assert.equal(probe.reason, 'read-because-dependency-pending');
});

test('tainted prior object (recovered from an interrupted apply) is replaced', async () => {
  const f = await fixture();
  await apply(f, base());
  const prior = await readPrior(f.store);
  const instances = new Map(prior.instances);
  const pet = instances.get('random_pet.p')!;
  instances.set('random_pet.p', { ...pet, tainted: true });
  const p = await plan(f, base(), {}, { ...prior, instances });
  const c = p.changes.find((x) => x.address === 'random_pet.p')!;
  assert.equal(c.action, 'delete-then-create');
  assert.equal(c.reason, 'replace-because-tainted');
});

test('sensitive values: schema-sensitive attributes and sensitive variables are marked in the plan', async () => {
  const f = await fixture();
  const cfg: Json = {
    variable: { secret: { type: 'string', default: 's3cr3t-value', sensitive: true } },
    resource: { random_password: { pw: { length: 12 } }, terraform_data: { d: { input: '${var.secret}' } } },
    output: { leak: { value: '${terraform_data.d.input}' } },
  };
  const p = await plan(f, cfg);
  const pw = p.changes.find((c) => c.address === 'random_password.pw')!;
  assert.ok(pw.afterSensitive.some((path) => path.join('.') === 'result'));
  const d = p.changes.find((c) => c.address === 'terraform_data.d')!;
  assert.ok(d.afterSensitive.some((path) => path.join('.') === 'input'));
  const e = errors(p)[0];
  assert.match(e?.summary ?? '', /Output refers to sensitive values/);
  assert.equal(e?.where?.address, 'output.leak');
  assert.equal(JSON.stringify(p.diagnostics).includes('s3cr3t-value'), false);
});

test('create_before_destroy is forced onto the dependencies of a create_before_destroy resource, and applies without a cycle', async () => {
  const f = await fixture();
  const cfg = (k: string): Json => ({
    resource: {
      random_pet: { p: { length: 1, keepers: { k } } },
      local_file: { f: { filename: '${path.module}/${random_pet.p.id}.txt', content: k, lifecycle: { create_before_destroy: true } } },
    },
  });
  await apply(f, cfg('1'));
  const p = await plan(f, cfg('2'));
  assert.deepEqual(changed(p), { 'local_file.f': 'create-then-delete', 'random_pet.p': 'create-then-delete' });
  assert.equal(p.changes.find((c) => c.address === 'random_pet.p')!.createBeforeDestroy, true);
  const applied = await apply(f, cfg('2'));
  const pet = (await readPrior(f.store)).instances.get('random_pet.p')!.attributes.id;
  assert.notEqual(applied.changes.length, 0);
  assert.ok(existsSync(join(f.dir, `${pet}.txt`)));
  assert.deepEqual(changed(await plan(f, cfg('2'))), {});
});

test('an output whose value is null is left out of the state and the plan, like Terraform (issue 17)', async () => {
  const f = await fixture();
  const json: Json = { variable: { v: { default: null } }, output: { gone: { value: '${var.v}' }, kept: { value: 'x' } } };
  const first = await apply(f, json);
  assert.deepEqual(
    first.outputs.map((o) => [o.name, o.action]),
    [['kept', 'create']],
  );
  const recorded = (await readPrior(f.store)).version!.outputs;
  assert.deepEqual(Object.keys(recorded), ['kept']);
  const again = await plan(f, json);
  assert.deepEqual(
    again.outputs.map((o) => [o.name, o.action]),
    [['kept', 'no-op']],
  );
  // an output that had a value and becomes null is removed
  await apply(f, { variable: { v: { default: 'a' } }, output: { gone: { value: '${var.v}' } } });
  const toNull = await plan(f, json);
  assert.deepEqual(
    toNull.outputs.map((o) => [o.name, o.action]),
    [
      ['gone', 'delete'],
      ['kept', 'create'],
    ],
  );
});

test('plantimestamp() is the time of the plan, known while planning and the same when the plan is applied', async () => {
  const f = await fixture();
  const json: Json = { resource: { terraform_data: { d: { input: '${plantimestamp()}' } } }, output: { t: { value: '${plantimestamp()}' } } };
  const applied = await apply(f, json);
  assert.match(applied.timestamp ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(applied.outputs[0].after, applied.timestamp);
  const change = applied.changes.find((c) => c.address === 'terraform_data.d')!;
  assert.equal((change.after as { input: unknown }).input, applied.timestamp);
  const state = (await readPrior(f.store)).version!;
  assert.equal(state.outputs.t.value, applied.timestamp);
  assert.equal(state.resources['terraform_data.d'].attributes.input, applied.timestamp);
});

test('the instances of one resource are planned side by side, never more than --parallelism at once', async () => {
  const f = await fixture();
  const stack = prepare(f, { resource: { terraform_data: { t: { count: 12, input: '${count.index}' } } } });
  const prior = await readPrior(f.store);
  const scope = new StackScope(stack.config, stack.variables);
  const opened = await ProviderSet.open(stack.config, new Set(['terraform']), registry, { workingDir: f.dir, env: {} }, scope);
  const real = opened.providers.get('terraform')!.provider;
  // the real built-in provider, answering a few ms later, with the calls in flight counted
  let inFlight = 0;
  let most = 0;
  const plan0 = real.planResourceChange.bind(real);
  real.planResourceChange = async (req) => {
    most = Math.max(most, ++inFlight);
    await new Promise((r) => setTimeout(r, 5));
    try {
      return await plan0(req);
    } finally {
      inFlight--;
    }
  };
  try {
    const p = await planStack(
      { config: stack.config, graph: stack.graph, scope, providers: opened.providers, prior },
      {
        mode: 'normal',
        refresh: true,
        targets: [],
        replace: [],
        parallelism: 3,
        sourceRevision: null,
        configDigest: stack.configDigest,
      },
    );
    assert.equal(p.changes.filter((c) => c.action === 'create').length, 12);
    assert.equal(most, 3);
  } finally {
    await opened.providers.close();
  }
});

/** The stack's terraform provider with each planResourceChange delayed and recorded. */
async function instrumented(f: Fixture, json: Json, delay: (tag: string) => number, parallelism: number) {
  const stack = prepare(f, json);
  const prior = await readPrior(f.store);
  const scope = new StackScope(stack.config, stack.variables);
  const opened = await ProviderSet.open(stack.config, new Set(['terraform']), registry, { workingDir: f.dir, env: {} }, scope);
  const real = opened.providers.get('terraform')!.provider;
  const events: string[] = [];
  let inFlight = 0;
  let most = 0;
  const tags = new Map<string, number>();
  let mostResources = 0;
  const plan0 = real.planResourceChange.bind(real);
  real.planResourceChange = async (req) => {
    // each resource names itself in triggers_replace
    const tag = String((req.config as { triggers_replace?: unknown }).triggers_replace);
    events.push(`start ${tag}`);
    most = Math.max(most, ++inFlight);
    tags.set(tag, (tags.get(tag) ?? 0) + 1);
    mostResources = Math.max(mostResources, tags.size);
    await new Promise((r) => setTimeout(r, delay(tag)));
    try {
      const resp = await plan0(req);
      // every resource but a0 and its dependent b fails, so the order of the errors can be seen
      if (tag === 'a0' || tag === 'b') return resp;
      return { ...resp, diagnostics: [...resp.diagnostics, { severity: 'error' as const, summary: `refused ${tag}`, detail: '' }] };
    } finally {
      inFlight--;
      if (tags.get(tag) === 1) tags.delete(tag);
      else tags.set(tag, tags.get(tag)! - 1);
      events.push(`end ${tag}`);
    }
  };
  try {
    const p = await planStack(
      { config: stack.config, graph: stack.graph, scope, providers: opened.providers, prior },
      {
        mode: 'normal',
        refresh: true,
        targets: [],
        replace: [],
        parallelism,
        sourceRevision: null,
        configDigest: stack.configDigest,
      },
    );
    return { plan: p, events, most, mostResources };
  } finally {
    await opened.providers.close();
  }
}

test('independent resources are planned side by side; a dependent only after its dependency; one --parallelism bound overall', async () => {
  const f = await fixture();
  const resources: Json = {};
  for (let i = 0; i < 6; i++) resources[`a${i}`] = { triggers_replace: `a${i}`, input: `a${i}` };
  resources.b = { triggers_replace: 'b', input: '${terraform_data.a0.id}' };
  resources.c = { count: 4, triggers_replace: 'c', input: '${count.index}' };
  // the earliest resources answer last, so completion order is the reverse of a serial walk's
  const r = await instrumented(f, { resource: { terraform_data: resources } }, (tag) => (tag.startsWith('a') ? 60 - 10 * Number(tag.slice(1)) : 5), 3);
  assert.deepEqual(
    r.plan.changes.map((c) => c.address),
    ['terraform_data.a0', 'terraform_data.b'],
  );
  // a serial walk has one resource in flight at a time; a bound per level would allow 3 x 3 calls
  assert.equal(r.mostResources, 3);
  assert.equal(r.most, 3);
  const bStart = r.events.indexOf('start b');
  assert.ok(bStart > r.events.indexOf('end a0'), `b started before a0 finished: ${r.events.join(', ')}`);
  // errors come out in the serial walk's order (topological, instances in order), not completion order
  const serial = prepare(f, { resource: { terraform_data: resources } })
    .graph.dag.topologicalOrder()
    .filter((id) => id !== 'terraform_data.a0' && id !== 'terraform_data.b');
  assert.deepEqual(
    errors(r.plan).map((d) => d.where?.address),
    serial.flatMap((id) => (id === 'terraform_data.c' ? [0, 1, 2, 3].map((i) => `${id}[${i}]`) : [id])),
  );
  assert.ok(errors(r.plan).every((d) => d.summary === `refused ${(d.where?.address ?? '').replace(/^terraform_data\.|\[\d\]$/g, '')}`));
});

test('drift policy by address: alert reports the changed paths and keeps the recorded object, ignore does not compare, revert is the default', async () => {
  const f = await fixture();
  const json = { resource: { terraform_data: { watched: { input: 'a' }, quiet: { input: 'b' }, fixed: { input: 'c' } } } };
  await apply(f, json);
  const stack = prepare(f, json);
  const prior = await readPrior(f.store);
  const scope = new StackScope(stack.config, stack.variables);
  const opened = await ProviderSet.open(stack.config, new Set(['terraform']), registry, { workingDir: f.dir, env: {} }, scope);
  const real = opened.providers.get('terraform')!.provider;
  // the real read, with every object's input changed as by a hand edit outside Ballast
  const read0 = real.readResource.bind(real);
  real.readResource = async (req) => {
    const resp = await read0(req);
    return { ...resp, newState: resp.newState && { ...resp.newState, input: 'edited by hand', output: 'edited by hand' } };
  };
  try {
    const p = await planStack(
      { config: stack.config, graph: stack.graph, scope, providers: opened.providers, prior },
      planOptions(stack, {
        driftPolicies: [
          { address: 'terraform_data.watch*', policy: 'alert' },
          { address: 'terraform_data.q?iet', policy: 'ignore' },
          { address: '*', policy: 'revert', stack: 'other' },
        ],
      }),
    );
    assert.deepEqual(
      p.drift.map((c) => c.address),
      ['terraform_data.fixed'],
      'only the revert one is drift the plan puts back',
    );
    assert.deepEqual(changed(p), { 'terraform_data.fixed': 'update' });
    assert.deepEqual(p.driftAlerts, [{ address: 'terraform_data.watched', deleted: false, paths: ['input', 'output'], policySource: 'terraform_data.watch*' }]);
    // the policies the refresh resolved (not the default), as the web UI lists them per object
    assert.deepEqual(p.driftPolicies, {
      'terraform_data.quiet': { policy: 'ignore', source: 'terraform_data.q?iet' },
      'terraform_data.watched': { policy: 'alert', source: 'terraform_data.watch*' },
    });
    const warnings = p.diagnostics.filter((d) => d.severity === 'warning');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].summary, 'Drift on terraform_data.watched (policy alert: not reverted)');
    assert.match(warnings[0].detail ?? '', /Changed outside Ballast: input, output\. The drift policy for "terraform_data\.watch\*" says "alert"/);
    assert.doesNotMatch(JSON.stringify(warnings), /edited by hand/, 'values are never in the report');
    assert.equal((p.prior['terraform_data.watched'].attributes as { input: string }).input, 'a', 'the recorded object stands');
  } finally {
    await opened.providers.close();
  }
});
