import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeStrings, resourceName, toStackJson } from './to-stack-json.ts';
import type { SourcedObject } from './read-objects.ts';
import { SynthError } from '../synth-error.ts';

const obj = (kind: string, name: string, namespace?: string, extra: Record<string, unknown> = {}, apiVersion = 'v1'): SourcedObject =>
  ({ object: { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) }, ...extra }, source: 'x.yaml:1' }) as SourcedObject;

test('resource names are readable and stable: Kind_namespace_name', () => {
  assert.equal(resourceName(obj('Deployment', 'web', 'shop').object), 'Deployment_shop_web');
  assert.equal(resourceName(obj('CustomResourceDefinition', 'widgets.example.com').object), 'CustomResourceDefinition_widgets_example_com');
});

test('objects wait for their Namespace and CRD; CRDs wait until Established', () => {
  const json = toStackJson([
    obj('Namespace', 'shop'),
    obj('CustomResourceDefinition', 'widgets.example.com', undefined, { spec: { group: 'example.com', names: { kind: 'Widget' } } }, 'apiextensions.k8s.io/v1'),
    obj('Widget', 'w1', 'shop', {}, 'example.com/v1'),
    obj('ConfigMap', 'cfg', 'other'),
  ]) as { resource: { kubernetes_manifest: Record<string, { depends_on?: string[]; wait: unknown }> } };
  const r = json.resource.kubernetes_manifest;
  assert.deepEqual(r.Widget_shop_w1!.depends_on, ['kubernetes_manifest.Namespace_shop', 'kubernetes_manifest.CustomResourceDefinition_widgets_example_com']);
  assert.equal(r.ConfigMap_other_cfg!.depends_on, undefined);
  assert.deepEqual(r.CustomResourceDefinition_widgets_example_com!.wait, { condition: [{ type: 'Established', status: 'True' }] });
  assert.deepEqual(r.ConfigMap_other_cfg!.wait, { rollout: true });
});

test('template sequences in YAML stay literal and Secret values are marked sensitive', () => {
  assert.deepEqual(escapeStrings({ a: 'echo ${HOME} %{x}', b: ['${y}'] }), { a: 'echo $${HOME} %%{x}', b: ['$${y}'] });
  const json = toStackJson([obj('Secret', 's', 'shop', { data: { pw: 'c2VjcmV0' } })]) as { resource: { kubernetes_manifest: Record<string, { manifest: { data: string } }> } };
  const data = json.resource.kubernetes_manifest.Secret_shop_s!.manifest.data;
  assert.match(data, /^\$\{sensitive\(jsondecode\(base64decode\("[A-Za-z0-9+/=]+"\)\)\)\}$/);
  assert.doesNotMatch(JSON.stringify(json), /c2VjcmV0/);
});

test('an object defined twice is an error naming both places', () => {
  assert.throws(
    () => toStackJson([obj('ConfigMap', 'a', 'x'), { ...obj('ConfigMap', 'a', 'x'), source: 'y.yaml:3' }]),
    (e: unknown) => e instanceof SynthError && /y\.yaml:3: ConfigMap "a" is defined twice \(also at x\.yaml:1\)/.test(e.message),
  );
});
