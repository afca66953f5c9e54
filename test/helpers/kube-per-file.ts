// One real kube-apiserver + etcd (and, when asked, the rollout driver) shared by the tests of one
// file: started before the first test and stopped after the last. Without the built binaries
// `skip` holds the reason and nothing starts.
import { after, before } from 'node:test';
import { kubeAvailable, startKubeCluster, type KubeCluster } from './kube-cluster.ts';
import { startRolloutDriver, type RolloutDriver } from './kube-rollout.ts';

export interface FileCluster {
  /** why the file's tests skip, or false when the cluster runs */
  readonly skip: string | false;
  /** filled in by the before hook: use it inside tests only */
  readonly cluster: KubeCluster;
}

/**
 * `rollout`: also drive Deployment rollouts (true, or the driver's interval in ms); `skip`: another
 * reason the file's tests cannot run (then no cluster starts either).
 */
export function clusterPerFile(opts: { rollout?: boolean | number; skip?: string | false } = {}): FileCluster {
  const skip = (!kubeAvailable() && 'run scripts/setup-kube.sh') || opts.skip || false;
  const cluster = {} as KubeCluster;
  let started: KubeCluster | undefined;
  let driver: RolloutDriver | undefined;
  before(async () => {
    if (skip) return;
    started = await startKubeCluster();
    Object.assign(cluster, started);
    if (opts.rollout) driver = startRolloutDriver(started.kubeconfig, typeof opts.rollout === 'number' ? opts.rollout : undefined);
  });
  after(async () => {
    await driver?.stop();
    await started?.stop();
  });
  return { skip, cluster };
}
