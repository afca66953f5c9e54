// `ballast ui --state-dir DIR`: the read-only web UI over state recorded by the CLI, without an
// agent: pages answer, secrets are redacted everywhere, actions are impossible, and bad flags
// are clear errors before anything listens.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ballastBin, runBallast } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { currentState } from './agent-harness.ts';

const children: ReturnType<typeof spawn>[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

function stack(out: string, text: string): string {
  return JSON.stringify({
    resource: {
      random_password: { pw: { length: 20, special: false } },
      local_file: { a: { filename: join(out, 'a.txt'), content: text }, pw: { filename: join(out, 'pw.txt'), content: '${random_password.pw.result}' } },
    },
    output: { pw: { value: '${random_password.pw.result}', sensitive: true } },
  });
}

test('ballast ui serves the recorded state read-only, with every secret redacted', { timeout: 300_000 }, async () => {
  const dir = await makeTempDir('ballast-ui-cmd-');
  const app = join(dir, 'api-prod');
  mkdirSync(app);
  const state = join(dir, 'state');
  for (const text of ['one\n', 'two\n']) {
    writeFileSync(join(app, 'main.tf.json'), stack(join(dir, 'out'), text));
    const r = await runBallast(['apply', '--chdir', app, '--state-dir', state, '--stack-name', 'api-prod', '--auto-approve'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
  }
  const secret = (await currentState(state, 'api-prod'))!.resources['random_password.pw']!.attributes.result as string;

  const child = spawn(ballastBin, ['ui', '--state-dir', state, '--listen', '127.0.0.1:0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Serving the web UI on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`ballast ui exited: ${out}`));
      }
    }, 100);
  });
  const pages = [
    '/',
    '/environments',
    '/audit',
    '/stacks/api-prod',
    '/stacks/api-prod/versions/2',
    '/stacks/api-prod/diff?from=&to=2',
    '/stacks/api-prod/diff?from=1&to=2',
    '/stacks/api-prod/graph',
    `/stacks/api-prod/resources/${encodeURIComponent('local_file.pw')}?serial=2`,
    `/stacks/api-prod/resources/${encodeURIComponent('random_password.pw')}`,
  ];
  for (const p of pages) {
    const res = await fetch(base + p);
    const text = await res.text();
    assert.equal(res.status, 200, `${p}: ${text}`);
    assert.ok(!text.includes(secret), `the secret is in ${p}`);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  }
  const overview = await (await fetch(`${base}/`)).text();
  assert.match(overview, /data-env="prod"/);
  assert.match(overview, /data-stack="api-prod"/);
  const diff = await (await fetch(`${base}/stacks/api-prod/diff?from=1&to=2`)).text();
  assert.match(diff, /data-address="local_file.a"/);
  assert.match(await (await fetch(`${base}/stacks/api-prod/versions/2`)).text(), /\(sensitive value\)/);
  // no agent, no live drift: the stack's objects and a resource's page say it needs the agent
  assert.match(await (await fetch(`${base}/stacks/api-prod`)).text(), /Objects \(\d+\)<\/h2><p class="muted" data-live-drift="none">Drift policy, health and live drift need the agent/);
  assert.match(
    await (await fetch(`${base}/stacks/api-prod/resources/${encodeURIComponent('random_password.pw')}`)).text(),
    /data-live-drift="none">Drift policy, health and live drift need the agent/,
  );
  // no actions without an agent: no buttons, and a POST is refused
  assert.doesNotMatch(await (await fetch(`${base}/stacks/api-prod`)).text(), /data-action=/);
  const post = await fetch(`${base}/stacks/api-prod/suspend`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '_csrf=x' });
  assert.equal(post.status, 403);
  assert.equal((await fetch(`${base}/stacks/nope`)).status, 404);
  assert.equal((await fetch(`${base}/stacks/api-prod/versions/9`)).status, 404);
  assert.equal((await fetch(`${base}/stacks/api-prod/diff?from=x&to=2`)).status, 400);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  assert.equal(child.exitCode, 0, out);
});

test('ballast ui refuses a bad --listen and an unreadable or empty token file, naming them', { timeout: 300_000 }, async () => {
  const dir = await makeTempDir('ballast-ui-cmd-');
  const bad = await runBallast(['ui', '--state-dir', dir, '--listen', 'nope'], { cwd: dir });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /--listen must be host:port/);
  const missing = await runBallast(['ui', '--state-dir', dir, '--ui-viewer-token-file', join(dir, 'missing')], { cwd: dir });
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /cannot read --ui-viewer-token-file .*missing: ENOENT/);
  writeFileSync(join(dir, 'short'), 'abc\n');
  const short = await runBallast(['ui', '--state-dir', dir, '--ui-viewer-token-file', join(dir, 'short')], { cwd: dir });
  assert.equal(short.code, 1);
  assert.match(short.stderr, /at least 16 characters/);
  assert.doesNotMatch(short.stderr + missing.stderr + bad.stderr, /\n\s+at /, 'no stack trace');
});
