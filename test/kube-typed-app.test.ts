// A cdktf app written with @cdktf/provider-kubernetes' typed classes (stacks/cluster-typed)
// against a real kube-apiserver, through the CLI: create → no-op re-plan → update → hand edits
// reverted → import of a hand-made ConfigMap → destroy. Data sources read existing objects;
// Secret values never show in plan or show output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clusterPerFile } from './helpers/kube-per-file.ts';
import { ballastOk, kubeGet, kubectl } from './helpers/kube-stack.ts';
import { copyStack } from './helpers/copy-stack.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { runBallast } from './helpers/run-ballast.ts';

const { cluster, skip } = clusterPerFile({ rollout: true });

const SECRETS = ['app-password-XYZ', 'tok-SECRET-123', Buffer.from('app-password-XYZ').toString('base64'), Buffer.from('tok-SECRET-123').toString('base64')];
const noSecrets = (text: string, what: string) => {
  for (const s of SECRETS) assert.equal(text.includes(s), false, `${what} shows a secret value`);
};

test('typed @cdktf/provider-kubernetes app: create, no-op, update, drift reverted, import, destroy', { skip }, async () => {
  const dir = await makeTempDir('ballast-kube-typed-');
  await copyStack('cluster-typed', dir);
  const setContext = async (patch: Record<string, unknown>) => {
    const f = join(dir, 'cdktf.json');
    const j = JSON.parse(await readFile(f, 'utf8'));
    j.context = { ...j.context, ...patch };
    await writeFile(f, JSON.stringify(j, null, 2));
  };
  const noChanges = async () => {
    const r = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir, env: cluster.env, timeoutMs: 300_000 });
    assert.equal(r.code, 0, `expected no changes\n${r.stdout}\n${r.stderr}`);
    noSecrets(r.stdout + r.stderr, 'a no-op plan');
  };
  await kubectl(cluster, ['create', 'secret', 'generic', 'upstream', '-n', 'default', '--from-literal=token=tok-SECRET-123']);

  const plan = await ballastOk(cluster, ['plan'], dir);
  for (const a of [
    'kubernetes_namespace_v1.ns',
    'kubernetes_config_map_v1.config',
    'kubernetes_secret_v1.creds',
    'kubernetes_deployment_v1.web',
    'kubernetes_service_v1.svc',
    'kubernetes_job_v1.migrate',
    'kubernetes_role_binding_v1.reader_binding',
  ]) {
    assert.match(plan.stdout, new RegExp(`${a.replace('.', '\\.')} will be created`));
  }
  noSecrets(plan.stdout + plan.stderr, 'the plan');

  const created = await ballastOk(cluster, ['apply', '--auto-approve'], dir);
  noSecrets(created.stdout + created.stderr, 'apply output');
  const system = await kubeGet(cluster, 'namespace', 'kube-system');
  const cm = await kubeGet(cluster, 'configmap', 'shop', 'typed');
  assert.deepEqual(cm?.data, { LOG_LEVEL: 'info', CLUSTER_ID: system?.metadata.uid }, 'a data source value flows into the ConfigMap');
  const secret = await kubeGet(cluster, 'secret', 'shop-creds', 'typed');
  assert.equal(Buffer.from(secret?.data.password, 'base64').toString(), 'app-password-XYZ');
  assert.equal(Buffer.from(secret?.data.upstream_token, 'base64').toString(), 'tok-SECRET-123', 'the secret data source feeds the Secret');
  const dep = await kubeGet(cluster, 'deployment', 'shop', 'typed');
  assert.equal(dep?.spec.replicas, 2);
  assert.equal(dep?.spec.template.spec.containers[0].envFrom[0].configMapRef.name, 'shop');
  assert.equal(dep?.spec.template.spec.containers[0].readinessProbe.httpGet.port, 'http');
  assert.equal(dep?.status.availableReplicas, 2, 'apply waited for the rollout (wait_for_rollout defaults to true)');
  assert.ok(
    dep?.metadata.managedFields.some((m: { manager: string; operation: string }) => m.manager === 'ballast' && m.operation === 'Apply'),
    'server-side apply under field manager ballast',
  );
  assert.equal((await kubeGet(cluster, 'service', 'shop', 'typed'))?.spec.ports[0].targetPort, 'http');
  assert.equal((await kubeGet(cluster, 'rolebinding', 'shop-reader', 'typed'))?.subjects[0].name, 'shop');
  assert.equal((await kubeGet(cluster, 'job', 'shop-migrate', 'typed'))?.spec.backoffLimit, 1);
  await noChanges();

  const shown = await ballastOk(cluster, ['show'], dir);
  assert.match(shown.stdout, /kubernetes_secret_v1\.creds/);
  noSecrets(shown.stdout + shown.stderr, 'show');

  // Update: a new image, more replicas, another log level.
  await setContext({ image: 'ghcr.io/example/shop:2.0', replicas: 3, logLevel: 'debug' });
  const upd = await ballastOk(cluster, ['plan'], dir);
  assert.match(upd.stdout, /kubernetes_deployment_v1\.web will be updated in-place/);
  assert.match(upd.stdout, /kubernetes_job_v1\.migrate must be replaced/, "a Job's template is immutable: a new image replaces the Job");
  assert.doesNotMatch(upd.stdout, /kubernetes_deployment_v1\.web must be replaced/);
  await ballastOk(cluster, ['apply', '--auto-approve'], dir);
  const dep2 = await kubeGet(cluster, 'deployment', 'shop', 'typed');
  assert.equal(dep2?.spec.replicas, 3);
  assert.equal(dep2?.spec.template.spec.containers[0].image, 'ghcr.io/example/shop:2.0');
  assert.equal((await kubeGet(cluster, 'configmap', 'shop', 'typed'))?.data.LOG_LEVEL, 'debug');
  assert.equal((await kubeGet(cluster, 'job', 'shop-migrate', 'typed'))?.spec.template.spec.containers[0].image, 'ghcr.io/example/shop:2.0');
  await noChanges();

  // Hand edits (kubectl scale, set image, edit a ConfigMap) are found and reverted.
  await kubectl(cluster, ['scale', 'deployment', 'shop', '-n', 'typed', '--replicas=7']);
  await kubectl(cluster, ['set', 'image', 'deployment/shop', '-n', 'typed', 'shop=evil:latest']);
  await kubectl(cluster, ['patch', 'configmap', 'shop', '-n', 'typed', '--type=merge', '-p', '{"data":{"LOG_LEVEL":"hand"}}']);
  const drift = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir, env: cluster.env, timeoutMs: 300_000 });
  assert.equal(drift.code, 2, `drift is a change\n${drift.stdout}\n${drift.stderr}`);
  assert.match(drift.stdout, /kubernetes_deployment_v1\.web will be updated in-place/);
  assert.match(drift.stdout, /kubernetes_config_map_v1\.config will be updated in-place/);
  await ballastOk(cluster, ['apply', '--auto-approve'], dir);
  const dep3 = await kubeGet(cluster, 'deployment', 'shop', 'typed');
  assert.equal(dep3?.spec.replicas, 3);
  assert.equal(dep3?.spec.template.spec.containers[0].image, 'ghcr.io/example/shop:2.0');
  assert.equal((await kubeGet(cluster, 'configmap', 'shop', 'typed'))?.data.LOG_LEVEL, 'debug');
  await noChanges();

  // A ConfigMap made by hand is adopted by import under its typed address.
  await kubectl(cluster, ['create', 'configmap', 'legacy', '-n', 'typed', '--from-literal=owner=ops']);
  await setContext({ adoptLegacy: true });
  const taken = await runBallast(['plan'], { cwd: dir, env: cluster.env, timeoutMs: 300_000 });
  assert.notEqual(taken.code, 0);
  assert.match(taken.stdout + taken.stderr, /ConfigMap typed\/legacy \(v1\) already exists[\s\S]*ballast import <address> "typed\/legacy"/);
  await ballastOk(cluster, ['import', 'kubernetes_config_map_v1.legacy', 'typed/legacy'], dir);
  await noChanges();

  const destroyed = await ballastOk(cluster, ['destroy', '--auto-approve'], dir);
  noSecrets(destroyed.stdout + destroyed.stderr, 'destroy output');
  for (const [kind, name] of [
    ['deployment', 'shop'],
    ['configmap', 'shop'],
    ['configmap', 'legacy'],
    ['secret', 'shop-creds'],
    ['service', 'shop'],
    ['job', 'shop-migrate'],
    ['rolebinding', 'shop-reader'],
  ]) {
    assert.equal(await kubeGet(cluster, kind!, name!, 'typed'), null, `${kind} ${name} is deleted`);
  }
  const ns = await kubeGet(cluster, 'namespace', 'typed');
  assert.ok(ns === null || ns.metadata.deletionTimestamp, 'the namespace is being deleted (no namespace controller runs in the test cluster)');
  assert.ok(await kubeGet(cluster, 'secret', 'upstream', 'default'), 'objects Ballast did not create are never touched');
});
