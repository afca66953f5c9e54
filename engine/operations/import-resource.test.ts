// Import blocks through the planner and apply, and `ballast import` (importResource), with the
// built-in random provider (random_integer imports from "result,min,max") and a real local store.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { prepareStack } from './prepare-stack.ts';
import { readPrior } from './prior-state.ts';
import { planPreparedStack } from './plan-stack.ts';
import { applySession } from './apply-stack.ts';
import { importResource } from './import-resource.ts';
import { hasChanges } from '../plan/plan.ts';
import { renderPlan } from '../plan/render/human.ts';
import { parseInstance } from '../addrs.ts';
import { defaultRegistry } from '../../providers/shipped/default-registry.ts';
import { LocalDirStore } from '../../state/local-dir-store.ts';
import { withTempDir } from '../../test/helpers/temp-dir.ts';

const registry = defaultRegistry();

function stackOf(json: Record<string, unknown>, dir: string) {
  const full = { terraform: { required_providers: { random: { source: 'hashicorp/random' } } }, ...json };
  const prepared = prepareStack({ name: 'imp', file: join(dir, 'cdk.tf.json'), dir, json: full, bytes: Buffer.from(JSON.stringify(full)) }, { flags: [], files: [], env: {} });
  return prepared;
}

const resource = { random_integer: { n: { min: 1, max: 50 } } };

async function plan(dir: string, store: LocalDirStore, json: Record<string, unknown>) {
  const prepared = stackOf(json, dir);
  assert.deepEqual(
    prepared.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  return planPreparedStack(prepared.stack!, await readPrior(store), registry, { mode: 'normal' }, {});
}

test('an import block adopts the object: the plan says "will be imported", apply records it, the next plan is clean', () =>
  withTempDir(async (dir) => {
    const store = new LocalDirStore(join(dir, 'state'), { stack: 'imp' });
    const json = { resource, import: [{ to: 'random_integer.n', id: '15,1,50' }] };
    const first = await plan(dir, store, json);
    const session = first.session!;
    try {
      const c = session.plan.changes.find((x) => x.address === 'random_integer.n')!;
      assert.deepEqual(c.importing, { id: '15,1,50' });
      assert.equal(c.action, 'no-op');
      assert.equal(hasChanges(session.plan), true);
      const text = renderPlan(session.plan, { color: false });
      assert.match(text, /# random_integer\.n will be imported/);
      assert.match(text, /Plan: 1 to import, 0 to add, 0 to change, 0 to destroy\./);
      const outcome = await applySession(session, store);
      assert.equal(outcome.version?.resources['random_integer.n'].attributes.result, 15);
    } finally {
      await session.close();
    }
    const second = await plan(dir, store, json);
    try {
      assert.equal(hasChanges(second.session!.plan), false);
      assert.equal(second.session!.plan.changes.find((x) => x.address === 'random_integer.n')?.importing, undefined);
    } finally {
      await second.session!.close();
    }
  }));

test('an import block whose target is not declared is an error naming it', () =>
  withTempDir(async (dir) => {
    const store = new LocalDirStore(join(dir, 'state'), { stack: 'imp' });
    const r = await plan(dir, store, { resource, import: [{ to: 'random_integer.missing', id: '15,1,50' }] });
    assert.equal(r.session, undefined);
    const d = r.diagnostics.find((x) => x.summary === 'Configuration for import target does not exist');
    assert.ok(d, JSON.stringify(r.diagnostics));
    assert.equal(d.where?.address, 'random_integer.missing');
  }));

test('importResource records a version with reason import; an undeclared or already managed address is refused', () =>
  withTempDir(async (dir) => {
    const store = new LocalDirStore(join(dir, 'state'), { stack: 'imp' });
    const stack = stackOf({ resource }, dir).stack!;

    const undeclared = await importResource(stack, store, registry, { addr: parseInstance('random_integer.other'), id: '15,1,50', env: {} });
    assert.equal(undeclared.version, null);
    assert.match(undeclared.diagnostics[0].summary, /"random_integer\.other" does not exist in the configuration/);
    const badKey = await importResource(stack, store, registry, { addr: parseInstance('random_integer.n[0]'), id: '15,1,50', env: {} });
    assert.equal(badKey.diagnostics[0].summary, 'Invalid import address');

    const ok = await importResource(stack, store, registry, { addr: parseInstance('random_integer.n'), id: '7,1,50', env: {} });
    assert.deepEqual(
      ok.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    assert.equal(ok.version?.reason, 'import');
    assert.equal(ok.version?.serial, 1);
    assert.equal((await store.current())?.resources['random_integer.n'].attributes.result, 7);

    const again = await importResource(stack, store, registry, { addr: parseInstance('random_integer.n'), id: '8,1,50', env: {} });
    assert.equal(again.version, null);
    assert.equal(again.diagnostics.find((d) => d.severity === 'error')?.summary, 'Resource already managed by Ballast');
    assert.equal((await store.current())?.serial, 1);
  }));

test("importResource refuses an instance that count or for_each does not give, in Terraform's words; nothing is recorded", () =>
  withTempDir(async (dir) => {
    const store = new LocalDirStore(join(dir, 'state'), { stack: 'imp' });
    const stack = stackOf(
      {
        locals: { zones: { a: 1, b: 2 } },
        resource: {
          random_integer: {
            n: { count: 2, min: 1, max: 50 },
            z: { for_each: '${local.zones}', min: 1, max: 50 },
            // count read from a recorded object, as a plan reads it
            m: { count: '${random_integer.n[0].result}', min: 1, max: 50 },
          },
        },
      },
      dir,
    ).stack!;
    for (const address of ['random_integer.n[2]', 'random_integer.z["c"]']) {
      const r = await importResource(stack, store, registry, { addr: parseInstance(address), id: '15,1,50', env: {} });
      assert.equal(r.version, null, address);
      const d = r.diagnostics.find((x) => x.severity === 'error');
      assert.equal(d?.summary, 'Configuration for import target does not exist', address);
      assert.equal(d?.detail, `The configuration for the given import ${address} does not exist. All target instances must have an associated configuration to be imported.`);
      assert.equal(d?.where?.address, address);
    }
    assert.equal(await store.current(), null, 'no version was written');

    for (const [address, id] of [
      ['random_integer.n[1]', '3,1,50'],
      ['random_integer.z["b"]', '4,1,50'],
      ['random_integer.n[0]', '2,1,50'],
    ] as const) {
      const r = await importResource(stack, store, registry, { addr: parseInstance(address), id, env: {} });
      assert.deepEqual(
        r.diagnostics.filter((d) => d.severity === 'error'),
        [],
        address,
      );
    }
    // random_integer.n[0].result is 2 now: m has instances 0 and 1
    const past = await importResource(stack, store, registry, { addr: parseInstance('random_integer.m[2]'), id: '5,1,50', env: {} });
    assert.equal(past.diagnostics.find((d) => d.severity === 'error')?.summary, 'Configuration for import target does not exist');
    const within = await importResource(stack, store, registry, { addr: parseInstance('random_integer.m[1]'), id: '5,1,50', env: {} });
    assert.equal(within.version?.serial, 4);
  }));
