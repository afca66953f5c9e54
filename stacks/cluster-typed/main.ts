// A cluster app written with @cdktf/provider-kubernetes' typed classes (hashicorp/kubernetes'
// kubernetes_*_v1 resources), so the same app runs under Terraform: a namespace, its config,
// a Secret fed by an existing Secret (data source), a service account with a Role, a
// Deployment and its Service, and a one-off Job. `adoptLegacy` declares a ConfigMap made by
// hand, for `ballast import kubernetes_config_map_v1.legacy <namespace>/legacy`.

import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider/index.js';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1/index.js';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1/index.js';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1/index.js';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1/index.js';
import { RoleV1 } from '@cdktf/provider-kubernetes/lib/role-v1/index.js';
import { RoleBindingV1 } from '@cdktf/provider-kubernetes/lib/role-binding-v1/index.js';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1/index.js';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1/index.js';
import { JobV1 } from '@cdktf/provider-kubernetes/lib/job-v1/index.js';
import { DataKubernetesNamespaceV1 } from '@cdktf/provider-kubernetes/lib/data-kubernetes-namespace-v1/index.js';
import { DataKubernetesSecretV1 } from '@cdktf/provider-kubernetes/lib/data-kubernetes-secret-v1/index.js';

interface Settings { namespace: string; image: string; replicas: number; logLevel: string; adoptLegacy: boolean }

class Shop extends TerraformStack {
  constructor(scope: Construct, id: string, s: Settings) {
    super(scope, id);
    new KubernetesProvider(this, 'kubernetes', {});

    const system = new DataKubernetesNamespaceV1(this, 'system', { metadata: { name: 'kube-system' } });
    const upstream = new DataKubernetesSecretV1(this, 'upstream', { metadata: { name: 'upstream', namespace: 'default' } });

    const ns = new NamespaceV1(this, 'ns', { metadata: { name: s.namespace, labels: { team: 'shop' } } });
    const namespace = ns.metadata.name;
    const labels = { app: 'shop' };

    new ConfigMapV1(this, 'config', {
      metadata: { name: 'shop', namespace, labels },
      data: { LOG_LEVEL: s.logLevel, CLUSTER_ID: system.metadata.uid },
    });
    new SecretV1(this, 'creds', {
      metadata: { name: 'shop-creds', namespace },
      data: { password: 'app-password-XYZ', upstream_token: upstream.data.lookup('token') },
    });
    const sa = new ServiceAccountV1(this, 'runner', { metadata: { name: 'shop', namespace }, automountServiceAccountToken: false });
    const role = new RoleV1(this, 'reader', {
      metadata: { name: 'shop-reader', namespace },
      rule: [{ apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: ['get', 'list', 'watch'] }],
    });
    new RoleBindingV1(this, 'reader_binding', {
      metadata: { name: 'shop-reader', namespace },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.metadata.name },
      subject: [{ kind: 'ServiceAccount', name: sa.metadata.name, namespace }],
    });
    const web = new DeploymentV1(this, 'web', {
      metadata: { name: 'shop', namespace, labels },
      spec: {
        replicas: String(s.replicas),
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: sa.metadata.name,
            container: [{
              name: 'shop',
              image: s.image,
              port: [{ containerPort: 8080, name: 'http' }],
              envFrom: [{ configMapRef: { name: 'shop' } }],
              env: [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'shop-creds', key: 'password' } } }],
              resources: { limits: { cpu: '0.5', memory: '256Mi' }, requests: { cpu: '100m', memory: '64Mi' } },
              readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 },
            }],
          },
        },
      },
      timeouts: { create: '3m', update: '3m' },
    });
    new ServiceV1(this, 'svc', {
      metadata: { name: 'shop', namespace },
      spec: { selector: labels, port: [{ name: 'http', port: 80, targetPort: 'http' }] },
    });
    new JobV1(this, 'migrate', {
      metadata: { name: 'shop-migrate', namespace },
      spec: {
        backoffLimit: 1,
        template: { metadata: {}, spec: { restartPolicy: 'Never', container: [{ name: 'migrate', image: s.image, command: ['/migrate'] }] } },
      },
      waitForCompletion: false,
    });
    if (s.adoptLegacy) {
      new ConfigMapV1(this, 'legacy', { metadata: { name: 'legacy', namespace }, data: { owner: 'ops' } });
    }

    new TerraformOutput(this, 'deployment_uid', { value: web.metadata.uid });
  }
}

const app = new App();
const ctx = <T>(k: string, d: T): T => (app.node.tryGetContext(k) as T | undefined) ?? d;
new Shop(app, 'shop', {
  namespace: ctx('namespace', 'typed'),
  image: ctx('image', 'ghcr.io/example/shop:1.0'),
  replicas: Number(ctx('replicas', 2)),
  logLevel: ctx('logLevel', 'info'),
  adoptLegacy: ctx('adoptLegacy', false) === true,
});
app.synth();
