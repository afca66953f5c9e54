// Bad cluster-app input against a real kube-apiserver: each gets a clear error naming the file
// or object, a non-zero exit, no stack trace, no state version and no object in the cluster.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clusterPerFile } from './helpers/kube-per-file.ts';
import { kubeGet, kubectl } from './helpers/kube-stack.ts';
import { runBallast, type BallastRun } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

const { cluster, skip } = clusterPerFile();

async function stackWith(files: Record<string, string>): Promise<string> {
  const dir = join(await makeTempDir('ballast-kube-bad-'), 'app');
  await mkdir(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) await writeFile(join(dir, f), text);
  return dir;
}

async function fails(dir: string, args: string[] = ['apply', '--auto-approve'], env: Record<string, string> = {}): Promise<BallastRun> {
  const r = await runBallast(args, { cwd: dir, env: { ...cluster.env, ...env }, timeoutMs: 180_000 });
  assert.equal(r.code, 1, `expected exit 1\n${r.stdout}\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at .+\(.*\.ts:\d+:\d+\)/, `no stack trace:\n${r.stderr}`);
  assert.ok(!existsSync(join(dir, '.ballast', 'app', 'versions', '00000001.json')), 'no state version was written');
  return r;
}

const cm = (name: string, ns?: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}data: {a: b}\n`;

test('invalid YAML names the file and line', { skip }, async () => {
  const dir = await stackWith({ 'good.yaml': cm('fine', 'default'), 'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n' });
  const r = await fails(dir, ['plan']);
  assert.match(r.stderr, /broken\.yaml:\d+: invalid YAML/);
});

test('an unknown kind names the object and the API group', { skip }, async () => {
  const dir = await stackWith({ 'w.yaml': cm('fine', 'default') + '---\napiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g1, namespace: default}\nspec: {}\n' });
  const r = await fails(dir, ['plan']);
  assert.match(r.stderr, /Unknown kind: no API serves Gadget in example\.com\/v1 \(for Gadget default\/g1/);
  assert.match(r.stderr, /kubernetes_manifest\.Gadget_default_g1/);
  assert.match(r.stderr, /on w\.yaml line 8\b/, 'the YAML file and line of the object (its document), not the generated JSON');
});

test('a namespaced object without a namespace, or in a namespace that does not exist', { skip }, async () => {
  const r1 = await fails(await stackWith({ 'a.yaml': cm('nons') }), ['plan']);
  assert.match(r1.stderr, /ConfigMap nons \(v1\) has no metadata\.namespace/);
  assert.match(r1.stderr, /on a\.yaml line 1\b/);
  const r2 = await fails(await stackWith({ 'a.yaml': cm('lost', 'nowhere') }));
  assert.match(r2.stderr, /Namespace "nowhere" of ConfigMap nowhere\/lost \(v1\) does not exist/);
  assert.match(r2.stderr, /on a\.yaml line 1\b/);
  assert.equal(await kubeGet(cluster, 'configmap', 'lost', 'nowhere'), null);
});

test("a field the server rejects shows the server's message, before anything changes", { skip }, async () => {
  const dir = await stackWith({
    'ok.yaml': cm('first-ok', 'default'),
    'bad.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: bad, namespace: default}\nspec:\n  replicas: -3\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: y}}\n    spec:\n      containers: [{name: c, image: nginx}]\n',
  });
  const r = await fails(dir);
  assert.match(r.stderr, /The API server rejected Deployment default\/bad \(apps\/v1\)/);
  assert.match(r.stderr, /on bad\.yaml line 1\b/);
  assert.match(r.stderr, /spec\.replicas: Invalid value: -3/);
  assert.match(r.stderr, /selector.*does not match template labels|`selector` does not match template `labels`/);
  assert.equal(await kubeGet(cluster, 'configmap', 'first-ok', 'default'), null, 'plan failed, so nothing was applied');
});

test("typed resources: a field the server rejects names the resource address and the server's message", { skip }, async () => {
  const dir = await stackWith({
    'main.tf': `terraform {
  required_providers {
    kubernetes = { source = "hashicorp/kubernetes" }
  }
}

resource "kubernetes_config_map_v1" "ok" {
  metadata {
    name      = "typed-first-ok"
    namespace = "default"
  }
  data = { a = "b" }
}

resource "kubernetes_deployment_v1" "web" {
  metadata {
    name      = "typed-bad"
    namespace = "default"
  }
  spec {
    replicas = -3
    selector {
      match_labels = { app = "x" }
    }
    template {
      metadata {
        labels = { app = "x" }
      }
      spec {
        container {
          name  = "c"
          image = "nginx"
        }
      }
    }
  }
}
`,
  });
  const r = await fails(dir);
  assert.match(r.stderr, /The API server rejected Deployment default\/typed-bad \(apps\/v1\)/);
  assert.match(r.stderr, /kubernetes_deployment_v1\.web/);
  assert.match(r.stderr, /on main\.tf line 15, in resource "kubernetes_deployment_v1" "web"/);
  assert.match(r.stderr, /spec\.replicas: Invalid value: -3/);
  assert.equal(await kubeGet(cluster, 'configmap', 'typed-first-ok', 'default'), null, 'plan failed, so nothing was applied');
  assert.equal(await kubeGet(cluster, 'deployment', 'typed-bad', 'default'), null);
});

/** A Kustomize base and overlays beside it: { "base/app.yaml": ..., "dev/kustomization.yaml": ... } */
async function kustomizeTree(files: Record<string, string>): Promise<string> {
  const root = await makeTempDir('ballast-kube-bad-kustomize-');
  for (const [f, text] of Object.entries(files)) {
    await mkdir(join(root, f, '..'), { recursive: true });
    await writeFile(join(root, f), text);
  }
  return root;
}

test('Kustomize: errors name the base or overlay file and line that define the object, not the rendered output', { skip }, async () => {
  const root = await kustomizeTree({
    'base/kustomization.yaml': 'resources:\n- app.yaml\n',
    'base/app.yaml': `${cm('settings')}---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: y}}\n    spec:\n      containers: [{name: c, image: nginx}]\n`,
    'dev/kustomization.yaml': 'namespace: default\nnamePrefix: dev-\nresources:\n- ../base\n- gadget.yaml\n',
    'dev/gadget.yaml': '# a custom resource without its CRD\napiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g1}\nspec: {}\n',
    'lost/kustomization.yaml': 'namespace: nowhere\nconfigMapGenerator:\n- name: other\n  literals: [a=b]\n- name: flags\n  literals: [x=1]\n',
    'broken/kustomization.yaml': 'resources:\n- missing.yaml\n',
  });
  const dev = await fails(join(root, 'dev'), ['plan']);
  // the base's Deployment (document 2 of base/app.yaml, on line 7), renamed and moved by the overlay
  assert.match(dev.stderr, /The API server rejected Deployment default\/dev-web \(apps\/v1\)/);
  assert.match(dev.stderr, /on \S*\/base\/app\.yaml line 7\b/);
  assert.match(dev.stderr, /selector.*does not match template labels|`selector` does not match template `labels`/);
  // the overlay's own file, after its comment line
  assert.match(dev.stderr, /Unknown kind: no API serves Gadget in example\.com\/v1 \(for Gadget default\/dev-g1/);
  assert.match(dev.stderr, /on gadget\.yaml line 2\b/);
  assert.doesNotMatch(dev.stderr, /\(rendered\)|cdk\.tf\.json|ballast-kustomize-/);

  // a generated ConfigMap points at its generator in the kustomization
  const lost = await fails(join(root, 'lost'), ['plan']);
  assert.match(lost.stderr, /Namespace "nowhere" of ConfigMap nowhere\/flags-[a-z0-9]+ \(v1\) does not exist/);
  assert.match(lost.stderr, /on kustomization\.yaml line 5\b/);

  // kustomize's own error is about the user's kustomization, not Ballast's wrapper around it
  const broken = await fails(join(root, 'broken'), ['plan']);
  assert.match(broken.stderr, /kustomize failed for .*broken\/kustomization\.yaml/);
  assert.match(broken.stderr, /missing\.yaml/);
  assert.doesNotMatch(broken.stderr, /ballast-kustomize-/);
});

test('RBAC forbidden names the object and the missing permission; the token is never printed', { skip }, async () => {
  const dir = await stackWith({ 'a.yaml': cm('guarded', 'default') });
  const r = await fails(dir, ['plan', '--kube-context', 'limited']);
  assert.match(r.stderr, /Forbidden/);
  assert.match(r.stderr, /limited-user/);
  assert.match(r.stderr, /ConfigMap default\/guarded/);
  assert.match(r.stderr, /on a\.yaml line 1\b/);
  assert.ok(!(r.stdout + r.stderr).includes(cluster.limitedToken));
});

test('an unreachable API server is one clear error', { skip }, async () => {
  const text = (await readFile(cluster.kubeconfig, 'utf8')).replace(/server: https:\/\/127\.0\.0\.1:\d+/, 'server: https://127.0.0.1:9');
  const dir = await stackWith({ 'a.yaml': cm('x', 'default') });
  const kc = join(dir, '..', 'unreachable.kubeconfig');
  await writeFile(kc, text);
  // A first apply against the real cluster, so refresh has something to read.
  const first = await runBallast(['apply', '--auto-approve'], { cwd: dir, env: cluster.env });
  assert.equal(first.code, 0, first.stdout + first.stderr);
  const r = await runBallast(['plan', '--kubeconfig', kc], { cwd: dir, env: cluster.env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Kubernetes API server unreachable while reading ConfigMap default\/x \(v1\)/);
  assert.match(r.stderr, /127\.0\.0\.1:9/);
  assert.match(r.stderr, /kubernetes_manifest\.ConfigMap_default_x/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  assert.ok(JSON.parse(await kubectl(cluster, ['get', 'configmap', 'x', '-n', 'default', '-o', 'json'])).data);
});

test('a missing kubeconfig file or context is named', { skip }, async () => {
  const dir = await stackWith({ 'a.yaml': cm('y', 'default') });
  const r1 = await fails(dir, ['plan', '--kubeconfig', join(dir, 'nope.kubeconfig')]);
  assert.match(r1.stderr, /Kubeconfig not found: .*nope\.kubeconfig/);
  const r2 = await fails(dir, ['plan', '--kube-context', 'staging']);
  assert.match(r2.stderr, /Kubernetes context "staging" not found/);
  assert.match(r2.stderr, /Known contexts: admin, limited/);
});
