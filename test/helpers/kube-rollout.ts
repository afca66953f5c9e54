// Stands in for kube-controller-manager and kubelets the way envtest users do: it drives the
// status subresource of Deployments, StatefulSets and DaemonSets so they read as rolled out
// (every replica updated and available) once their spec is observed. No pods exist; no image
// is pulled. Stop it before the cluster.

import { KubeConfig } from '@kubernetes/client-node';
import { ApiClient } from '../../providers/kubernetes/api-client.ts';

type Obj = { metadata: { name: string; namespace: string; generation?: number }; spec?: { replicas?: number }; status?: Record<string, unknown> };

const KINDS = [
  {
    path: '/apis/apps/v1/deployments',
    status: (o: Obj) => {
      const n = o.spec?.replicas ?? 1;
      return {
        observedGeneration: o.metadata.generation,
        replicas: n,
        updatedReplicas: n,
        readyReplicas: n,
        availableReplicas: n,
        conditions: [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }],
      };
    },
  },
  {
    path: '/apis/apps/v1/statefulsets',
    status: (o: Obj) => {
      const n = o.spec?.replicas ?? 1;
      return { observedGeneration: o.metadata.generation, replicas: n, updatedReplicas: n, readyReplicas: n, availableReplicas: n, currentReplicas: n, currentRevision: 'r1', updateRevision: 'r1' };
    },
  },
  {
    path: '/apis/apps/v1/daemonsets',
    status: (o: Obj) => ({
      observedGeneration: o.metadata.generation,
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      updatedNumberScheduled: 1,
      numberAvailable: 1,
      numberReady: 1,
      numberMisscheduled: 0,
    }),
  },
];

export interface RolloutDriver {
  /** objects whose rollout is held back (namespace/name): they stay unavailable, to test timeouts */
  readonly hold: Set<string>;
  stop(): Promise<void>;
}

export function startRolloutDriver(kubeconfig: string, intervalMs = 150): RolloutDriver {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  const api = new ApiClient(kc);
  const hold = new Set<string>();
  let stopped = false;
  const tick = async () => {
    for (const k of KINDS) {
      const list = await api.request<{ items: Obj[] }>(k.path);
      for (const o of list.items) {
        const key = `${o.metadata.namespace}/${o.metadata.name}`;
        if (hold.has(key)) continue;
        const want: Record<string, unknown> = k.status(o);
        if (o.status?.observedGeneration === o.metadata.generation && o.status?.replicas === want.replicas) continue;
        const base = k.path.replace('/apis/apps/v1/', '');
        await api
          .request(`/apis/apps/v1/namespaces/${o.metadata.namespace}/${base}/${o.metadata.name}/status`, {
            method: 'PATCH',
            contentType: 'application/merge-patch+json',
            body: { status: want },
          })
          .catch(() => undefined);
      }
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await tick().catch(() => undefined);
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    hold,
    stop: async () => {
      stopped = true;
      await loop;
      api.close();
    },
  };
}
