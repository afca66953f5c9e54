// The agent's process lifecycle against real git and real files: SIGTERM during an apply lets
// it finish and exits 0; SIGKILL during an apply and a restart converge with nothing lost from
// state; two agents on one state store never apply a revision twice.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startGitDaemon, type GitDaemon } from './helpers/git-daemon.ts';
import { makeRepo, type TestRepo } from './helpers/git-repo.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { applied, currentState, filesIn, rev, startAgent, stateHistory, stateStore, stopAllAgents } from './agent-harness.ts';

let daemon: GitDaemon;
let n = 0;

before(async () => {
  daemon = await startGitDaemon();
});
after(async () => {
  await stopAllAgents();
  await daemon.stop();
});

/** a.txt, then a data source that sleeps during the apply (its input is known only then), then b.txt */
function slowStack(out: string, seconds: number, tag: string): string {
  return JSON.stringify({
    resource: {
      local_file: {
        a: { filename: join(out, 'a.txt'), content: `a ${tag}` },
        b: { filename: join(out, 'b.txt'), content: `b ${tag} \${data.local_command.wait.exit_code}` },
      },
    },
    data: { local_command: { wait: { command: 'sh', arguments: ['-c', `sleep ${seconds}`, 'sh', '${local_file.a.id}'] } } },
  }, null, 2);
}

async function setup(): Promise<{ repo: TestRepo; url: string; out: string; state: string; dir: string }> {
  const name = `life${++n}`;
  const repo = makeRepo({ root: daemon.basePath, name });
  const dir = await makeTempDir('ballast-agent-life-');
  after(() => repo.dispose());
  return { repo, url: daemon.url(`${name}.git`), out: join(dir, 'out'), state: join(dir, 'state'), dir };
}

async function waitForFile(path: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`${path} never appeared`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('SIGTERM during an apply lets it finish, records the state, releases the lock and exits 0', async () => {
  const { repo, url, out, state, dir } = await setup();
  const c1 = repo.commit({ 'main.tf.json': slowStack(out, 3, 'one') }, 'slow');
  const agent = await startAgent(['--git', url, '--interval', '1s', '--state-dir', state, '--work-dir', join(dir, 'work')], { cwd: dir });
  await waitForFile(join(out, 'a.txt'));
  assert.equal(existsSync(join(out, 'b.txt')), false, 'the apply should still be sleeping');
  const code = await agent.stop('SIGTERM');
  assert.equal(code, 0, agent.logs().slice(-3000));
  const v = await currentState(state, 'main');
  assert.equal(v?.sourceRevision, rev(c1));
  assert.deepEqual(Object.keys(v!.resources).filter((k) => k.startsWith('local_file')).sort(), ['local_file.a', 'local_file.b']);
  assert.deepEqual(filesIn(out), ['a.txt', 'b.txt']);
  const store = stateStore(state, 'main');
  assert.equal(await store.currentLock(), null, 'the lock must be released');
  assert.deepEqual(await store.pendingJournals(), []);
  assert.match(agent.logs(), /"event":"stopped"/);
});

test('SIGKILL during an apply, then a restart, converges with every file on disk in state', async () => {
  const { repo, url, out, state, dir } = await setup();
  const c1 = repo.commit({ 'main.tf.json': slowStack(out, 3, 'one') }, 'slow');
  const first = await startAgent(['--git', url, '--interval', '1s', '--state-dir', state, '--work-dir', join(dir, 'work')], { cwd: dir });
  await waitForFile(join(out, 'a.txt'));
  assert.equal(await first.stop('SIGKILL'), 137);
  assert.equal(await currentState(state, 'main'), null, 'nothing was recorded as a version yet');

  const second = await startAgent(['--git', url, '--interval', '1s', '--state-dir', state, '--work-dir', join(dir, 'work')], { cwd: dir });
  await second.waitFor('the restarted agent converged', applied('main', rev(c1)), 30_000);
  const v = await currentState(state, 'main');
  const inState = Object.values(v!.resources).filter((r) => r.type === 'local_file').map((r) => String(r.attributes.filename)).sort();
  const onDisk = filesIn(out).map((f) => join(out, f));
  assert.deepEqual(inState, onDisk, 'every file on disk must be in state, and every file in state on disk');
  assert.deepEqual(onDisk, [join(out, 'a.txt'), join(out, 'b.txt')]);
  assert.match(second.logs(), /stale state lock|Took over/i);
  assert.equal(await second.stop(), 0);
});

test('two agents on one state store never apply the same revision twice', async () => {
  const { repo, url, out, state, dir } = await setup();
  const args = (w: string) => ['--git', url, '--interval', '1s', '--state-dir', state, '--work-dir', join(dir, w), '--lock-wait', '1m'];
  const revisions = [repo.commit({ 'main.tf.json': slowStack(out, 1, 'one') }, 'one')];
  const a = await startAgent(args('work-a'), { cwd: dir });
  const b = await startAgent(args('work-b'), { cwd: dir });
  for (const tag of ['two', 'three']) {
    await a.waitFor('agent a sees the revision applied', applied('main', rev(revisions.at(-1)!)), 40_000);
    await b.waitFor('agent b sees the revision applied', applied('main', rev(revisions.at(-1)!)), 40_000);
    revisions.push(repo.commit({ 'main.tf.json': slowStack(out, 1, tag) }, tag));
  }
  await a.waitFor('agent a sees the last revision applied', applied('main', rev(revisions.at(-1)!)), 40_000);
  await b.waitFor('agent b sees the last revision applied', applied('main', rev(revisions.at(-1)!)), 40_000);
  const history = await stateHistory(state, 'main');
  const applies = history.filter((h) => h.reason === 'apply').map((h) => h.sourceRevision);
  assert.deepEqual(applies, revisions.map((r) => rev(r)), `each revision exactly once, in order: ${JSON.stringify(history, null, 1)}`);
  assert.equal(await a.stop(), 0);
  assert.equal(await b.stop(), 0);
});
