import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, parseAllDocuments } from 'yaml';
import { agentManifests } from './agent-manifests.ts';
import { validateConfigFile } from '../agent-config.ts';

const opts = {
  namespace: 'ballast-system',
  replicas: 3,
  image: 'ghcr.io/example/ballast:1.0',
  gitUrl: 'https://git.example/infra.git',
  ref: 'main',
  path: 'clusters/prod/ballast',
  stacksPath: 'stacks/*',
  stateS3Bucket: 'state',
  shards: 64,
  leaseDuration: '15s',
};

test('the bootstrap base lists every file, runs N replicas with probes, and embeds a valid agent configuration', () => {
  const m = agentManifests(opts);
  const k = parse(m['kustomization.yaml']!) as { resources: string[] };
  assert.deepEqual(
    k.resources.sort(),
    Object.keys(m)
      .filter((f) => f !== 'kustomization.yaml')
      .sort(),
  );
  const dep = parse(m['deployment.yaml']!) as {
    spec: { replicas: number; template: { spec: { containers: { livenessProbe: { httpGet: { path: string } }; readinessProbe: { httpGet: { path: string } }; resources: { requests: object } }[] } } };
  };
  assert.equal(dep.spec.replicas, 3);
  const c = dep.spec.template.spec.containers[0]!;
  assert.equal(c.livenessProbe.httpGet.path, '/healthz');
  assert.equal(c.readinessProbe.httpGet.path, '/readyz');
  assert.ok(c.resources.requests);
  const cm = parse(m['agent-config.yaml']!) as { data: { 'agent.yaml': string } };
  const cfg = validateConfigFile(parse(cm.data['agent.yaml']), 'agent.yaml');
  assert.deepEqual(cfg.diagnostics, []);
  assert.equal(cfg.file?.sharding?.leases?.namespace, 'ballast-system');
  assert.deepEqual(
    cfg.file?.sources?.map((s) => s.git?.path),
    ['clusters/prod/ballast', 'stacks/*'],
  );
  const rbac = parseAllDocuments(m['rbac.yaml']!).map((d) => d.toJS() as { kind: string; rules?: { resources?: string[] }[] });
  assert.ok(rbac.some((r) => r.kind === 'Role' && r.rules?.[0]?.resources?.includes('leases')));
  assert.ok(m['pod-disruption-budget.yaml']!.includes('PodDisruptionBudget'));
  assert.ok(m['service.yaml']!.includes('port: 8080'));
});
