// A cdk8s app: Ballast runs it (as `cdk8s synth` would), reads the YAML it writes, and manages
// each object as a kubernetes_manifest. Settings come from settings.json beside it.

import { readFileSync } from 'node:fs';
import { ApiObject, App, Chart } from 'cdk8s';
import type { Construct } from 'constructs';

interface Settings { namespace: string; image: string; replicas: number }

class Shop extends Chart {
  constructor(scope: Construct, id: string, s: Settings) {
    super(scope, id, { namespace: s.namespace, disableResourceNameHashes: true });
    const labels = { app: 'api' };
    new ApiObject(this, 'api', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api' },
      spec: {
        replicas: s.replicas,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: 'api', image: s.image, ports: [{ containerPort: 8080 }] }] } },
      },
    });
    new ApiObject(this, 'svc', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api' },
      spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] },
    });
  }
}

const settings = JSON.parse(readFileSync(new URL('./settings.json', import.meta.url), 'utf8')) as Settings;
const app = new App();
// The Namespace is cluster-scoped: it lives in a chart without a namespace.
const cluster = new Chart(app, 'cluster', { disableResourceNameHashes: true });
new ApiObject(cluster, 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: settings.namespace } });
new Shop(app, 'shop', settings);
app.synth();
