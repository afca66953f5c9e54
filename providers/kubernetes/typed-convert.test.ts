import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSet, type ValueObject } from '../../engine/lang/value.ts';
import { candidateNames, fromKube, matchField, toKube } from './typed-convert.ts';
import { OpenApiDoc, type OpenApiNode } from './openapi-schemas.ts';
import { typedKinds } from './typed-kinds.ts';

// A slice of the API server's OpenAPI v3 document, in its own shape ($ref, allOf wrappers).
const ref = (n: string): OpenApiNode => ({ allOf: [{ $ref: `#/components/schemas/${n}` }] });
const doc = new OpenApiDoc({
  Deployment: {
    type: 'object',
    properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: ref('ObjectMeta'), spec: ref('DeploymentSpec') },
    'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
  },
  Service: { type: 'object', properties: { metadata: ref('ObjectMeta'), spec: ref('ServiceSpec') }, 'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'Service' }] },
  ObjectMeta: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      namespace: { type: 'string' },
      labels: { type: 'object', additionalProperties: { type: 'string' } },
      uid: { type: 'string' },
      resourceVersion: { type: 'string' },
    },
  },
  DeploymentSpec: { type: 'object', properties: { replicas: { type: 'integer' }, selector: ref('LabelSelector'), template: ref('PodTemplateSpec') } },
  LabelSelector: { type: 'object', properties: { matchLabels: { type: 'object', additionalProperties: { type: 'string' } } } },
  PodTemplateSpec: { type: 'object', properties: { metadata: ref('ObjectMeta'), spec: ref('PodSpec') } },
  PodSpec: {
    type: 'object',
    properties: {
      containers: { type: 'array', items: { $ref: '#/components/schemas/Container' } },
      volumes: { type: 'array', items: { $ref: '#/components/schemas/Volume' } },
      hostPID: { type: 'boolean' },
    },
  },
  Container: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      image: { type: 'string' },
      ports: { type: 'array', items: { $ref: '#/components/schemas/ContainerPort' } },
      env: { type: 'array', items: { $ref: '#/components/schemas/EnvVar' } },
      envFrom: { type: 'array', items: { type: 'object' } },
    },
  },
  ContainerPort: { type: 'object', properties: { containerPort: { type: 'integer' } } },
  EnvVar: { type: 'object', properties: { name: { type: 'string' }, value: { type: 'string' } } },
  Volume: { type: 'object', properties: { name: { type: 'string' }, configMap: ref('ConfigMapVolumeSource') } },
  ConfigMapVolumeSource: { type: 'object', properties: { name: { type: 'string' }, defaultMode: { type: 'integer' } } },
  ServiceSpec: { type: 'object', properties: { clusterIP: { type: 'string' }, ports: { type: 'array', items: { $ref: '#/components/schemas/ServicePort' } } } },
  ServicePort: { type: 'object', properties: { port: { type: 'integer' }, targetPort: ref('IntOrString') } },
  IntOrString: { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] } as OpenApiNode,
});

test('names: snake_case to camelCase, singular blocks to plural fields, acronyms matched without case', () => {
  assert.deepEqual(candidateNames('volume_mount'), ['volumeMount', 'volumeMounts', 'volumeMountes']);
  assert.equal(matchField('container', ['containers', 'volumes']), 'containers');
  assert.equal(matchField('cluster_ip', ['clusterIP', 'clusterIPs']), 'clusterIP');
  assert.equal(matchField('cluster_ips', ['clusterIP', 'clusterIPs']), 'clusterIPs');
  assert.equal(matchField('host_pid', ['hostPID']), 'hostPID');
  assert.equal(matchField('env', ['env', 'envFrom']), 'env');
  assert.equal(matchField('env_from', ['env', 'envFrom']), 'envFrom');
  assert.equal(matchField('policy', ['policies']), 'policies');
  // A repeated block named like a scalar field takes the list field.
  assert.equal(
    matchField('port', ['port', 'ports'], (f) => f === 'ports', true),
    'ports',
  );
  assert.equal(
    matchField('port', ['port', 'ports'], (f) => f === 'ports', false),
    'port',
  );
});

const deployment: ValueObject = {
  id: null,
  wait_for_rollout: true,
  metadata: [{ name: 'web', namespace: 'shop', labels: { app: 'web' }, uid: null, resource_version: null, generation: null, annotations: null, generate_name: null }],
  spec: [
    {
      replicas: '2',
      selector: [{ match_labels: { app: 'web' }, match_expressions: [] }],
      strategy: [],
      template: [
        {
          metadata: [{ labels: { app: 'web' } }],
          spec: [
            {
              host_pid: true,
              container: [{ name: 'web', image: 'nginx:1.27', port: [{ container_port: 80 }], env: [{ name: 'A', value: 'b' }], env_from: [] }],
              volume: [{ name: 'cfg', config_map: [{ name: 'cfg', default_mode: '0644' }] }],
            },
          ],
        },
      ],
    },
  ],
};

test('a deployment in Terraform shape becomes the object the API expects', () => {
  const t = typedKinds.kubernetes_deployment_v1!;
  const obj = toKube(doc, t.schema.block, deployment, doc.kind('apps/v1', 'Deployment'), t.settings);
  assert.deepEqual(obj, {
    metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          hostPID: true,
          containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: 'b' }] }],
          volumes: [{ name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } }],
        },
      },
    },
  });
});

test('the object reads back in Terraform shape and types (replicas "2", mode "0644")', () => {
  const t = typedKinds.kubernetes_deployment_v1!;
  const obj = toKube(doc, t.schema.block, deployment, doc.kind('apps/v1', 'Deployment'), t.settings);
  const back = fromKube(t.schema.block, obj, t.settings);
  const spec = (back.spec as ValueObject[])[0]!;
  assert.equal(spec.replicas, '2');
  const pod = ((spec.template as ValueObject[])[0]!.spec as ValueObject[])[0]!;
  assert.equal(pod.host_pid, true);
  const c = (pod.container as ValueObject[])[0]!;
  assert.deepEqual(c.port, [{ container_port: 80, host_ip: null, host_port: null, name: null, protocol: null }]);
  assert.deepEqual(c.env_from, []);
  const vol = (pod.volume as ValueObject[])[0]!;
  assert.equal((vol.config_map as ValueObject[])[0]!.default_mode, '0644');
  assert.deepEqual((back.metadata as ValueObject[])[0]!.labels, { app: 'web' });
});

test('service ports: int-or-string target_port, list of ports, clusterIP by case-insensitive match', () => {
  const t = typedKinds.kubernetes_service_v1!;
  const tf: ValueObject = {
    metadata: [{ name: 's' }],
    spec: [
      {
        cluster_ip: 'None',
        port: [
          { port: 80, target_port: '8080' },
          { port: 81, target_port: 'http' },
        ],
      },
    ],
  };
  const obj = toKube(doc, t.schema.block, tf, doc.kind('v1', 'Service'), t.settings);
  assert.deepEqual(obj.spec, {
    clusterIP: 'None',
    ports: [
      { port: 80, targetPort: 8080 },
      { port: 81, targetPort: 'http' },
    ],
  });
  const back = fromKube(t.schema.block, obj, t.settings);
  const spec = (back.spec as ValueObject[])[0]!;
  assert.equal(spec.cluster_ip, 'None');
  assert.deepEqual(
    (spec.port as ValueObject[]).map((p) => p.target_port),
    ['8080', 'http'],
  );
});

test('set-typed arguments read back as sets', () => {
  const t = typedKinds.kubernetes_service_account_v1!;
  const back = fromKube(t.schema.block, { metadata: { name: 'sa' }, secrets: [{ name: 'a' }], imagePullSecrets: [{ name: 'r' }] }, t.settings);
  assert.ok(isSet(back.secret));
  assert.deepEqual(back.image_pull_secret, [{ name: 'r' }]);
});
