// The other cluster-app kinds against a real kube-apiserver: Kustomize overlays per environment
// (prod with a CRD and its custom resource in one revision), a cdk8s app, and a cdktf app with
// @cdktf/provider-kubernetes that feeds an S3 bucket name and an SQS queue URL (moto) into a
// ConfigMap and a Deployment's env; one change to both, rolled back together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clusterPerFile } from './helpers/kube-per-file.ts';
import { ballastOk, kubeGet, kubectl } from './helpers/kube-stack.ts';
import { copyStack } from './helpers/copy-stack.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { runBallast } from './helpers/run-ballast.ts';
import { motoAvailable, startMoto, type MotoServer } from './helpers/moto.ts';
import { motoEnv } from './helpers/aws-app.ts';

const { cluster, skip } = clusterPerFile({ rollout: true });

const noChanges = async (dir: string, env: Record<string, string> = {}) => {
  const r = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir, env: { ...cluster.env, ...env }, timeoutMs: 300_000 });
  assert.equal(r.code, 0, `expected no changes\n${r.stdout}\n${r.stderr}`);
};

test('kustomize overlays: dev and prod are separate stacks; prod plans a CRD and its custom resource together', { skip }, async () => {
  const root = await makeTempDir('ballast-kube-kustomize-');
  await copyStack('cluster-kustomize', root);
  const dev = join(root, 'overlays', 'dev');
  const prod = join(root, 'overlays', 'prod');

  await ballastOk(cluster, ['apply', '--auto-approve'], dev);
  assert.equal((await kubeGet(cluster, 'deployment', 'web', 'shop-dev'))?.spec.replicas, 1);
  await noChanges(dev);

  const plan = await ballastOk(cluster, ['plan'], prod);
  assert.match(plan.stdout, /kubernetes_manifest\.CustomResourceDefinition_widgets_example_com will be created/);
  assert.match(plan.stdout, /kubernetes_manifest\.Widget_shop-prod_main will be created/);
  await ballastOk(cluster, ['apply', '--auto-approve'], prod);
  assert.equal((await kubeGet(cluster, 'widgets.example.com', 'main', 'shop-prod'))?.spec.size, 3);
  const web = await kubeGet(cluster, 'deployment', 'web', 'shop-prod');
  assert.equal(web?.spec.replicas, 3);
  assert.equal(web?.metadata.annotations?.['config.kubernetes.io/origin'], undefined, 'the origin annotation Ballast renders with is not applied');
  assert.equal(web?.spec.template.spec.containers[0].image, 'nginx:1.27-prod');
  assert.equal((await kubeGet(cluster, 'configmap', 'web-config', 'shop-prod'))?.data.LOG_LEVEL, 'warn');
  await noChanges(prod);

  // A change to the base reaches both overlays; the custom resource changes in place.
  const base = join(root, 'base', 'app.yaml');
  await writeFile(base, (await readFile(base, 'utf8')).replace('LOG_LEVEL: info', 'LOG_LEVEL: debug'));
  await writeFile(join(prod, 'widget.yaml'), (await readFile(join(prod, 'widget.yaml'), 'utf8')).replace('size: 3', 'size: 5'));
  await ballastOk(cluster, ['apply', '--auto-approve'], dev);
  await ballastOk(cluster, ['apply', '--auto-approve'], prod);
  assert.equal((await kubeGet(cluster, 'configmap', 'web-config', 'shop-dev'))?.data.LOG_LEVEL, 'debug');
  assert.equal((await kubeGet(cluster, 'configmap', 'web-config', 'shop-prod'))?.data.LOG_LEVEL, 'warn', 'the prod patch still wins');
  assert.equal((await kubeGet(cluster, 'widgets.example.com', 'main', 'shop-prod'))?.spec.size, 5);
  await noChanges(prod);

  // Rollback of prod to its first version.
  await ballastOk(cluster, ['rollback', '--to', '1', '--auto-approve'], prod);
  assert.equal((await kubeGet(cluster, 'widgets.example.com', 'main', 'shop-prod'))?.spec.size, 3);
});

test('a cdk8s app: synthesized, applied, updated, pruned', { skip }, async () => {
  const dir = join(await makeTempDir('ballast-kube-cdk8s-'), 'shop');
  await copyStack('cluster-cdk8s', dir);
  await ballastOk(cluster, ['apply', '--auto-approve'], dir);
  assert.equal((await kubeGet(cluster, 'deployment', 'api', 'cdk8s-shop'))?.spec.replicas, 2);
  assert.ok(await kubeGet(cluster, 'service', 'api', 'cdk8s-shop'));
  await noChanges(dir);

  const settings = join(dir, 'settings.json');
  await writeFile(settings, JSON.stringify({ namespace: 'cdk8s-shop', image: 'nginx:1.28', replicas: 3 }));
  const upd = await ballastOk(cluster, ['apply', '--auto-approve'], dir);
  assert.match(upd.stdout, /1 changed/);
  const dep = await kubeGet(cluster, 'deployment', 'api', 'cdk8s-shop');
  assert.equal(dep?.spec.replicas, 3);
  assert.equal(dep?.spec.template.spec.containers[0].image, 'nginx:1.28');
  await noChanges(dir);

  // The Service leaves the app: it is pruned.
  const main = join(dir, 'main.ts');
  await writeFile(main, (await readFile(main, 'utf8')).replace(/ {4}new ApiObject\(this, 'svc'[\s\S]*?\n {4}\}\);\n/, ''));
  const prune = await ballastOk(cluster, ['apply', '--auto-approve'], dir);
  assert.match(prune.stdout, /1 destroyed/);
  assert.equal(await kubeGet(cluster, 'service', 'api', 'cdk8s-shop'), null);
});

test('infra and cluster in one graph: bucket and queue flow into a ConfigMap and a Deployment; rollback restores both', {
  skip: skip || (!motoAvailable() && 'run scripts/setup-venv.sh'),
}, async () => {
  const moto: MotoServer = await startMoto();
  try {
    const dir = await makeTempDir('ballast-kube-mixed-');
    await copyStack('cluster-mixed', dir);
    const env = motoEnv(moto);
    const setContext = async (patch: Record<string, unknown>) => {
      const f = join(dir, 'cdktf.json');
      const j = JSON.parse(await readFile(f, 'utf8'));
      j.context = { ...j.context, ...patch };
      await writeFile(f, JSON.stringify(j, null, 2));
    };
    await ballastOk(cluster, ['apply', '--auto-approve'], dir, env);
    const cmap = await kubeGet(cluster, 'configmap', 'orders', 'orders');
    assert.equal(cmap?.data.BUCKET, 'ballast-orders-uploads');
    assert.match(cmap?.data.QUEUE_URL, /ballast-orders-jobs$/);
    const dep = await kubeGet(cluster, 'deployment', 'orders', 'orders');
    const envs = Object.fromEntries(dep?.spec.template.spec.containers[0].env.map((e: { name: string; value: string }) => [e.name, e.value]));
    assert.equal(envs.QUEUE_URL, cmap?.data.QUEUE_URL);
    assert.equal(envs.BUCKET, 'ballast-orders-uploads');
    await noChanges(dir, env);

    // One commit changes both the queue (a new name: replaced) and the image.
    await setContext({ prefix: 'ballast-orders2', image: 'ghcr.io/example/orders:2.0' });
    await ballastOk(cluster, ['apply', '--auto-approve'], dir, env);
    const dep2 = await kubeGet(cluster, 'deployment', 'orders', 'orders');
    assert.equal(dep2?.spec.template.spec.containers[0].image, 'ghcr.io/example/orders:2.0');
    assert.match(dep2?.spec.template.spec.containers[0].env[0].value, /ballast-orders2-jobs$/);
    await noChanges(dir, env);

    // A hand edit of the image is corrected.
    await kubectl(cluster, ['set', 'image', 'deployment/orders', '-n', 'orders', 'orders=evil:latest']);
    await ballastOk(cluster, ['apply', '--auto-approve'], dir, env);
    assert.equal((await kubeGet(cluster, 'deployment', 'orders', 'orders'))?.spec.template.spec.containers[0].image, 'ghcr.io/example/orders:2.0');

    await ballastOk(cluster, ['rollback', '--to', '1', '--auto-approve'], dir, env);
    const dep3 = await kubeGet(cluster, 'deployment', 'orders', 'orders');
    assert.equal(dep3?.spec.template.spec.containers[0].image, 'ghcr.io/example/orders:1.0', 'the previous image tag is back');
    assert.match(dep3?.spec.template.spec.containers[0].env[0].value, /ballast-orders-jobs$/, 'and the earlier queue with it');
    assert.equal((await kubeGet(cluster, 'configmap', 'orders', 'orders'))?.data.BUCKET, 'ballast-orders-uploads');
  } finally {
    await moto.stop();
  }
});
