import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '../../../test/helpers/temp-dir.ts';
import { keepsOrigins, locateRendered, ORIGIN_ANNOTATION, originWrapper } from './kustomize-origin.ts';
import { readObjects } from './read-objects.ts';

test('rendered objects get the file and line of their origin; the origin annotation is removed unless the user asked for it', async () => {
  const root = await makeTempDir('ballast-kustomize-origin-');
  await mkdir(join(root, 'base'));
  await mkdir(join(root, 'wrap'));
  await writeFile(join(root, 'base', 'app.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ab}\n');
  await writeFile(join(root, 'base', 'kustomization.yaml'), 'resources: [app.yaml]\nconfigMapGenerator:\n- name: gen\n  literals: [x=1]\n');
  const rendered = readObjects(
    [
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p-ab\n  annotations:\n    keep: "yes"\n    ${ORIGIN_ANNOTATION}: "path: ../base/app.yaml\\n"\n`,
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p-a\n  annotations:\n    ${ORIGIN_ANNOTATION}: "path: ../base/app.yaml\\n"\n`,
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p-gen-5h2k\n  annotations:\n    ${ORIGIN_ANNOTATION}: "configuredIn: ../base/kustomization.yaml\\nconfiguredBy: {kind: ConfigMapGenerator}\\n"\n`,
    ].join('---\n'),
    'out (rendered)',
  );
  const located = locateRendered(rendered, join(root, 'wrap'), join(root, 'base'), false);
  assert.deepEqual(
    located.map((o) => [o.source, o.at]),
    [
      ['app.yaml:5', { file: join(root, 'base', 'app.yaml'), line: 5 }],
      ['app.yaml:1', { file: join(root, 'base', 'app.yaml'), line: 1 }],
      ['kustomization.yaml:3', { file: join(root, 'base', 'kustomization.yaml'), line: 3 }],
    ],
  );
  assert.deepEqual(located[0]!.object.metadata, { name: 'p-ab', annotations: { keep: 'yes' } });
  assert.deepEqual(located[1]!.object.metadata, { name: 'p-a' }, 'no annotations left: none at all');
  const kept = locateRendered(rendered, join(root, 'wrap'), join(root, 'base'), true);
  assert.ok(ORIGIN_ANNOTATION in (kept[1]!.object.metadata.annotations as Record<string, string>));
});

test('the wrapper names the stack directory relative to itself; a user who sets originAnnotations keeps them', () => {
  assert.match(originWrapper('/tmp/w', '/src/app/overlays/dev'), /resources:\n- "\.\.\/\.\.\/src\/app\/overlays\/dev"\nbuildMetadata: \[originAnnotations\]/);
  assert.equal(keepsOrigins('resources: [a.yaml]\nbuildMetadata: [originAnnotations, transformerAnnotations]\n'), true);
  assert.equal(keepsOrigins('resources: [a.yaml]\n'), false);
});
