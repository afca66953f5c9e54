// The kubernetes provider driven the way the engine drives it, against a real kube-apiserver:
// server-side apply, no perpetual diff, drift, import, conflicts, waits, CRD + CR planning.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatDiagnostic } from '../../engine/diagnostics.ts';
import { isUnknown, type ValueObject } from '../../engine/lang/value.ts';
import { kubeAvailable, startKubeCluster, type KubeCluster } from '../../test/helpers/kube-cluster.ts';
import { startRolloutDriver, type RolloutDriver } from '../../test/helpers/kube-rollout.ts';
import { kubeGet, kubectl } from '../../test/helpers/kube-stack.ts';
import type { Provider } from '../provider.ts';
import { proposeNewState } from '../testdata/provider-harness.ts';
import { createKubernetesProvider } from './index.ts';
import { KubeConfig } from '@kubernetes/client-node';
import { ApiClient, KubeApiError } from './api-client.ts';
import { storedObject } from './manifest-resource.ts';
import { ObjectClient } from './object-client.ts';
import { refOf } from './object-ref.ts';

let cluster: KubeCluster;
let driver: RolloutDriver;
let p: Provider;
const skip = !kubeAvailable() && 'run scripts/setup-kube.sh';
const T = 'kubernetes_manifest';

before(async () => {
  if (skip) return;
  cluster = await startKubeCluster();
  driver = startRolloutDriver(cluster.kubeconfig);
  p = createKubernetesProvider({ workingDir: process.cwd(), env: { KUBECONFIG: cluster.kubeconfig, HOME: '/nonexistent' } });
  const ds = (await p.configure({ config: {} })).diagnostics;
  assert.deepEqual(ds.map(formatDiagnostic), []);
});
after(async () => {
  await p?.close?.();
  await driver?.stop();
  await cluster?.stop();
});

async function plan(config: ValueObject, prior: ValueObject | null) {
  const full = { computed_fields: null, object: null, wait_for: null, field_manager: [], wait: [], timeouts: null, ...config };
  return p.planResourceChange({ typeName: T, priorState: prior, proposedNewState: proposeNewState(p, T, full, prior), config: full });
}
async function apply(config: ValueObject, prior: ValueObject | null): Promise<ValueObject> {
  const pl = await plan(config, prior);
  assert.deepEqual(pl.diagnostics.map(formatDiagnostic), []);
  const r = await p.applyResourceChange({ typeName: T, priorState: prior, plannedState: pl.plannedState, config });
  assert.deepEqual(r.diagnostics.map(formatDiagnostic), []);
  return r.newState!;
}
async function refresh(state: ValueObject) {
  return p.readResource({ typeName: T, currentState: state });
}

const ns = (name: string) => ({ manifest: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });

test('create, refresh without drift, update in place, hand edit seen, delete', { skip }, async () => {
  await apply(ns('p1'), null);
  const cfg = { manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'p1', labels: { a: '1' } }, data: { k: 'v' } } };
  const pl = await plan(cfg, null);
  assert.ok(isUnknown(pl.plannedState!.object), 'object is known after apply');
  const s1 = await apply(cfg, null);
  assert.equal(((s1.object as ValueObject).metadata as ValueObject).namespace, 'p1');
  const r1 = await refresh(s1);
  assert.deepEqual(r1.newState!.manifest, cfg.manifest, 'no drift right after apply');
  const again = await plan(cfg, r1.newState);
  assert.deepEqual(again.plannedState!.manifest, r1.newState!.manifest);
  assert.deepEqual(again.requiresReplace, []);

  await kubectl(cluster, ['label', 'configmap', 'c', '-n', 'p1', 'a=2', '--overwrite']);
  await kubectl(cluster, ['annotate', 'configmap', 'c', '-n', 'p1', 'someone-else=yes']);
  const r2 = await refresh(s1);
  assert.deepEqual(((r2.newState!.manifest as ValueObject).metadata as ValueObject).labels, { a: '2' }, 'the hand edit of a field Ballast set shows');
  assert.equal(JSON.stringify(r2.newState!.manifest).includes('someone-else'), false, 'fields Ballast does not set never show');

  // kubectl took the label over (an Update): putting it back needs force_conflicts, as in cluster-app stacks.
  const s2 = await apply({ manifest: { ...cfg.manifest, data: { k: 'w' } }, field_manager: [{ name: 'ballast', force_conflicts: true }] }, r2.newState);
  assert.equal((await kubeGet(cluster, 'configmap', 'c', 'p1'))?.metadata.labels.a, '1', 'the label is put back');
  assert.equal((await kubeGet(cluster, 'configmap', 'c', 'p1'))?.data.k, 'w');
  const del = await p.applyResourceChange({ typeName: T, priorState: s2, plannedState: null, config: null });
  assert.deepEqual(del.diagnostics, []);
  assert.equal(await kubeGet(cluster, 'configmap', 'c', 'p1'), null);
});

test('renaming forces replacement; an existing object Ballast did not create is refused with the import id', { skip }, async () => {
  await apply(ns('p2'), null);
  const s = await apply({ manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'p2' } } }, null);
  const rename = await plan({ manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'p2' } } }, s);
  assert.deepEqual(rename.requiresReplace, [['manifest']]);
  await kubectl(cluster, ['create', 'configmap', 'theirs', '-n', 'p2']);
  const taken = await plan({ manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'theirs', namespace: 'p2' } } }, null);
  assert.match(taken.diagnostics.map(formatDiagnostic).join('\n'), /ConfigMap p2\/theirs \(v1\) already exists[\s\S]*ballast import <address> "v1,ConfigMap,p2,theirs"/);
});

test('import by apiVersion,kind,namespace,name; the first plan after import adopts it without drift noise', { skip }, async () => {
  await apply(ns('p3'), null);
  await kubectl(cluster, ['create', 'configmap', 'legacy', '-n', 'p3', '--from-literal=x=1']);
  const imp = await p.importResourceState({ typeName: T, id: 'v1,ConfigMap,p3,legacy' });
  assert.deepEqual(imp.diagnostics, []);
  const st = imp.imported[0]!.state;
  assert.deepEqual((st.manifest as ValueObject).data, { x: '1' });
  assert.equal(((st.manifest as ValueObject).metadata as ValueObject).uid, undefined);
  const bad = await p.importResourceState({ typeName: T, id: 'ConfigMap/legacy' });
  assert.match(bad.diagnostics.map(formatDiagnostic).join(''), /Invalid import id "ConfigMap\/legacy"/);
  const none = await p.importResourceState({ typeName: T, id: 'v1,ConfigMap,p3,nope' });
  assert.match(none.diagnostics.map(formatDiagnostic).join(''), /does not exist/);
});

test('field conflicts: refused without force_conflicts, taken over with it', { skip }, async () => {
  await apply(ns('p4'), null);
  // Another manager owns data.k through server-side apply; Ballast then adopts the object through import.
  const file = join(cluster.dir, 'shared.yaml');
  await writeFile(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shared, namespace: p4}\ndata: {k: theirs}\n');
  await kubectl(cluster, ['apply', '--server-side', '--field-manager=other', '-f', file]);
  const mine = { manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shared', namespace: 'p4' }, data: { k: 'mine' } } };
  const imported = (await p.importResourceState({ typeName: T, id: 'v1,ConfigMap,p4,shared' })).imported[0]!.state;
  const refused = await plan(mine, imported);
  const text = refused.diagnostics.map(formatDiagnostic).join('\n');
  assert.match(text, /Field conflict while planning ConfigMap p4\/shared \(v1\)[\s\S]*force_conflicts = true/);
  const forced = await apply({ ...mine, field_manager: [{ name: 'ballast', force_conflicts: true }] }, imported);
  assert.equal((forced.manifest as ValueObject).data && ((forced.manifest as ValueObject).data as ValueObject).k, 'mine');
});

test('wait: a Deployment held back fails after the timeout with its own reason; the object is still recorded', { skip }, async () => {
  await apply(ns('p5'), null);
  driver.hold.add('p5/slow');
  const dep = {
    manifest: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'slow', namespace: 'p5' },
      spec: { replicas: 1, selector: { matchLabels: { app: 's' } }, template: { metadata: { labels: { app: 's' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    },
    wait: [{ rollout: true, fields: null, condition: [] }],
    timeouts: { create: '2s', update: null, delete: null },
  };
  const pl = await plan(dep, null);
  const r = await p.applyResourceChange({ typeName: T, priorState: null, plannedState: pl.plannedState, config: dep });
  assert.match(r.diagnostics.map(formatDiagnostic).join('\n'), /Deployment p5\/slow \(apps\/v1\) did not become ready within 2s[\s\S]*the controller has not observed the object yet/);
  assert.ok(r.newState, 'the created object is in the new state all the same');
  driver.hold.delete('p5/slow');
  const ok = await p.applyResourceChange({ typeName: T, priorState: null, plannedState: pl.plannedState, config: { ...dep, timeouts: { create: '60s', update: null, delete: null } } });
  assert.deepEqual(ok.diagnostics.map(formatDiagnostic), []);
});

test('a CRD and its custom resource plan in one run; the CR is applied once the CRD is Established', { skip }, async () => {
  await apply(ns('p6'), null);
  const crd = {
    manifest: {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'gizmos.test.dev' },
      spec: {
        group: 'test.dev',
        scope: 'Namespaced',
        names: { plural: 'gizmos', singular: 'gizmo', kind: 'Gizmo' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      },
    },
    wait: [{ rollout: false, fields: null, condition: [{ type: 'Established', status: 'True' }] }],
  };
  const cr = { manifest: { apiVersion: 'test.dev/v1', kind: 'Gizmo', metadata: { name: 'g', namespace: 'p6' }, spec: { n: 1 } } };
  const orphan = await plan({ manifest: { apiVersion: 'nope.dev/v1', kind: 'Thing', metadata: { name: 't', namespace: 'p6' } } }, null);
  assert.match(orphan.diagnostics.map(formatDiagnostic).join(''), /Unknown kind: no API serves Thing in nope\.dev\/v1/);
  const pCrd = await plan(crd, null);
  const pCr = await plan(cr, null);
  assert.deepEqual(pCr.diagnostics.map(formatDiagnostic), [], 'the CR plans because its CRD is planned in the same run');
  const sCrd = await p.applyResourceChange({ typeName: T, priorState: null, plannedState: pCrd.plannedState, config: crd });
  assert.deepEqual(sCrd.diagnostics.map(formatDiagnostic), []);
  const sCr = await p.applyResourceChange({ typeName: T, priorState: null, plannedState: pCr.plannedState, config: cr });
  assert.deepEqual(sCr.diagnostics.map(formatDiagnostic), []);
  assert.equal((await kubeGet(cluster, 'gizmos.test.dev', 'g', 'p6'))?.spec.n, 1);
  const r = await refresh(sCr.newState!);
  assert.deepEqual(r.newState!.manifest, cr.manifest);
});

test('drift policy: alert reports without reverting, ignore does not look', { skip }, async () => {
  await apply(ns('p7'), null);
  const mk = (policy: string) => ({ manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: policy, namespace: 'p7', annotations: { 'ballast.dev/drift': policy } }, data: { k: 'v' } } });
  const alert = await apply(mk('alert'), null);
  const ignore = await apply(mk('ignore'), null);
  for (const n of ['alert', 'ignore']) await kubectl(cluster, ['patch', 'configmap', n, '-n', 'p7', '--type=merge', '-p', '{"data":{"k":"hand"}}']);
  // alert: the provider reports what changed and the object's own policy; the engine keeps the
  // recorded object and warns (engine/plan/refresh.ts)
  const ra = await refresh(alert);
  assert.equal(ra.driftPolicy, 'alert');
  assert.equal((ra.newState!.manifest as { data: { k: string } }).data.k, 'hand');
  assert.equal(ra.health?.status, 'Current');
  const ri = await refresh(ignore);
  assert.equal(ri.driftPolicy, 'ignore');
  assert.deepEqual(ri.newState!.manifest, mk('ignore').manifest);
  assert.deepEqual(ri.diagnostics, []);
  const plain = await refresh(await apply({ manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'plain', namespace: 'p7' }, data: { k: 'v' } } }, null));
  assert.equal(plain.driftPolicy, undefined, 'no label or annotation: the configuration decides');
});

test('a refresh of many objects reads them with one list per kind and namespace, with the same answers', { skip }, async () => {
  await apply(ns('p8'), null);
  const cm = (i: number) => ({ manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `m${i}`, namespace: 'p8' }, data: { i: String(i) } } });
  const states: ValueObject[] = [];
  for (let i = 0; i < 6; i++) states.push(await apply(cm(i), null));
  await kubectl(cluster, ['patch', 'configmap', 'm1', '-n', 'p8', '--type=merge', '-p', '{"data":{"i":"hand"}}']);
  await kubectl(cluster, ['delete', 'configmap', 'm2', '-n', 'p8']);
  const expected = await Promise.all(states.map((s) => refresh(s)));

  // the same reads, through an ObjectClient whose requests are counted
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.kubeconfig);
  const api = new ApiClient(kc);
  const client = new ObjectClient(api);
  try {
    const refs = states.map((s) => refOf(s.manifest)!);
    await client.discovery.find('v1', 'ConfigMap');
    const before = api.requests.get('GET') ?? 0;
    client.prefetch(refs);
    const live = await Promise.all(refs.map((r) => client.read(r)));
    assert.equal(api.requests.get('LIST'), 1, 'one list for the six ConfigMaps');
    assert.equal(api.requests.get('GET') ?? 0, before, 'no GET per object');
    assert.equal(live[2], null, 'an object missing from the list is gone');
    assert.equal((live[1]!.data as ValueObject).i, 'hand', 'the hand edit shows');
    for (let i = 0; i < refs.length; i++) {
      if (i === 2) continue;
      assert.equal(live[i]!.kind, 'ConfigMap', 'listed items get their apiVersion and kind back');
      assert.deepEqual(storedObject(live[i]!), expected[i]!.newState!.object, `m${i} reads as a GET reads it`);
    }
    // each listed object is handed out once; the next read asks the server again
    await kubectl(cluster, ['patch', 'configmap', 'm0', '-n', 'p8', '--type=merge', '-p', '{"data":{"i":"later"}}']);
    assert.equal(((await client.read(refs[0]!))!.data as ValueObject).i, 'later');
    // a write in between: nothing listed before it is handed out
    client.prefetch(refs);
    await client.apply(cm(3).manifest, { fieldManager: 'ballast', force: true });
    await kubectl(cluster, ['patch', 'configmap', 'm4', '-n', 'p8', '--type=merge', '-p', '{"data":{"i":"after-write"}}']);
    assert.equal(((await client.read(refs[4]!))!.data as ValueObject).i, 'after-write');
  } finally {
    client.close();
  }

  // a user who may not list (nor get): each object is read on its own and reports its own error
  const limited = new KubeConfig();
  limited.loadFromFile(cluster.kubeconfig);
  limited.setCurrentContext('limited');
  const lc = new ObjectClient(new ApiClient(limited));
  try {
    const refs = states.map((s) => refOf(s.manifest)!);
    lc.prefetch(refs);
    await assert.rejects(lc.read(refs[0]!), (e: unknown) => e instanceof KubeApiError && e.code === 403);
  } finally {
    lc.close();
  }

  // through the provider, as the engine's refresh calls it: the same answers as one read each
  await p.prepareReads!(states.map((s) => ({ typeName: T, currentState: s })));
  const viaBulk = await Promise.all(states.map((s) => refresh(s)));
  const oneByOne = await Promise.all(states.map((s) => refresh(s)));
  assert.deepEqual(
    viaBulk.map((r) => r.newState),
    oneByOne.map((r) => r.newState),
  );
  assert.equal(viaBulk[2]!.newState, null);
  assert.equal(((viaBulk[1]!.newState!.manifest as ValueObject).data as ValueObject).i, 'hand');
});
