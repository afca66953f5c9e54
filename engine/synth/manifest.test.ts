import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifest } from './manifest.ts';

const entry = (name: string, deps: string[] = [], constructPath = name) => ({
  name,
  constructPath,
  workingDirectory: `stacks/${name}`,
  synthesizedStackPath: `stacks/${name}/cdk.tf.json`,
  stackMetadataPath: `stacks/${name}/metadata.json`,
  annotations: [],
  dependencies: deps,
});

test('parses a cdktf manifest and maps construct-path dependencies to stack names', () => {
  const m = parseManifest({ version: '0.21.0', stacks: { app: entry('app', ['Root/base']), base: entry('base', [], 'Root/base') } }, 'manifest.json');
  assert.equal(m.version, '0.21.0');
  assert.deepEqual(
    m.stacks.map((s) => [s.name, s.workingDirectory, s.synthesizedStackPath, s.dependencies]),
    [
      ['app', 'stacks/app', 'stacks/app/cdk.tf.json', ['base']],
      ['base', 'stacks/base', 'stacks/base/cdk.tf.json', []],
    ],
  );
});

test('workingDirectory defaults to the directory of the stack file', () => {
  const e = entry('x') as Record<string, unknown>;
  delete e.workingDirectory;
  assert.equal(parseManifest({ stacks: { x: e } }, 'm.json').stacks[0]!.workingDirectory, 'stacks/x');
});

test('malformed manifests name the file and the problem', () => {
  assert.throws(() => parseManifest([], '/o/manifest.json'), /malformed manifest \/o\/manifest\.json: expected a JSON object/);
  assert.throws(() => parseManifest({ stacks: [] }, 'm.json'), /"stacks" must be an object/);
  assert.throws(() => parseManifest({ stacks: { a: { name: 'a' } } }, 'm.json'), /stacks\["a"\]\.synthesizedStackPath must be a non-empty string/);
  assert.throws(() => parseManifest({ stacks: { a: { ...entry('a'), dependencies: 'b' } } }, 'm.json'), /dependencies must be a list of strings/);
  assert.throws(() => parseManifest({ stacks: { a: entry('a', ['ghost']) } }, 'm.json'), /stack "a" depends on "ghost", which is not a stack in this manifest \(stacks: a\)/);
  assert.throws(() => parseManifest({ stacks: { a: { ...entry('a'), synthesizedStackPath: 'stacks/a/cdk.tf' } } }, 'm.json'), /synthesized as HCL/);
});

test('stack names that could leave the state directory are refused (x/../victim, ../../escape)', () => {
  for (const name of ['x/../victim', '../../escape', 'a b', '']) {
    assert.throws(
      () => parseManifest({ version: '1', stacks: { ok: { ...entry('ok'), name } } }, 'manifest.json'),
      /malformed manifest manifest\.json: stack name .* (must start with a letter|is empty)|must be a non-empty string/,
      name,
    );
    assert.throws(() => parseManifest({ version: '1', stacks: { [name || 'x y']: entry(name || 'x y') } }, 'manifest.json'), /malformed manifest/, name);
  }
});
