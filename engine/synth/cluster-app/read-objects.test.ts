import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readObjects } from './read-objects.ts';
import { SynthError } from '../synth-error.ts';

test('multi-document YAML and List objects become one object each, with their source', () => {
  const text =
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n# only a comment\n---\napiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a, namespace: shop}}\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: b, namespace: shop}}\n';
  const objs = readObjects(text, 'app.yaml', '/src/app.yaml');
  assert.deepEqual(
    objs.map((o) => `${o.object.kind}/${o.object.metadata.name}`),
    ['Namespace/shop', 'ConfigMap/a', 'ConfigMap/b'],
  );
  assert.equal(objs[0]!.source, 'app.yaml:1 (document 1)');
  assert.match(objs[2]!.source, /^app\.yaml:7 \(document 3\), item 2$/, 'the line of the content, not of "---"');
  // messages about an object point at its own lines: the document, or the List item
  assert.deepEqual(
    objs.map((o) => o.at),
    [
      { file: '/src/app.yaml', line: 1 },
      { file: '/src/app.yaml', line: 10 },
      { file: '/src/app.yaml', line: 11 },
    ],
  );
});

test('invalid YAML and incomplete objects name the file, line and object', () => {
  assert.throws(
    () => readObjects('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n', 'bad.yaml'),
    (e: unknown) => e instanceof SynthError && /^bad\.yaml:\d+: invalid YAML: [^\n]*[^:\n]$/m.test(e.message),
  );
  assert.throws(
    () => readObjects('apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: x-}\n', 'gen.yaml'),
    /gen\.yaml:1 \(document 1\): the ConfigMap has no metadata.name \(generateName is not supported/,
  );
  assert.throws(() => readObjects('kind: ConfigMap\nmetadata: {name: x}\n', 'k.yaml'), /k\.yaml:1 \(document 1\): the object has no apiVersion/);
  assert.throws(() => readObjects('- a\n- b\n', 'l.yaml'), /expected a Kubernetes object/);
  assert.throws(() => readObjects('a: 1\na: 2\n', 'dup.yaml'), /dup\.yaml:\d+: invalid YAML/);
});
