import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DiagnosticsError } from '../diagnostics.ts';
import { resolveAgentConfig, validateConfigFile, type SourceConfig } from './agent-config.ts';
import { discoverStackDirs } from './stack-discovery.ts';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ballast-discover-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), c);
  }
  return root;
}

function source(doc: Record<string, unknown>): SourceConfig {
  const f = validateConfigFile({ sources: [{ name: 's', ...doc }] }, 'agent.yaml');
  assert.deepEqual(f.diagnostics, []);
  return resolveAgentConfig(f.file, {}).config!.sources[0]!;
}

test('a glob finds stack directories, minus excludes; an app is one stack; names follow the path below the glob', () => {
  const root = tree({
    'stacks/net/main.tf.json': '{}',
    'stacks/prod/db/main.tf.json': '{}',
    'stacks/old/main.tf.json': '{}',
    'stacks/app/cdktf.json': '{}',
    'stacks/app/lib/inner/main.tf.json': '{}',
    'stacks/docs/README.md': 'x',
    'other/x/main.tf.json': '{}',
  });
  try {
    const dirs = discoverStackDirs(
      root,
      source({ git: { url: 'file:///r', path: 'stacks/**' }, exclude: ['stacks/old'], directories: { 'stacks/prod/*': { name: 'database', policy: 'plan-only' } } }),
      'rev',
    );
    assert.deepEqual(
      dirs.map((d) => [d.relPath, d.kind, d.pathName, d.settings?.policy]),
      [
        ['stacks/app', 'app', 'app', undefined],
        ['stacks/net', 'file', 'net', undefined],
        ['stacks/prod/db', 'file', 'database', 'plan-only'],
      ],
    );
    const one = discoverStackDirs(root, source({ git: { url: 'file:///r', path: 'stacks/prod/db' } }), 'rev');
    assert.deepEqual(
      one.map((d) => [d.relPath, d.pathName]),
      [['stacks/prod/db', 'db']],
    );
    const star = discoverStackDirs(root, source({ git: { url: 'file:///r', path: 'stacks/prod/*' } }), 'rev');
    assert.deepEqual(
      star.map((d) => d.pathName),
      ['db'],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a missing directory is a diagnostic naming the source, the path and the revision', () => {
  const root = tree({ 'a/main.tf.json': '{}' });
  try {
    assert.throws(
      () => discoverStackDirs(root, source({ git: { url: 'file:///r', path: 'nope' } }), 'main@sha1:abc'),
      (e: unknown) => {
        assert.ok(e instanceof DiagnosticsError);
        assert.match(e.diagnostics[0]!.summary, /source "s": path "nope" does not exist at main@sha1:abc/);
        return true;
      },
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('config: directory names, dependsOn and git URLs are checked, naming the field', () => {
  const r = validateConfigFile({ sources: [{ git: { url: 'ext::sh -c evil', path: '../x' }, directories: { a: { name: 'x/../y', dependsOn: ['../z'] } } }] }, 'agent.yaml');
  const s = r.diagnostics.map((d) => d.summary);
  assert.ok(
    s.some((x) => /sources\[0\]\.git\.url uses the "ext::" transport/.test(x)),
    s.join('\n'),
  );
  assert.ok(
    s.some((x) => /sources\[0\]\.git\.path must stay inside the repository/.test(x)),
    s.join('\n'),
  );
  assert.ok(
    s.some((x) => /sources\[0\]\.directories\["a"\]\.name must start with a letter/.test(x)),
    s.join('\n'),
  );
  assert.ok(
    s.some((x) => /sources\[0\]\.directories\["a"\]\.dependsOn "\.\.\/z" is not a stack name/.test(x)),
    s.join('\n'),
  );
});
