import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldName, loadConfigFile, parseListen, resolveAgentConfig, validateConfigFile } from './agent-config.ts';

const summaries = (r: { diagnostics: { summary: string }[] }) => r.diagnostics.map((d) => d.summary);

test('a valid file with git and s3 sources resolves with defaults and overrides', () => {
  const r = validateConfigFile(
    {
      interval: '1m',
      policy: 'plan-only',
      sources: [
        { name: 'infra', git: { url: 'https://example.invalid/infra.git', ref: 'prod', path: 'stacks' }, interval: '5s' },
        { s3: { bucket: 'my-stacks', prefix: 'app/' }, policy: 'auto' },
      ],
    },
    'agent.yaml',
  );
  assert.deepEqual(r.diagnostics, []);
  const c = resolveAgentConfig(r.file, { stateDir: '/tmp/state' });
  assert.deepEqual(c.diagnostics, []);
  const [a, b] = c.config!.sources;
  assert.deepEqual([a.name, a.policy, a.intervalMs, a.driftIntervalMs], ['infra', 'plan-only', 5000, 600_000]);
  assert.deepEqual(a.source, {
    kind: 'git',
    url: 'https://example.invalid/infra.git',
    ref: 'prod',
    path: 'stacks',
    tokenFile: undefined,
    sshKeyFile: undefined,
    verifyKeyringFile: undefined,
    shallow: undefined,
  });
  assert.deepEqual([b.name, b.policy, b.intervalMs], ['my-stacks', 'auto', 60_000]);
  assert.equal(c.config!.state.dir, '/tmp/state');
  assert.equal(c.config!.listen, '127.0.0.1:8080');
});

test('schema errors name each field, all at once', () => {
  const r = validateConfigFile(
    {
      intervall: '30s',
      driftInterval: '10',
      policy: 'yolo',
      parallelism: 0,
      sources: [{ git: { ref: 'main' } }, { git: { url: 'x' }, s3: { bucket: 'b' } }],
    },
    'agent.yaml',
  );
  assert.equal(r.file, undefined);
  const s = summaries(r);
  assert.ok(s.includes('Invalid agent configuration: intervall is not a known setting'), s.join('\n'));
  assert.ok(s.includes('Invalid agent configuration: driftInterval must be a duration such as 30s, 10m or 1h'), s.join('\n'));
  assert.ok(s.includes('Invalid agent configuration: policy must be one of "auto", "plan-only"'), s.join('\n'));
  assert.ok(
    s.some((x) => x.startsWith('Invalid agent configuration: parallelism ')),
    s.join('\n'),
  );
  assert.ok(s.includes('Invalid agent configuration: sources[0].git.url is required'), s.join('\n'));
  assert.equal(r.diagnostics[0].where?.range?.file, 'agent.yaml');
});

test('a source needs exactly one of git or s3, and names must be unique', () => {
  const r = validateConfigFile({ sources: [{ name: 'a', git: { url: 'u' }, s3: { bucket: 'b' } }, { name: 'b' }, { name: 'b', s3: { bucket: 'c' } }] }, 'f');
  assert.deepEqual(summaries(r), [
    'Invalid agent configuration: sources[0] must have exactly one of "git" or "s3"',
    'Invalid agent configuration: sources[1] must have exactly one of "git" or "s3"',
    'Invalid agent configuration: sources[2].name "b" is used by another source; give each source its own name',
  ]);
});

test('flags: a bad duration names the flag; no source is an error', () => {
  const r = resolveAgentConfig(undefined, { git: { url: '/repo' }, interval: '10' });
  assert.deepEqual(summaries(r), ['Invalid agent configuration: --interval must be a duration such as 30s, 10m or 1h']);
  assert.match(summaries(resolveAgentConfig(undefined, {}))[0], /no source/);
  assert.match(summaries(resolveAgentConfig(undefined, { git: { url: '/r' }, listen: 'nope' }))[0], /--listen must be host:port/);
});

test('YAML files load, relative paths resolve against the file, and bad YAML is reported', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-agent-config-'));
  try {
    const file = join(dir, 'agent.yaml');
    writeFileSync(file, 'workDir: cache\nstate:\n  dir: ./state\nsources:\n  - name: local\n    git:\n      url: ../repo.git\n      ref: main\n');
    const r = loadConfigFile(file);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.file!.workDir, join(dir, 'cache'));
    assert.equal(r.file!.state!.dir, join(dir, 'state'));
    assert.equal(r.file!.sources![0].git!.url, join(dir, '..', 'repo.git'));
    writeFileSync(file, 'sources: [\n');
    assert.match(summaries(loadConfigFile(file))[0], /is not valid YAML or JSON/);
    writeFileSync(file, '{"sources": [{"git": {"url": 5}}]}');
    assert.deepEqual(summaries(loadConfigFile(file)), ['Invalid agent configuration: sources[0].git.url must be string']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('field names and listen addresses', () => {
  assert.equal(fieldName('/sources/0/git/url'), 'sources[0].git.url');
  assert.equal(fieldName('', 'x'), 'x');
  assert.deepEqual(parseListen('127.0.0.1:0'), { host: '127.0.0.1', port: 0 });
  assert.deepEqual(parseListen('[::1]:8080'), { host: '::1', port: 8080 });
});

test('drift policies by address: validated by the schema, each problem named by its field', () => {
  const ok = validateConfigFile(
    {
      sources: [{ git: { url: 'https://example.invalid/apps.git' } }],
      drift: {
        policies: [
          { address: 'kubernetes_manifest.Deployment_shop_*', policy: 'alert' },
          { address: 'aws_s3_bucket.*', policy: 'ignore', stack: 'infra-*' },
        ],
      },
    },
    'agent.yaml',
  );
  assert.deepEqual(ok.diagnostics, []);
  const c = resolveAgentConfig(ok.file, { stateDir: '/tmp/state' });
  assert.deepEqual(c.config!.driftPolicies, [
    { address: 'kubernetes_manifest.Deployment_shop_*', policy: 'alert' },
    { address: 'aws_s3_bucket.*', policy: 'ignore', stack: 'infra-*' },
  ]);
  assert.deepEqual(resolveAgentConfig(validateConfigFile({ sources: [{ git: { url: 'https://example.invalid/a.git' } }] }, 'a.yaml').file, {}).config!.driftPolicies, []);
  const bad = validateConfigFile({ drift: { policies: [{ address: 'x.*', policy: 'shout' }, { policy: 'alert' }], polices: [] } }, 'agent.yaml');
  const s = summaries(bad);
  assert.ok(s.includes('Invalid agent configuration: drift.policies[0].policy must be one of "revert", "alert", "ignore"'), s.join('\n'));
  assert.ok(s.includes('Invalid agent configuration: drift.policies[1].address is required'), s.join('\n'));
  assert.ok(s.includes('Invalid agent configuration: drift.polices is not a known setting'), s.join('\n'));
});
