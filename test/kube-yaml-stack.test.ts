// A plain-YAML cluster-app stack against a real kube-apiserver: create, no-op re-plan, update,
// a hand edit corrected, an object removed from the source pruned (and one Ballast did not
// create left alone), rollback --to 1; Secret values never printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clusterPerFile } from './helpers/kube-per-file.ts';
import { ballastOk, kubeGet, kubectl } from './helpers/kube-stack.ts';
import { runBallast } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

const SECRET = 'hunter2-very-secret-value';

const { cluster, skip } = clusterPerFile({ rollout: true });

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: ${image}
        resources:
          requests: {cpu: "0.5", memory: 64Mi}
        envFrom:
        - configMapRef: {name: web-config}
`;

async function writeStack(dir: string, image: string, withService: boolean): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'namespace.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
  await writeFile(
    join(dir, 'app.yaml'),
    ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\n  namespace: shop\ndata:\n  GREETING: "hello ${USER} %{x}"\n  PORT: "8080"\n', deployment(image)].join('---\n'),
  );
  await writeFile(join(dir, 'secret.yaml'), `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: shop\ntype: Opaque\nstringData:\n  password: ${SECRET}\n`);
  if (withService)
    await writeFile(
      join(dir, 'service.yaml'),
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n    targetPort: 8080\n',
    );
  else await rm(join(dir, 'service.yaml'), { force: true });
}

test('plain YAML: create, no-op, update, drift corrected, prune, rollback', { skip }, async () => {
  const root = await makeTempDir('ballast-kube-yaml-');
  const dir = join(root, 'shop');
  const outputs: string[] = [];
  const ok = async (args: string[]) => {
    const r = await ballastOk(cluster, args, dir);
    outputs.push(r.stdout, r.stderr);
    return r;
  };
  await writeStack(dir, 'nginx:1.0', true);

  const plan = await ok(['plan']);
  assert.match(plan.stdout, /kubernetes_manifest\.Deployment_shop_web will be created/);
  assert.match(plan.stdout, /Plan: 5 to add, 0 to change, 0 to destroy/);

  await ok(['apply', '--auto-approve']);
  const dep = await kubeGet(cluster, 'deployment', 'web', 'shop');
  assert.equal(dep?.spec.replicas, 2);
  assert.equal(dep?.spec.template.spec.containers[0].image, 'nginx:1.0');
  assert.ok(
    dep?.metadata.managedFields.some((m: { manager: string; operation: string }) => m.manager === 'ballast' && m.operation === 'Apply'),
    'applied with server-side apply as field manager "ballast"',
  );
  const cm = await kubeGet(cluster, 'configmap', 'web-config', 'shop');
  assert.equal(cm?.data.GREETING, 'hello ${USER} %{x}', 'template-like text in YAML stays literal');
  const secret = await kubeGet(cluster, 'secret', 'db', 'shop');
  assert.equal(Buffer.from(secret?.data.password, 'base64').toString(), SECRET);

  // No perpetual diff: server defaults (imagePullPolicy, strategy, cpu "0.5" → "500m") are not changes.
  const again = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir, env: cluster.env });
  outputs.push(again.stdout, again.stderr);
  assert.equal(again.code, 0, `re-plan after apply changes nothing\n${again.stdout}\n${again.stderr}`);
  assert.match(again.stdout, /No changes/);

  // An object Ballast did not create, in the same namespace.
  await kubectl(cluster, ['create', 'configmap', 'hand-made', '-n', 'shop', '--from-literal=a=b']);

  // Update from the source.
  await writeStack(dir, 'nginx:1.1', true);
  const upd = await ok(['apply', '--auto-approve']);
  assert.match(upd.stdout, /0 added, 1 changed, 0 destroyed|Apply complete! Resources: 0 added, 1 changed, 0 destroyed/);
  assert.equal((await kubeGet(cluster, 'deployment', 'web', 'shop'))?.spec.template.spec.containers[0].image, 'nginx:1.1');

  // A hand edit (kubectl scale) is found and put back.
  await kubectl(cluster, ['scale', 'deployment/web', '-n', 'shop', '--replicas=5']);
  const drift = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir, env: cluster.env });
  outputs.push(drift.stdout, drift.stderr);
  assert.equal(drift.code, 2, drift.stdout + drift.stderr);
  assert.match(drift.stdout, /kubernetes_manifest\.Deployment_shop_web will be updated in-place/);
  assert.match(drift.stdout, /replicas\s*=\s*5\s*->\s*2/);
  await ok(['apply', '--auto-approve']);
  assert.equal((await kubeGet(cluster, 'deployment', 'web', 'shop'))?.spec.replicas, 2);
  const settled = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir, env: cluster.env });
  assert.equal(settled.code, 0, settled.stdout + settled.stderr);

  // Removed from the source → pruned; the hand-made ConfigMap is untouched.
  await writeStack(dir, 'nginx:1.1', false);
  const prune = await ok(['apply', '--auto-approve']);
  assert.match(prune.stdout, /0 added, 0 changed, 1 destroyed/);
  assert.equal(await kubeGet(cluster, 'service', 'web', 'shop'), null);
  assert.ok(await kubeGet(cluster, 'configmap', 'hand-made', 'shop'), 'objects Ballast did not create are never touched');

  // rollback --to 1: the first image and the Service come back.
  const rb = await ok(['rollback', '--to', '1', '--auto-approve']);
  assert.match(rb.stdout, /Recorded state version \d+ of stack "shop"/);
  assert.equal((await kubeGet(cluster, 'deployment', 'web', 'shop'))?.spec.template.spec.containers[0].image, 'nginx:1.0');
  assert.ok(await kubeGet(cluster, 'service', 'web', 'shop'), 'the pruned Service is back');

  // Secret sweep over everything the CLI printed.
  const show = await ok(['show']);
  outputs.push(show.stdout);
  const all = outputs.join('\n');
  assert.ok(!all.includes(SECRET), 'the Secret value never appears in output');
  assert.ok(!all.includes(Buffer.from(SECRET).toString('base64')), 'nor its base64 form');
});

test('a re-plan of many objects costs a list per kind and namespace, not a request per object', { skip }, async () => {
  const dir = join(await makeTempDir('ballast-kube-many-'), 'many');
  await mkdir(dir, { recursive: true });
  const docs = ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: many\n'];
  for (let i = 0; i < 12; i++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n  namespace: many\ndata:\n  i: "${i}"\n`);
  for (let i = 0; i < 3; i++) {
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web${i}\n  namespace: many\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web${i}}\n  template:\n    metadata:\n      labels: {app: web${i}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.${i}\n`,
    );
  }
  await writeFile(join(dir, 'objects.yaml'), docs.join('---\n'));
  await ballastOk(cluster, ['apply', '--auto-approve'], dir);
  const env = { ...cluster.env, BALLAST_DEBUG_KUBE_REQUESTS: '1' };
  const counts = (stderr: string) => {
    const m = /kubernetes API requests to \S+: (.*)/.exec(stderr);
    assert.ok(m, `the request count is printed\n${stderr}`);
    return Object.fromEntries(m[1]!.split(', ').map((x) => [x.split(' ')[0], Number(x.split(' ')[1])]));
  };
  const noop = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir, env });
  assert.equal(noop.code, 0, noop.stdout + noop.stderr);
  // a list for the ConfigMaps and one for the Deployments; GETs only for discovery and the lone Namespace
  assert.deepEqual(counts(noop.stderr), { GET: 3, LIST: 2 });

  // what the lists show is what one GET each would: a hand edit, a deleted object
  await kubectl(cluster, ['scale', 'deployment/web1', '-n', 'many', '--replicas=4']);
  await kubectl(cluster, ['delete', 'configmap', 'c7', '-n', 'many']);
  const drift = await runBallast(['plan', '--detailed-exitcode'], { cwd: dir, env });
  assert.equal(drift.code, 2, drift.stdout + drift.stderr);
  assert.match(drift.stdout, /kubernetes_manifest\.ConfigMap_many_c7 will be created/);
  assert.match(drift.stdout, /replicas\s*=\s*4\s*->\s*2/);
  assert.match(drift.stdout, /Plan: 1 to add, 1 to change, 0 to destroy/);
});
