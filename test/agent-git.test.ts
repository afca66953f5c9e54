// The agent against a real git repository served by `git daemon` on 127.0.0.1: commits are
// applied, reverts converge back, webhooks trigger only when signed, rollbacks stick until a new
// revision, and suspend/resume switch a stack off and on.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGitDaemon, type GitDaemon } from './helpers/git-daemon.ts';
import { git, makeRepo, type TestRepo } from './helpers/git-repo.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { runBallast } from './helpers/run-ballast.ts';
import { signBody } from '../engine/agent/webhook-signature.ts';
import { applied, currentState, fileStack, filesIn, rev, startAgent, stateHistory, stopAllAgents } from './agent-harness.ts';

let daemon: GitDaemon;
let n = 0;

before(async () => {
  daemon = await startGitDaemon();
});
after(async () => {
  await stopAllAgents();
  await daemon.stop();
});

async function setup(): Promise<{ repo: TestRepo; url: string; out: string; state: string; work: string; dir: string }> {
  const name = `stacks${++n}`;
  const repo = makeRepo({ root: daemon.basePath, name });
  const dir = await makeTempDir('ballast-agent-git-');
  after(() => repo.dispose());
  return { repo, url: daemon.url(`${name}.git`), out: join(dir, 'out'), state: join(dir, 'state'), work: join(dir, 'work'), dir };
}

test('commits are applied within two intervals, updated, and a revert converges back', async () => {
  const { repo, url, out, state, work, dir } = await setup();
  // a lone main.tf.json is named after its directory, so stacks in sibling directories never share a state
  const c1 = repo.commit({ 'infra/main.tf.json': fileStack(out, { a: 'one' }), 'README.md': 'x' }, 'first');
  const agent = await startAgent(['--git', url, '--ref', 'main', '--path', 'infra', '--interval', '1s', '--state-dir', state, '--work-dir', work], { cwd: dir });
  await agent.waitFor('the first commit applied', applied('infra', rev(c1)), 20_000);
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'one');

  const c2 = repo.commit({ 'infra/main.tf.json': fileStack(out, { a: 'two', b: 'bee' }) }, 'second');
  const t0 = Date.now();
  const s2 = await agent.waitFor('the second commit applied', applied('infra', rev(c2)), 20_000);
  assert.ok(Date.now() - t0 < 10_000, 'applied long after the commit');
  assert.equal(s2.stacks.infra.stateVersion, 2);
  assert.equal(s2.stacks.infra.lastResult?.kind, 'applied');
  assert.deepEqual(filesIn(out), ['a.txt', 'b.txt']);
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'two');
  const v2 = await currentState(state, 'infra');
  assert.equal(v2?.author, 'Ballast Test <test@example.invalid>');

  git(repo.work, ['revert', '--no-edit', 'HEAD']);
  git(repo.work, ['push', '--quiet', 'origin', 'HEAD:refs/heads/main']);
  const c3 = git(repo.work, ['rev-parse', 'HEAD']);
  await agent.waitFor('the revert applied', applied('infra', rev(c3)), 20_000);
  assert.deepEqual(filesIn(out), ['a.txt']);
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'one');

  // unchanged revision: polls do nothing (no new state versions)
  await new Promise((r) => setTimeout(r, 2500));
  assert.deepEqual((await stateHistory(state, 'infra')).map((v) => v.sourceRevision), [rev(c1), rev(c2), rev(c3)]);
  const metrics = await (await fetch(`${agent.base}/metrics`)).text();
  assert.match(metrics, new RegExp(`ballast_last_applied_revision_info\\{stack="infra",revision="main@sha1:${c3}"\\} 1`));
  assert.doesNotMatch(metrics, new RegExp(`revision="main@sha1:${c2}"`));
  assert.equal(await agent.stop(), 0);

  // a plan preview of the same revision (CI) sees nothing to do, takes no lock, writes nothing
  const preview = await runBallast(['plan', '--git', url, '--ref', 'main', '--path', 'infra', '--state-dir', state, '--format', 'markdown', '--detailed-exitcode'], { cwd: dir });
  assert.equal(preview.code, 0, preview.stderr);
  assert.match(preview.stdout, /<!-- ballast-plan -->/);
  assert.match(preview.stdout, /\| infra \| 0 \| 0 \| 0 \|/);
  assert.equal((await stateHistory(state, 'infra')).length, 3);
});

test('a signed webhook triggers a fetch at once; an unsigned or wrongly signed one gets 401 and changes nothing', async () => {
  const { repo, url, out, state, work, dir } = await setup();
  const secretFile = join(dir, 'hook-secret');
  writeFileSync(secretFile, 'hook-secret-value\n');
  const c1 = repo.commit({ 'main.tf.json': fileStack(out, { a: 'one' }) }, 'first');
  const agent = await startAgent(['--git', url, '--interval', '1h', '--state-dir', state, '--work-dir', work, '--webhook-secret-file', secretFile], { cwd: dir });
  await agent.waitFor('the first commit applied', applied('main', rev(c1)), 20_000);
  const c2 = repo.commit({ 'main.tf.json': fileStack(out, { a: 'two' }) }, 'second');

  const body = JSON.stringify({ ref: 'refs/heads/main', after: c2 });
  const wrong = await fetch(`${agent.base}/hooks/git`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody('not the secret', body) } });
  assert.equal(wrong.status, 401);
  const unsigned = await fetch(`${agent.base}/hooks/git`, { method: 'POST', body });
  assert.equal(unsigned.status, 401);
  await new Promise((r) => setTimeout(r, 2000));
  const s = await agent.status();
  assert.equal(s.stacks.main.lastAppliedRevision, rev(c1), 'a rejected hook must not trigger a fetch');
  assert.equal(s.sources[Object.keys(s.sources)[0]].revision, rev(c1));

  const ok = await fetch(`${agent.base}/hooks/git`, { method: 'POST', body, headers: { 'x-github-event': 'push', 'x-hub-signature-256': signBody('hook-secret-value', body) } });
  assert.equal(ok.status, 202);
  await agent.waitFor('the pushed commit applied after the hook', applied('main', rev(c2)), 15_000);
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'two');
  assert.ok(!agent.logs().includes('hook-secret-value'), 'the secret must never be logged');
  assert.equal(await agent.stop(), 0);
});

test('a rollback is not undone by the next poll, a new commit resumes following; suspend and resume', async () => {
  const { repo, url, out, state, work, dir } = await setup();
  const c1 = repo.commit({ 'main.tf.json': fileStack(out, { a: 'one' }) }, 'first');
  const agent = await startAgent(['--git', url, '--interval', '1s', '--state-dir', state, '--work-dir', work], { cwd: dir });
  await agent.waitFor('c1 applied', applied('main', rev(c1)), 20_000);
  const c2 = repo.commit({ 'main.tf.json': fileStack(out, { a: 'two' }) }, 'second');
  await agent.waitFor('c2 applied', applied('main', rev(c2)), 20_000);

  const rb = await runBallast(['rollback', '--to', '1', '--stack', 'main', '--state-dir', state, '--auto-approve'], { cwd: dir });
  assert.equal(rb.code, 0, rb.stderr + rb.stdout);
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'one');
  await agent.waitFor('the pin reported', (s) => s.stacks.main.pinnedTo === 1, 10_000);
  await new Promise((r) => setTimeout(r, 3000)); // three polls
  const pinned = await currentState(state, 'main');
  assert.equal(pinned?.serial, 3);
  assert.equal(pinned?.reason, 'rollback');
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'one', 'the agent undid the rollback');

  const c3 = repo.commit({ 'main.tf.json': fileStack(out, { a: 'three' }) }, 'third');
  const s3 = await agent.waitFor('c3 applied after the rollback', applied('main', rev(c3)), 20_000);
  assert.equal(s3.stacks.main.pinnedTo, null);
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'three');

  const sus = await runBallast(['agent', 'suspend', 'main', '--state-dir', state], { cwd: dir });
  assert.equal(sus.code, 0, sus.stderr);
  await agent.waitFor('suspended', (s) => s.stacks.main.suspended, 10_000);
  const c4 = repo.commit({ 'main.tf.json': fileStack(out, { a: 'four' }) }, 'fourth');
  await agent.waitFor('c4 fetched', (s) => s.stacks.main.revision === rev(c4), 10_000);
  await new Promise((r) => setTimeout(r, 2000));
  assert.equal((await currentState(state, 'main'))?.sourceRevision, rev(c3), 'a suspended stack was applied');
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'three');

  const res = await runBallast(['agent', 'resume', 'main', '--state-dir', state], { cwd: dir });
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /Resumed stack "main" \(it was suspended\)/);
  await agent.waitFor('c4 applied after resume', applied('main', rev(c4)), 20_000);
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'four');
  assert.equal(await agent.stop(), 0);
});
