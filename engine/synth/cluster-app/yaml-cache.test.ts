import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '../../../test/helpers/temp-dir.ts';
import { readObjects, type SourcedObject } from './read-objects.ts';
import { YamlCache } from './yaml-cache.ts';

const A = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x}\ndata: {k: "1"}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: x}\n';

async function read(outDir: string, rel: string, text: string): Promise<{ objects: SourcedObject[]; parsed: boolean }> {
  const cache = await YamlCache.open(outDir);
  let parsed = false;
  const objects = cache.objects(rel, `/stack/${rel}`, text, () => {
    parsed = true;
    return readObjects(text, rel, `/stack/${rel}`);
  });
  await cache.save();
  return { objects, parsed };
}

test('unchanged files are not parsed again, and read the same; a changed file is', async () => {
  const out = await makeTempDir('ballast-yaml-cache-');
  const first = await read(out, 'a.yaml', A);
  assert.equal(first.parsed, true);
  const again = await read(out, 'a.yaml', A);
  assert.equal(again.parsed, false, 'same content: from the cache');
  assert.deepEqual(again.objects, first.objects, 'objects, sources and lines as parsed');
  const edited = await read(out, 'a.yaml', A.replace('"1"', '"2"'));
  assert.equal(edited.parsed, true);
  assert.equal((edited.objects[0]!.object.data as { k: string }).k, '2');
});

test('values JSON cannot carry are parsed every time; a damaged cache is not used', async () => {
  const out = await makeTempDir('ballast-yaml-cache-');
  const inf = 'apiVersion: v1\nkind: Thing\nmetadata: {name: t}\nspec: {limit: .inf}\n';
  await read(out, 'inf.yaml', inf);
  const again = await read(out, 'inf.yaml', inf);
  assert.equal(again.parsed, true);
  assert.equal((again.objects[0]!.object.spec as { limit: number }).limit, Number.POSITIVE_INFINITY);
  const secret = 'apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: x}\nstringData: {password: hunter2-cache}\n';
  await read(out, 'secret.yaml', secret);
  assert.equal((await read(out, 'secret.yaml', secret)).parsed, true, 'a file with a Secret is not cached');
  await read(out, 'a.yaml', A); // something cached, so the cache file is written
  assert.ok(!(await readFile(join(out, 'yaml-objects.json'), 'utf8')).includes('hunter2-cache'), 'its values are not written');
  await writeFile(join(out, 'yaml-objects.json'), '{"format": 1, "files": {"a.yaml": ');
  assert.equal((await read(out, 'a.yaml', A)).parsed, true);
});
