// synthesize() on inputs that need no app run: synthesized output, single *.tf.json, errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { selectStacks, synthesize, SynthError } from './synth.ts';
import { makeTempDir } from '../../test/helpers/temp-dir.ts';

async function writeOut(dir: string, stacks: Record<string, { deps?: string[]; json?: string }>) {
  const manifest: Record<string, unknown> = {};
  for (const [name, { deps = [], json }] of Object.entries(stacks)) {
    manifest[name] = {
      name,
      constructPath: name,
      workingDirectory: `stacks/${name}`,
      synthesizedStackPath: `stacks/${name}/cdk.tf.json`,
      annotations: [],
      dependencies: deps,
    };
    await mkdir(join(dir, 'stacks', name), { recursive: true });
    await writeFile(join(dir, 'stacks', name, 'cdk.tf.json'), json ?? JSON.stringify({ resource: { null_resource: { [name]: {} } } }));
  }
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: manifest }));
}

test('reads synthesized output as is, in dependency order, with dirs and bytes', async () => {
  const out = await makeTempDir();
  await writeOut(out, { web: { deps: ['db'] }, db: { deps: ['net'] }, net: {} });
  const r = await synthesize(out);
  assert.equal(r.outDir, out);
  assert.deepEqual(
    r.stacks.map((s) => s.name),
    ['net', 'db', 'web'],
  );
  const web = r.stacks[2]!;
  assert.equal(web.file, join(out, 'stacks/web/cdk.tf.json'));
  assert.equal(web.dir, join(out, 'stacks/web'));
  assert.deepEqual(web.dependencies, ['db']);
  assert.deepEqual(web.json, { resource: { null_resource: { web: {} } } });
  assert.equal(web.bytes.toString(), JSON.stringify(web.json));
  // manifest.json itself is accepted as input too
  assert.deepEqual(
    (await synthesize(join(out, 'manifest.json'))).stacks.map((s) => s.name),
    ['net', 'db', 'web'],
  );
});

test('selectStacks keeps dependency order and lists available stacks for unknown names', async () => {
  const out = await makeTempDir();
  await writeOut(out, { app: { deps: ['base'] }, base: {} });
  const r = await synthesize(out);
  assert.deepEqual(
    selectStacks(r, ['app', 'base']).map((s) => s.name),
    ['base', 'app'],
  );
  assert.deepEqual(
    selectStacks(r, []).map((s) => s.name),
    ['base', 'app'],
  );
  assert.throws(() => selectStacks(r, ['apps']), /unknown stack "apps"; available stacks: base, app/);
});

test('a cycle in the manifest is an error naming it', async () => {
  const out = await makeTempDir();
  await writeOut(out, { a: { deps: ['b'] }, b: { deps: ['a'] } });
  await assert.rejects(synthesize(out), (e: unknown) => e instanceof SynthError && /cycle: a -> b -> a/.test(e.message));
});

test('a single *.tf.json file, or a directory holding exactly one, is one stack named after it; several are merged', async () => {
  const dir = await makeTempDir();
  const f = join(dir, 'main.tf.json');
  await writeFile(f, '{"output": {"x": {"value": 1}}}');
  for (const input of [f, dir]) {
    const r = await synthesize(input);
    assert.equal(r.stacks.length, 1);
    const s = r.stacks[0]!;
    assert.equal(s.name, 'main');
    assert.equal(s.file, f);
    assert.equal(s.dir, dir);
    assert.deepEqual(s.dependencies, []);
    assert.deepEqual(s.json, { output: { x: { value: 1 } } });
  }
  // several files make a Terraform directory: merged into one stack named after the directory, as terraform does
  await writeFile(join(dir, 'other.tf.json'), '{"output": {"y": {"value": 2}}}');
  const merged = (await synthesize(dir)).stacks;
  assert.equal(merged.length, 1);
  assert.equal(merged[0]!.name, dir.split('/').pop());
  assert.deepEqual(merged[0]!.json, { output: { x: { value: 1 }, y: { value: 2 } } });
});

test('missing input, empty directory and wrong file type are clear errors', async () => {
  const dir = await makeTempDir();
  await assert.rejects(synthesize(join(dir, 'nope')), (e: unknown) => e instanceof SynthError && /stack input .*nope does not exist/.test(e.message));
  await assert.rejects(
    synthesize(dir),
    /nothing to synthesize in .*: looked for cdktf\.json \(a cdktf app\), manifest\.json \(synthesized output\), \*\.tf files \(Terraform HCL\), a single \*\.tf\.json file, kustomization\.yaml \(a Kustomize base or overlay\), cdk8s\.yaml \(a cdk8s app\), Kubernetes \*\.yaml manifests/,
  );
  await writeFile(join(dir, 'main.tf'), '');
  await assert.rejects(synthesize(join(dir, 'main.tf')), /expected a directory, a cdktf\.json, a manifest\.json or a \*\.tf\.json file/);
});

test('bad JSON names the file and the position', async () => {
  const dir = await makeTempDir();
  await writeFile(join(dir, 'main.tf.json'), '{\n  "resource": {,\n}');
  await assert.rejects(synthesize(dir), (e: unknown) => {
    assert.ok(e instanceof SynthError);
    assert.match(e.message, /malformed Terraform JSON .*main\.tf\.json: expected a double-quoted property name at line 2, column 16/);
    return true;
  });

  const out = await makeTempDir();
  await writeOut(out, { a: { json: '{"resource": ' } });
  await assert.rejects(synthesize(out), /malformed stack "a" JSON .*stacks\/a\/cdk\.tf\.json: unexpected end of input at line 1, column 14/);

  await writeFile(join(out, 'manifest.json'), '{"stacks": {"a": }}');
  await assert.rejects(synthesize(out), /malformed manifest .*manifest\.json: unexpected character "}" at line 1, column 18/);

  const single = await makeTempDir();
  await writeFile(join(single, 'x.tf.json'), '[1, 2]');
  await assert.rejects(synthesize(single), /expected a JSON object at the top level/);
});

test('a malformed cdktf.json is reported before anything runs', async () => {
  const dir = await makeTempDir();
  await writeFile(join(dir, 'cdktf.json'), '{"app": "npx tsx main.ts",}');
  await assert.rejects(synthesize(dir), /malformed cdktf\.json .*cdktf\.json: expected a double-quoted property name at line 1, column 27/);
  await writeFile(join(dir, 'cdktf.json'), '{"app": "npx tsx main.ts"}');
  await assert.rejects(synthesize(dir), /app entry .*main\.ts .*does not exist/);
});
