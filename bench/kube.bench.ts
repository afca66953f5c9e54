// Cluster-app benchmark (issue 9): a plain-YAML stack of 500 ConfigMaps + 50 Deployments against
// a real kube-apiserver (scripts/setup-kube.sh), through the real CLI at parallelism 1, 10 and
// 50: first apply, no-op re-plan, drift check (plan after a hand edit), wall time and peak RSS
// of each command; `kubectl apply --server-side` of the same objects beside it. Numbers only.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubeAvailable, startKubeCluster, type KubeCluster } from '../test/helpers/kube-cluster.ts';
import { startRolloutDriver } from '../test/helpers/kube-rollout.ts';

const CONFIGMAPS = 500;
const DEPLOYMENTS = 50;
const BIN = join(import.meta.dirname, '..', 'bin', 'ballast');
const TIME = '/usr/bin/time';

function objectsYaml(ns: string): string {
  const docs = [`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`];
  for (let i = 0; i < CONFIGMAPS; i++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: ${ns}\ndata:\n  index: "${i}"\n  text: "config map number ${i}"\n`);
  for (let i = 0; i < DEPLOYMENTS; i++) {
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${i}\n  namespace: ${ns}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web-${i}}\n  template:\n    metadata:\n      labels: {app: web-${i}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        resources:\n          requests: {cpu: 100m, memory: 64Mi}\n`,
    );
  }
  return docs.join('---\n');
}

/** Runs a command; wall time in ms and, through /usr/bin/time, peak RSS in MiB and CPU time (user + system) in s. */
function timed(cmd: string, args: string[], env: Record<string, string>, cwd?: string): Promise<{ ms: number; rssMiB: number | null; cpuS: number | null; code: number | null; out: string }> {
  const t0 = performance.now();
  const useTime = existsSync(TIME);
  return new Promise((resolve, reject) => {
    const child = spawn(useTime ? TIME : cmd, useTime ? ['-f', 'maxrss=%M cpu=%U+%S', cmd, ...args] : args, { cwd, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /maxrss=(\d+)/.exec(err);
      const c = /cpu=([\d.]+)\+([\d.]+)/.exec(err);
      if (code !== 0 && code !== 2) process.stdout.write(`  ${cmd} ${args[0]} exited ${code}: ${(err + out).slice(0, 1500)}\n`);
      resolve({ ms: performance.now() - t0, rssMiB: m ? Number(m[1]) / 1024 : null, cpuS: c ? Number(c[1]) + Number(c[2]) : null, code, out });
    });
  });
}

// CPU time beside wall time: on a shared machine the wall time says more about the load than about Ballast
const fmt = (r: { ms: number; rssMiB: number | null; cpuS: number | null }) =>
  `${(r.ms / 1000).toFixed(2)} s (cpu ${r.cpuS === null ? '?' : r.cpuS.toFixed(2)} s), ${r.rssMiB === null ? '?' : r.rssMiB.toFixed(0)} MiB`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

export async function run(): Promise<void> {
  if (!kubeAvailable()) {
    console.log('kube-apiserver/etcd are not built (scripts/setup-kube.sh); skipping the Kubernetes benchmark');
    return;
  }
  const cluster: KubeCluster = await startKubeCluster();
  const driver = startRolloutDriver(cluster.kubeconfig, 300);
  const root = mkdtempSync(join(tmpdir(), 'ballast-bench-kube-'));
  try {
    console.log(`${CONFIGMAPS} ConfigMaps + ${DEPLOYMENTS} Deployments (+1 Namespace), plain-YAML stack, real kube-apiserver + etcd on 127.0.0.1; load average ${load()}`);
    for (const p of [1, 10, 50]) {
      const ns = `bench-p${p}`;
      const dir = join(root, ns);
      mkdirSync(dir);
      writeFileSync(join(dir, 'objects.yaml'), objectsYaml(ns));
      const env = { ...cluster.env };
      const apply = await timed(BIN, ['apply', '--auto-approve', '--parallelism', String(p)], env, dir);
      const replan = await timed(BIN, ['plan', '--detailed-exitcode', '--parallelism', String(p)], env, dir);
      // the same re-plan without the parsed-YAML cache (engine/synth/cluster-app/yaml-cache.ts), as after a change to every file
      rmSync(join(dir, 'cdktf.out', 'yaml-objects.json'), { force: true });
      const uncached = await timed(BIN, ['plan', '--detailed-exitcode', '--parallelism', String(p)], env, dir);
      await timed('kubectl', ['--kubeconfig', cluster.kubeconfig, 'scale', 'deployment/web-7', '-n', ns, '--replicas=9'], env);
      const drift = await timed(BIN, ['plan', '--detailed-exitcode', '--parallelism', String(p)], env, dir);
      console.log(
        `parallelism ${String(p).padStart(2)}: first apply ${fmt(apply)} | no-op re-plan ${fmt(replan)} (exit ${replan.code}; without the YAML cache ${fmt(uncached)}) | drift check ${fmt(drift)} (exit ${drift.code}, 2 = drift found) | load average ${load()}`,
      );
    }
    const kdir = join(root, 'kubectl');
    mkdirSync(kdir);
    writeFileSync(join(kdir, 'objects.yaml'), objectsYaml('bench-kubectl'));
    const k1 = await timed('kubectl', ['--kubeconfig', cluster.kubeconfig, 'apply', '--server-side', '-f', join(kdir, 'objects.yaml')], {});
    const k2 = await timed('kubectl', ['--kubeconfig', cluster.kubeconfig, 'apply', '--server-side', '-f', join(kdir, 'objects.yaml')], {});
    const kd = await timed('kubectl', ['--kubeconfig', cluster.kubeconfig, 'diff', '--server-side', '-f', join(kdir, 'objects.yaml')], {});
    console.log(`kubectl apply --server-side -f: first ${fmt(k1)} | again ${fmt(k2)} | kubectl diff --server-side ${fmt(kd)} (kubectl does not wait for rollout)`);
  } finally {
    await driver.stop();
    await cluster.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
