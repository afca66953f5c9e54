// The agent against a real git repository served by `git daemon` on 127.0.0.1: commits are
// applied, reverts converge back, webhooks trigger only when signed, rollbacks stick until a new
// revision, and suspend/resume switch a stack off and on.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGitDaemon, type GitDaemon } from './helpers/git-daemon.ts';
import { git, makeGpgKey, makeRepo, type TestRepo } from './helpers/git-repo.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { runBallast } from './helpers/run-ballast.ts';
import { signBody } from '../engine/agent/webhook-signature.ts';
import { applied, currentState, fileStack, filesIn, logEvents, rev, startAgent, stateHistory, stopAllAgents } from './agent-harness.ts';

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
  // debug logs: every fetch is logged, so the log shows which poll picked a commit up
  const agent = await startAgent(['--git', url, '--ref', 'main', '--path', 'infra', '--interval', '1s', '--state-dir', state, '--work-dir', work], { cwd: dir, env: { BALLAST_LOG_LEVEL: 'debug' } });
  await agent.waitFor('the first commit applied', applied('infra', rev(c1)), 20_000);
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'one');

  // fetches that had finished before the push (the counter and the log line come from one step)
  const fetchesBefore = await agent.metric('ballast_source_fetch_total', { result: 'ok' });
  const c2 = repo.commit({ 'infra/main.tf.json': fileStack(out, { a: 'two', b: 'bee' }) }, 'second');
  const s2 = await agent.waitFor('the second commit applied', applied('infra', rev(c2)), 20_000);
  // "within two intervals": the fetch that picked c2 up is the first or second one after the push
  // (the first may have been under way already), and the same cycle applied it
  const events = logEvents(agent.logs());
  const fetches = events.filter((e) => e.event === 'fetch' && typeof e.revision === 'string');
  const pickedUp = fetches.findIndex((e) => e.revision === rev(c2));
  assert.ok(pickedUp >= fetchesBefore, `c2 fetched after the push (fetch #${pickedUp + 1}, ${fetchesBefore} before it)`);
  assert.ok(pickedUp - fetchesBefore <= 1, `c2 was picked up by fetch #${pickedUp - fetchesBefore + 1} after the push, not within two intervals`);
  const afterPickup = events.slice(events.indexOf(fetches[pickedUp]) + 1);
  const appliedAt = afterPickup.findIndex((e) => e.event === 'apply' && e.revision === rev(c2));
  assert.ok(appliedAt >= 0, 'c2 applied');
  assert.ok(!afterPickup.slice(0, appliedAt).some((e) => e.event === 'fetch'), 'c2 applied in the cycle that fetched it');
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

  // unchanged revision: polls do nothing (no new state versions); two more finished polls first
  await agent.waitForSteps('infra', 2);
  assert.equal((await agent.status()).stacks.infra.lastResult?.kind, 'applied', 'the last real outcome stays visible');
  assert.deepEqual(
    (await stateHistory(state, 'infra')).map((v) => v.sourceRevision),
    [rev(c1), rev(c2), rev(c3)],
  );
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
  const agent = await startAgent(['--git', url, '--interval', '1h', '--state-dir', state, '--work-dir', work, '--webhook-secret-file', secretFile], { cwd: dir, env: { BALLAST_LOG_LEVEL: 'debug' } });
  await agent.waitFor('the first commit applied', applied('main', rev(c1)), 20_000);
  const c2 = repo.commit({ 'main.tf.json': fileStack(out, { a: 'two' }) }, 'second');

  const body = JSON.stringify({ ref: 'refs/heads/main', after: c2 });
  const wrong = await fetch(`${agent.base}/hooks/git`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody('not the secret', body) } });
  assert.equal(wrong.status, 401);
  const unsigned = await fetch(`${agent.base}/hooks/git`, { method: 'POST', body });
  assert.equal(unsigned.status, 401);
  const s = await agent.status();
  assert.equal(s.stacks.main.lastAppliedRevision, rev(c1), 'a rejected hook must not trigger a fetch');

  const ok = await fetch(`${agent.base}/hooks/git`, { method: 'POST', body, headers: { 'x-github-event': 'push', 'x-hub-signature-256': signBody('hook-secret-value', body) } });
  assert.equal(ok.status, 202);
  await agent.waitFor('the pushed commit applied after the hook', applied('main', rev(c2)), 15_000);
  // the positive event (the signed hook's fetch and apply) came; before it, with a 1h interval,
  // there was only the first fetch: the rejected hooks triggered nothing (the log is one ordered pipe)
  const events = logEvents(agent.logs());
  const appliedC2 = events.findIndex((e) => e.event === 'apply' && e.revision === rev(c2));
  const before = events.slice(0, appliedC2);
  assert.equal(before.filter((e) => e.event === 'trigger').length, 1, 'only the signed hook triggered a fetch');
  assert.deepEqual(
    before.filter((e) => e.event === 'fetch').map((e) => e.revision),
    [rev(c1), rev(c2)],
  );
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
  await agent.waitForSteps('main', 3); // three polls that saw the pin and the same revision
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
  await agent.waitForSteps('main', 2); // two polls that saw c4 while suspended
  assert.equal((await agent.status()).stacks.main.lastResult?.kind, 'suspended');
  assert.equal((await currentState(state, 'main'))?.sourceRevision, rev(c3), 'a suspended stack was applied');
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'three');

  const res = await runBallast(['agent', 'resume', 'main', '--state-dir', state], { cwd: dir });
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /Resumed stack "main" \(it was suspended\)/);
  await agent.waitFor('c4 applied after resume', applied('main', rev(c4)), 20_000);
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'four');
  assert.equal(await agent.stop(), 0);
});

const gpgAvailable = (() => {
  try {
    execFileSync('gpg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

test('with --git-verify-keyring an unsigned or foreign-signed head is refused and the last good revision stays applied', { skip: !gpgAvailable && 'gpg is not installed' }, async () => {
  const { repo, url, out, state, work, dir } = await setup();
  const trusted = makeGpgKey('Trusted Signer');
  const stranger = makeGpgKey('Someone Else');
  after(() => {
    trusted.dispose();
    stranger.dispose();
  });
  const c1 = repo.commit({ 'main.tf.json': fileStack(out, { a: 'one' }) }, 'signed', { sign: trusted });
  const agent = await startAgent(['--git', url, '--interval', '1s', '--state-dir', state, '--work-dir', work, '--git-verify-keyring', trusted.keyringFile], { cwd: dir });
  await agent.waitFor('the signed commit applied', applied('main', rev(c1)), 30_000);
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'one');

  for (const [what, sign, status] of [
    ['unsigned', undefined, /the commit is not signed/],
    ['signed by a key outside the keyring', stranger, /signed by a key that is not in the keyring/],
  ] as const) {
    const bad = repo.commit({ 'main.tf.json': fileStack(out, { a: `not ${what}`, b: 'never' }) }, what, sign ? { sign } : {});
    // the positive events: a fetch refused this head (reported on /status), then one more refusal
    const s = await agent.waitFor(`the ${what} head refused`, (st) => Object.values(st.sources).some((src) => src.lastError?.includes(rev(bad)) ?? false), 30_000);
    const source = Object.values(s.sources)[0];
    assert.match(source.lastError!, status);
    assert.equal(source.revision, rev(c1), 'the source keeps reporting the last good revision');
    const refused = await agent.metric('ballast_source_fetch_total', { result: 'error' });
    await agent.waitForMetric('ballast_source_fetch_total', { result: 'error' }, refused + 1);
    const now = await agent.status();
    assert.equal(now.stacks.main.lastAppliedRevision, rev(c1));
    assert.equal(now.stacks.main.revision, rev(c1));
    assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'one', `the ${what} commit was applied`);
    assert.deepEqual(filesIn(out), ['a.txt']);
    assert.deepEqual(
      (await stateHistory(state, 'main')).map((v) => v.sourceRevision),
      [rev(c1)],
    );
    assert.match(agent.logs(), new RegExp(`failed signature verification`));
  }

  // a signed commit on top is applied again
  const c4 = repo.commit({ 'main.tf.json': fileStack(out, { a: 'four' }) }, 'signed again', { sign: trusted });
  await agent.waitFor('the next signed commit applied', applied('main', rev(c4)), 30_000);
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'four');
  assert.deepEqual(
    (await stateHistory(state, 'main')).map((v) => v.sourceRevision),
    [rev(c1), rev(c4)],
  );
  assert.equal(await agent.stop(), 0);
});
