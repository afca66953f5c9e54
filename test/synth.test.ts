// Real synthesis of the example apps from temp copies that have no node_modules of their own,
// so cdktf/cdktn/constructs/provider bindings must resolve from Ballast's install. Each real
// app run costs about a second: keep their number small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { selectStacks, synthesize, SynthError } from '../engine/synth/synth.ts';
import { copyStack } from './helpers/copy-stack.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

type Json = Record<string, any>;

async function copied(name: string): Promise<string> {
  const dir = join(await makeTempDir('ballast-synth-'), name);
  await copyStack(name, dir);
  assert.equal(existsSync(join(dir, 'node_modules')), false);
  return dir;
}

test('stacks/example: for_each files from a template asset, variables, outputs, context', async () => {
  const dir = await copied('example');
  const r = await synthesize(dir);
  assert.equal(r.outDir, join(dir, 'cdktf.out'));
  assert.deepEqual(
    r.stacks.map((s) => s.name),
    ['example'],
  );
  const s = r.stacks[0]!;
  assert.equal(s.file, join(dir, 'cdktf.out/stacks/example/cdk.tf.json'));
  assert.equal(s.dir, join(dir, 'cdktf.out/stacks/example'));
  assert.deepEqual(s.dependencies, []);
  assert.deepEqual(JSON.parse(s.bytes.toString()), s.json);

  const j = s.json as Json;
  const files = j.resource.local_file.files;
  assert.equal(files.for_each, '${toset(var.file_names)}');
  assert.equal(files.filename, '${path.module}/out/${each.value}.txt');
  // The template path inside templatefile() must be an expression, not escaped text ($${...}).
  const m = /^\$\{templatefile\("\$\{path\.module\}\/(assets\/[^"]+\.tftpl)", \{.*"key" = each\.value.*\}\)\}$/.exec(files.content);
  assert.ok(m, `unexpected content expression: ${files.content}`);
  assert.ok(existsSync(join(s.dir, m[1]!)), 'the template asset is copied next to the stack JSON');
  // cdktf.json context {"environment": "dev"} reached the app
  assert.match(files.content, /"environment" = "dev"/);
  assert.match(j.resource.null_resource.announce.triggers.file_ids, /local_file\.files: val\.id/);
  assert.deepEqual(Object.keys(j.variable).sort(), ['file_names', 'greeting', 'pet_length']);
  assert.deepEqual(j.variable.file_names.default, ['alpha', 'beta', 'gamma']);
  assert.deepEqual(j.output.admin_password, { sensitive: true, value: '${random_password.secret.result}' });
  assert.deepEqual(Object.keys(j.output).sort(), ['admin_password', 'announce_id', 'file_paths', 'pet_name']);
  // relative backend path: the bytes do not depend on where the app was checked out
  assert.equal(s.bytes.includes(Buffer.from(dir)), false);
});

test('stacks/multi: cross-stack reference gives remote state plumbing and dependency order', async () => {
  const dir = await copied('multi');
  const outDir = join(await makeTempDir(), 'elsewhere', 'out');
  const r = await synthesize(dir, { outDir });
  assert.equal(r.outDir, outDir);
  assert.deepEqual(
    r.stacks.map((s) => [s.name, s.dependencies]),
    [
      ['base', []],
      ['app', ['base']],
    ],
  );
  const [base, app] = r.stacks.map((x) => ({ json: x.json as Json, dir: x.dir })) as [{ json: Json; dir: string }, { json: Json; dir: string }];
  assert.equal(app.dir, join(outDir, 'stacks/app'));
  const crossOutput = Object.keys(base.json.output).find((k) => k.startsWith('cross-stack-output-'));
  assert.ok(crossOutput, 'base exports a cross-stack output');
  assert.equal(base.json.output[crossOutput].value, '${random_pet.pet.id}');
  const remote = app.json.data.terraform_remote_state['cross-stack-reference-input-base'];
  assert.equal(remote.backend, 'local');
  assert.equal(app.json.resource.null_resource.server.triggers.base_pet, `\${data.terraform_remote_state.cross-stack-reference-input-base.outputs.${crossOutput}}`);
  assert.deepEqual(
    selectStacks(r, ['app']).map((s) => s.name),
    ['app'],
  );
});

test('stacks/cdktn-example: a cdktn app, run as an ES module (resolve hook fallback)', async () => {
  const dir = await copied('cdktn-example');
  // "type": "module" makes main.ts an ES module: only the resolve hook can find cdktn now.
  await writeFile(join(dir, 'package.json'), '{"type": "module"}');
  const r = await synthesize(dir);
  const s = r.stacks[0]!;
  assert.equal(s.name, 'cdktn-example');
  const j = s.json as Json;
  assert.equal(j['//'].metadata.version, '0.24.0');
  assert.deepEqual(j.resource.null_resource.marker.triggers, { pet: '${random_pet.name.id}' });
  assert.equal(j.resource.random_pet.name.prefix, '${var.prefix}');
  assert.deepEqual(Object.keys(j.output).sort(), ['marker_id', 'pet_name']);
});

async function brokenApp(mainTs: string): Promise<string> {
  const dir = await makeTempDir('ballast-broken-');
  await writeFile(join(dir, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'npx ts-node main.ts' }));
  await writeFile(join(dir, 'main.ts'), mainTs);
  return dir;
}

test('an app that throws gives a SynthError with its own error text and the directory', async () => {
  const dir = await brokenApp(`import { App } from 'cdktf';\nnew App();\nthrow new Error('bucket name is required for prod');\n`);
  await assert.rejects(synthesize(dir), (e: unknown) => {
    assert.ok(e instanceof SynthError, String(e));
    assert.match(e.message, /bucket name is required for prod/);
    assert.ok(e.message.includes(dir), 'names the directory');
    return true;
  });
});

test('a TypeScript syntax error gives a SynthError pointing at the source', async () => {
  const dir = await brokenApp(`import { App } from 'cdktf';\nconst app = new App(;\napp.synth();\n`);
  await assert.rejects(synthesize(dir), (e: unknown) => {
    assert.ok(e instanceof SynthError, String(e));
    assert.match(e.message, /main\.ts:2/);
    assert.ok(e.message.includes(dir));
    return true;
  });
});

test('an app that never calls synth() is an error, not a stale manifest', async () => {
  const dir = await brokenApp(`import { App } from 'cdktf';\nnew App();\n`);
  await mkdir(join(dir, 'cdktf.out'), { recursive: true });
  await writeFile(join(dir, 'cdktf.out', 'manifest.json'), '{"version": "0", "stacks": {}}');
  await assert.rejects(synthesize(dir), /produced no manifest\.json .*does the app call app\.synth\(\)\?/);
});

test('aborting kills the app', { timeout: 60_000 }, async () => {
  const dir = await brokenApp(`setInterval(() => {}, 1000);\nconsole.log('started');\n`);
  const ac = new AbortController();
  const run = synthesize(dir, { signal: ac.signal });
  setTimeout(() => ac.abort(), 300);
  await assert.rejects(run, (e: unknown) => (e as Error).name === 'AbortError');
});
