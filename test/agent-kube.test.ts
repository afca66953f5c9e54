// The agent following a real git repository of a plain-YAML cluster-app stack, against a real
// kube-apiserver + etcd: a commit is applied and reported healthy; a hand `scale` is put back
// within --drift-interval; an object marked `ballast.dev/drift: alert` edited by hand is reported
// in /status and the metric, not put back; an object removed from git is pruned; `rollback --to 1`
// restores it and the agent keeps the pin; with the API server down the agent retries, keeps
// serving its last status and recovers when the server returns.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startGitDaemon, type GitDaemon } from './helpers/git-daemon.ts';
import { makeRepo } from './helpers/git-repo.ts';
import { clusterPerFile } from './helpers/kube-per-file.ts';
import { kubeGet, kubectl } from './helpers/kube-stack.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { runBallast } from './helpers/run-ballast.ts';
import { join } from 'node:path';
import { applied, rev, startAgent, stopAllAgents } from './agent-harness.ts';

const SECRET = 'agent-kube-secret-value-42';
let daemon: GitDaemon;

// registered first, so the agents stop before the cluster and the git daemon they use
after(async () => {
  await stopAllAgents();
  await daemon?.stop();
});
const { cluster, skip } = clusterPerFile({ rollout: 200 });
before(async () => {
  if (!skip) daemon = await startGitDaemon();
});

const deployment = (name: string, replicas: number, annotations = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
${annotations}spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: ${name}
        image: nginx:1.27
`;

function appYaml(withExtra: boolean): string {
  return [
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\n  namespace: shop\ndata:\n  PORT: "8080"\n',
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: shop\ntype: Opaque\nstringData:\n  password: ${SECRET}\n`,
    deployment('web', 2),
    // an autoscaler owns this one's replicas: report hand edits, never put them back
    deployment('worker', 1, '  annotations:\n    ballast.dev/drift: alert\n'),
    ...(withExtra ? ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n  namespace: shop\ndata:\n  k: v\n'] : []),
  ].join('---\n');
}

const WEB = 'kubernetes_manifest.Deployment_shop_web';
const WORKER = 'kubernetes_manifest.Deployment_shop_worker';

test('agent + real API server: apply, health, drift reverted and alerted, prune, rollback pin, API server outage', { skip, timeout: 900_000 }, async () => {
  const repo = makeRepo({ root: daemon.basePath, name: 'cluster-apps' });
  after(() => repo.dispose());
  const dir = await makeTempDir('ballast-agent-kube-');
  const state = join(dir, 'state');
  const c1 = repo.commit({ 'apps/app.yaml': appYaml(true) }, 'shop app');
  const agent = await startAgent(['--git', daemon.url('cluster-apps.git'), '--path', 'apps', '--interval', '1s', '--drift-interval', '2s', '--state-dir', state, '--work-dir', join(dir, 'work')], {
    cwd: dir,
    env: cluster.env,
  });
  const wait = 180_000;

  // commit -> applied, then healthy as the next drift check sees it
  await agent.waitFor('c1 applied', applied('apps', rev(c1)), wait);
  assert.equal((await kubeGet(cluster, 'deployment', 'web', 'shop'))?.spec.replicas, 2);
  const healthy = await agent.waitFor(
    'web and worker reported Current',
    (s) => {
      const h = s.stacks.apps?.health ?? [];
      return [WEB, WORKER].every((a) => h.find((x) => x.address === a)?.status === 'Current');
    },
    wait,
  );
  const cm = healthy.stacks.apps.health.find((h) => h.address === 'kubernetes_manifest.ConfigMap_shop_web-config');
  assert.equal(cm?.status, 'Current', JSON.stringify(healthy.stacks.apps.health));

  // a hand scale of a revert object: put back within --drift-interval
  await kubectl(cluster, ['scale', 'deployment/web', '-n', 'shop', '--replicas=5']);
  await agent.waitForMetric('ballast_drift_objects_total', { stack: 'apps', outcome: 'reverted' }, 1, wait);
  assert.equal((await kubeGet(cluster, 'deployment', 'web', 'shop'))?.spec.replicas, 2, 'the hand scale was put back');

  // a hand scale of an alert object: reported in /status and the metric, left as it is
  await kubectl(cluster, ['scale', 'deployment/worker', '-n', 'shop', '--replicas=3']);
  const alerted = await agent.waitFor('worker drift reported', (s) => s.stacks.apps?.drifted.some((d) => d.address === WORKER) ?? false, wait);
  const d = alerted.stacks.apps.drifted.find((x) => x.address === WORKER)!;
  assert.equal(d.policy, 'alert');
  assert.ok(d.paths.includes('manifest.spec.replicas'), d.paths.join(', '));
  assert.ok(!Number.isNaN(Date.parse(d.since)));
  assert.equal(await agent.metric('ballast_drift_objects_total', { stack: 'apps', outcome: 'alerted' }), 1);
  await agent.waitForSteps('apps', 3); // drift checks that saw the edit
  assert.equal((await kubeGet(cluster, 'deployment', 'worker', 'shop'))?.spec.replicas, 3, 'an alert object is never put back');
  assert.equal(await agent.metric('ballast_drift_objects_total', { stack: 'apps', outcome: 'alerted' }), 1, 'one episode counts once');
  assert.equal((await agent.status()).stacks.apps.drifted.find((x) => x.address === WORKER)?.since, d.since, 'since: the first sighting');
  // the web UI lists each object with the policy the agent resolved, its health and its drift
  const page = async (path: string) => {
    const res = await fetch(`${agent.base}${path}`, { headers: { accept: 'text/html' } });
    assert.equal(res.status, 200, path);
    return res.text();
  };
  const stackPage = await page('/stacks/apps');
  const row = (address: string) => new RegExp(`<tr data-address="${address.replace(/[.]/g, '\\.')}"[^>]*>[\\s\\S]*?</tr>`).exec(stackPage)?.[0] ?? '';
  const workerRow = row(WORKER);
  assert.match(workerRow, /class="drifted" data-outcome="alerted"/, stackPage);
  assert.match(workerRow, /data-policy="alert">alert<\/span> <span class="muted small">\(object label\)/);
  assert.match(workerRow, /data-health="(Current|InProgress)"/);
  assert.match(workerRow, /manifest\.spec\.replicas/);
  assert.match(row(WEB), /data-policy="revert">revert<\/span> <span class="muted small">\(default\)/, stackPage);
  assert.match(await page(`/stacks/apps/resources/${encodeURIComponent(WORKER)}`), /data-outcome="alerted"[\s\S]*manifest\.spec\.replicas/);
  for (const text of [stackPage, await page(`/stacks/apps/resources/${encodeURIComponent('kubernetes_manifest.Secret_shop_db')}`)]) {
    assert.ok(!text.includes(SECRET) && !text.includes(Buffer.from(SECRET).toString('base64')), 'no Secret value in the web UI');
  }

  // removed from git -> pruned
  const c2 = repo.commit({ 'apps/app.yaml': appYaml(false) }, 'drop extra');
  await agent.waitFor('c2 applied', applied('apps', rev(c2)), wait);
  assert.equal(await kubeGet(cluster, 'configmap', 'extra', 'shop'), null);

  // rollback --to 1 restores it; the agent keeps the pin (no auto-sync undoing it)
  const rb = await runBallast(['rollback', '--to', '1', '--stack', 'apps', '--state-dir', state, '--auto-approve'], { cwd: dir, env: cluster.env });
  assert.equal(rb.code, 0, rb.stderr + rb.stdout);
  assert.equal((await kubeGet(cluster, 'configmap', 'extra', 'shop'))?.data.k, 'v');
  await agent.waitFor('the pin reported', (s) => s.stacks.apps?.pinnedTo === 1, wait);
  await agent.waitForSteps('apps', 4, wait); // polls and drift checks on the pinned version
  assert.equal((await agent.status()).stacks.apps.pinnedTo, 1);
  assert.equal((await kubeGet(cluster, 'configmap', 'extra', 'shop'))?.data.k, 'v', 'the agent undid the rollback');

  // API server down: steps fail and are retried, /status keeps being served; back up: recovers
  const before = await agent.status();
  await cluster.stopApiServer();
  try {
    const down = await agent.waitFor('a step failed while the API server is down', (s) => s.stacks.apps?.lastResult?.kind === 'failed', wait);
    assert.equal(down.stacks.apps.stateVersion, before.stacks.apps.stateVersion, 'the last status is still served');
    assert.match(down.stacks.apps.lastResult?.message ?? '', /Kubernetes API server unreachable/, 'the failure says what is wrong');
    assert.doesNotMatch(down.stacks.apps.lastResult?.message ?? '', /\n\s+at /, 'no stack trace in /status');
    assert.equal(down.stacks.apps.pinnedTo, 1);
    const errors = await agent.metric('ballast_errors_total', { stack: 'apps' });
    await agent.waitForMetric('ballast_errors_total', { stack: 'apps' }, errors + 1, wait); // retried
  } finally {
    await cluster.startApiServer();
  }
  const back = await agent.waitFor('recovered after the API server returned', (s) => s.stacks.apps?.lastResult?.kind !== 'failed', wait);
  assert.equal(back.stacks.apps.pinnedTo, 1);

  const everything = agent.logs() + JSON.stringify(await agent.status()) + (await (await fetch(`${agent.base}/metrics`)).text());
  assert.ok(!everything.includes(SECRET), 'the Secret value never reaches logs, status or metrics');
  assert.equal(await agent.stop(), 0);
});
