// The manifests that run the agent in the cluster it manages (what `ballast bootstrap`
// writes): a Kustomize base with the Namespace, ServiceAccount, RBAC (Leases in its own
// namespace; the objects it manages, cluster-wide), the agent configuration, a Deployment of N
// replicas sharing the stacks through Leases, probes on /healthz and /readyz, a
// PodDisruptionBudget and the UI/metrics Service. The directory itself is a cluster-app stack:
// the agent's configuration names it as a source path, so the agent reconciles its own objects
// from git, with versions and rollback like any other stack.

import { stringify } from 'yaml';

export interface BootstrapOptions {
  readonly namespace: string;
  readonly replicas: number;
  readonly image: string;
  /** the repository the agent follows (this one) */
  readonly gitUrl: string;
  readonly ref: string;
  /** where these manifests live in the repository (a stack of the agent itself) */
  readonly path: string;
  /** further stack directories (a path or glob) the agent reconciles */
  readonly stacksPath?: string;
  /** the state store: an S3 bucket (pods are ephemeral: local state would be lost) */
  readonly stateS3Bucket: string;
  readonly stateS3Region?: string;
  readonly shards: number;
  readonly leaseDuration: string;
}

export type Manifests = Record<string, string>;

const NAME = 'ballast-agent';
const LABELS = { 'app.kubernetes.io/name': 'ballast', 'app.kubernetes.io/component': 'agent' };

export function agentManifests(o: BootstrapOptions): Manifests {
  const ns = o.namespace;
  const meta = (name: string) => ({ name, namespace: ns, labels: LABELS });
  const agentConfig = {
    listen: '0.0.0.0:8080',
    workDir: '/var/lib/ballast/work',
    state: { s3: { bucket: o.stateS3Bucket, ...(o.stateS3Region ? { region: o.stateS3Region } : {}) } },
    sharding: { leases: { namespace: ns, shards: o.shards, leaseDuration: o.leaseDuration, group: NAME } },
    sources: [{ name: 'ballast-self', git: { url: o.gitUrl, ref: o.ref, path: o.path } }, ...(o.stacksPath ? [{ name: 'stacks', git: { url: o.gitUrl, ref: o.ref, path: o.stacksPath } }] : [])],
  };
  const probe = (path: string, period: number) => ({ httpGet: { path, port: 'http' }, periodSeconds: period, timeoutSeconds: 3, failureThreshold: 3 });
  const docs: Record<string, object[]> = {
    'namespace.yaml': [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: LABELS } }],
    'service-account.yaml': [{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(NAME) }],
    'rbac.yaml': [
      // shard and membership Leases live in the agent's own namespace only
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: meta(`${NAME}-leases`),
        rules: [{ apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: meta(`${NAME}-leases`),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${NAME}-leases` },
        subjects: [{ kind: 'ServiceAccount', name: NAME, namespace: ns }],
      },
      // the objects of the cluster-app stacks: everything, as Flux's and Argo CD's controllers
      // get by default; narrow this ClusterRole to the kinds your stacks hold
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: `${NAME}-manager`, labels: LABELS },
        rules: [
          { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
          { nonResourceURLs: ['*'], verbs: ['*'] },
        ],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: `${NAME}-manager`, labels: LABELS },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${NAME}-manager` },
        subjects: [{ kind: 'ServiceAccount', name: NAME, namespace: ns }],
      },
    ],
    'agent-config.yaml': [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${NAME}-config`), data: { 'agent.yaml': stringify(agentConfig) } }],
    'deployment.yaml': [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta(NAME),
        spec: {
          replicas: o.replicas,
          selector: { matchLabels: LABELS },
          // one replica at a time: the others hold its shards while it restarts
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } },
          template: {
            metadata: { labels: LABELS },
            spec: {
              serviceAccountName: NAME,
              // the agent hands its Leases back on SIGTERM once in-flight applies end (--shutdown-timeout 60s)
              terminationGracePeriodSeconds: 90,
              securityContext: { runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } },
              containers: [
                {
                  name: 'agent',
                  image: o.image,
                  // the image's entrypoint is `ballast agent` (Dockerfile)
                  args: ['--config', '/etc/ballast/agent.yaml'],
                  env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
                  ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
                  livenessProbe: probe('/healthz', 20),
                  readinessProbe: probe('/readyz', 10),
                  resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '2Gi' } },
                  securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
                  volumeMounts: [
                    { name: 'config', mountPath: '/etc/ballast', readOnly: true },
                    { name: 'work', mountPath: '/var/lib/ballast' },
                    { name: 'tmp', mountPath: '/tmp' },
                  ],
                },
              ],
              volumes: [
                { name: 'config', configMap: { name: `${NAME}-config` } },
                { name: 'work', emptyDir: {} },
                { name: 'tmp', emptyDir: {} },
              ],
            },
          },
        },
      },
    ],
    'pod-disruption-budget.yaml': [{ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta(NAME), spec: { maxUnavailable: 1, selector: { matchLabels: LABELS } } }],
    'service.yaml': [{ apiVersion: 'v1', kind: 'Service', metadata: meta(NAME), spec: { selector: LABELS, ports: [{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }] } }],
  };
  const out: Manifests = {};
  const header = '# Written by `ballast bootstrap`; the agent reconciles this directory as a stack of its own.\n';
  for (const [file, objs] of Object.entries(docs)) out[file] = header + objs.map((d) => stringify(d)).join('---\n');
  out['kustomization.yaml'] = header + stringify({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: Object.keys(docs) });
  return out;
}
