// `ballast bootstrap` writes the agent's own manifests into the repository it follows: they
// apply cleanly (server-side dry-run against a real kube-apiserver), and the directory is a
// cluster-app stack whose objects Ballast applies and records like any other.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { clusterPerFile } from './helpers/kube-per-file.ts';
import { ballastOk, kubeGet, kubectl } from './helpers/kube-stack.ts';
import { makeRepo } from './helpers/git-repo.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { runBallast } from './helpers/run-ballast.ts';

const { cluster, skip } = clusterPerFile({ rollout: true });

test('bad bootstrap input names the problem, exits 1 and writes nothing', async () => {
  const repo = makeRepo();
  after(() => repo.dispose());
  const noBucket = await runBallast(['bootstrap', '--dir', repo.work], { cwd: repo.work });
  assert.equal(noBucket.code, 1);
  assert.match(noBucket.stderr, /--state-s3-bucket is required/);
  assert.doesNotMatch(noBucket.stderr, /\n\s+at /, 'no stack trace');
  const badPath = await runBallast(['bootstrap', '--dir', repo.work, '--state-s3-bucket', 'b', '--path', '../outside'], { cwd: repo.work });
  assert.equal(badPath.code, 1);
  assert.match(badPath.stderr, /--path "\.\.\/outside" must be a directory inside the repository/);
  const badNs = await runBallast(['bootstrap', '--dir', repo.work, '--state-s3-bucket', 'b', '--namespace', 'Not_A_Namespace'], { cwd: repo.work });
  assert.equal(badNs.code, 1);
  assert.match(badNs.stderr, /--namespace must be a Kubernetes namespace name/);
  assert.ok(!existsSync(join(repo.work, 'clusters')));
});

test('bootstrap manifests pass a server-side dry-run, and Ballast applies them as its own stack', { skip, timeout: 600_000 }, async () => {
  const repo = makeRepo();
  after(() => repo.dispose());
  const r = await runBallast(['bootstrap', '--dir', repo.work, '--state-s3-bucket', 'ballast-state', '--replicas', '3', '--stacks-path', 'stacks/*'], { cwd: repo.work });
  assert.equal(r.code, 0, r.stderr);
  const dir = join(repo.work, 'clusters/ballast');
  assert.deepEqual(readdirSync(dir).sort(), [
    'agent-config.yaml',
    'deployment.yaml',
    'kustomization.yaml',
    'namespace.yaml',
    'pod-disruption-budget.yaml',
    'rbac.yaml',
    'service-account.yaml',
    'service.yaml',
  ]);
  assert.match(r.stdout, /kubectl apply -k/);

  // the directory the agent follows for itself is a cluster-app stack (kustomization.yaml)
  const state = join(await makeTempDir('ballast-bootstrap-state-'), 'state');
  const plan = await ballastOk(cluster, ['plan', '--state-dir', state], dir);
  assert.match(plan.stdout, /Plan: 10 to add, 0 to change, 0 to destroy/, plan.stdout);
  await ballastOk(cluster, ['apply', '--auto-approve', '--state-dir', state], dir);
  const dep = await kubeGet(cluster, 'deployment', 'ballast-agent', 'ballast-system');
  assert.equal(dep?.spec.replicas, 3);
  // every object passes the API server's full validation and admission as a server-side apply
  // (after the apply above: the namespaced objects need their namespace, which a dry-run does not
  // create; --force-conflicts because the fields are co-owned with "ballast" and nothing is written)
  const dry = await kubectl(cluster, ['apply', '--server-side', '--force-conflicts', '--field-manager', 'bootstrap-check', '--dry-run=server', '-k', dir]);
  for (const kind of [
    'namespace/ballast-system',
    'deployment.apps/ballast-agent',
    'poddisruptionbudget.policy/ballast-agent',
    'service/ballast-agent',
    'serviceaccount/ballast-agent',
    'role.rbac.authorization.k8s.io/ballast-agent-leases',
    'rolebinding.rbac.authorization.k8s.io/ballast-agent-leases',
    'clusterrole.rbac.authorization.k8s.io/ballast-agent-manager',
    'clusterrolebinding.rbac.authorization.k8s.io/ballast-agent-manager',
    'configmap/ballast-agent-config',
  ]) {
    assert.match(dry, new RegExp(`${kind.replace(/\./g, '\\.')} serverside-applied \\(server dry run\\)`), dry);
  }
  const history = await ballastOk(cluster, ['history', '--state-dir', state], dir);
  assert.match(history.stdout, /\b1\b.*apply/, history.stdout);
  const again = await ballastOk(cluster, ['plan', '--state-dir', state], dir);
  assert.match(again.stdout, /No changes/, again.stdout);
});
