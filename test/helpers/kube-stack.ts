// Shared steps of the cluster-app scenario tests: a cluster per test file, the CLI run against
// it, kubectl for hand edits and for reading what is really in the cluster.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runBallast, type BallastRun } from './run-ballast.ts';
import type { KubeCluster } from './kube-cluster.ts';

const run = promisify(execFile);

export async function ballastOk(cluster: KubeCluster, args: string[], cwd: string, env: Record<string, string> = {}): Promise<BallastRun> {
  const r = await runBallast(args, { cwd, env: { ...cluster.env, ...env }, timeoutMs: 300_000 });
  assert.equal(r.code, 0, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r;
}

export async function kubectl(cluster: KubeCluster, args: string[]): Promise<string> {
  const { stdout } = await run('kubectl', ['--kubeconfig', cluster.kubeconfig, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The object as JSON, or null when it does not exist. */
export async function kubeGet(cluster: KubeCluster, kind: string, name: string, namespace?: string): Promise<Record<string, any> | null> {
  try {
    return JSON.parse(await kubectl(cluster, ['get', kind, name, ...(namespace ? ['-n', namespace] : []), '-o', 'json', '--show-managed-fields']));
  } catch (e) {
    if (/NotFound|not found/.test(String((e as { stderr?: string }).stderr ?? e))) return null;
    throw e;
  }
}
