// The agent's process lifecycle against real git and real files: SIGTERM during an apply lets
// it finish and exits 0 (/readyz says 503 meanwhile); past --shutdown-timeout the apply is
// cancelled and what finished is recorded; SIGTERM cancels an in-flight fetch, synth or plan
// (their child processes are gone); SIGKILL during an apply and a restart converge with nothing
// lost from state; two agents on one state store never apply a revision twice.
//
// Slow steps wait on a gate file the test creates (an event), never on a fixed sleep.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
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
  return JSON.stringify(
    {
      resource: {
        local_file: {
          a: { filename: join(out, 'a.txt'), content: `a ${tag}` },
          b: { filename: join(out, 'b.txt'), content: `b ${tag} \${data.local_command.wait.exit_code}` },
        },
      },
      data: { local_command: { wait: { command: 'sh', arguments: ['-c', `sleep ${seconds}`, 'sh', '${local_file.a.id}'] } } },
    },
    null,
    2,
  );
}

/** a.txt, then a data source that waits during the apply (its input is known only then) until `gate` exists, then b.txt */
function gatedStack(out: string, gate: string, tag: string): string {
  return JSON.stringify(
    {
      resource: {
        local_file: {
          a: { filename: join(out, 'a.txt'), content: `a ${tag}` },
          b: { filename: join(out, 'b.txt'), content: `b ${tag} \${data.local_command.wait.exit_code}` },
        },
      },
      data: { local_command: { wait: { command: 'sh', arguments: ['-c', 'echo $$ > "$1.pid"; while [ ! -e "$1" ]; do sleep 0.1; done', 'sh', gate, '${local_file.a.id}'] } } },
    },
    null,
    2,
  );
}

/** A pid that is running (a zombie left for init to reap counts as gone). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function readPid(file: string): Promise<number> {
  await waitForFile(file);
  for (;;) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid > 0) return pid;
    await new Promise((r) => setTimeout(r, 50));
  }
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

test('SIGTERM during an apply: /readyz 503 at once, the apply finishes and is recorded, the lock is released, exit 0', async () => {
  const { repo, url, out, state, dir } = await setup();
  const gate = join(dir, 'gate');
  const c1 = repo.commit({ 'main.tf.json': JSON.stringify({ resource: { local_file: { a: { filename: join(out, 'a.txt'), content: 'a zero' } } } }) }, 'quick');
  const agent = await startAgent(['--git', url, '--interval', '1s', '--state-dir', state, '--work-dir', join(dir, 'work')], { cwd: dir });
  await agent.waitFor('c1 applied', applied('main', rev(c1)), 20_000);
  const c2 = repo.commit({ 'main.tf.json': gatedStack(out, gate, 'two') }, 'gated');
  await readPid(`${gate}.pid`); // the apply created a.txt and now waits on the gate
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), 'a two');
  assert.equal((await fetch(`${agent.base}/readyz`)).status, 200, 'ready before the signal');

  agent.child.kill('SIGTERM');
  const deadline = Date.now() + 20_000;
  while ((await fetch(`${agent.base}/readyz`)).status !== 503) {
    if (Date.now() > deadline) assert.fail(`/readyz never answered 503 after SIGTERM\n${agent.logs().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  // shutting down, still alive and serving while the apply runs
  assert.equal((await fetch(`${agent.base}/healthz`)).status, 200);
  assert.equal((await agent.status()).stacks.main.lastAppliedRevision, rev(c1));
  assert.equal(existsSync(join(out, 'b.txt')), false, 'the apply is still waiting on the gate');
  assert.match(agent.logs(), /"event":"signal"/);

  writeFileSync(gate, '');
  const code = await agent.exited(); // a second signal would mean "exit now"
  assert.doesNotMatch(agent.logs(), /second signal/);
  assert.equal(code, 0, agent.logs().slice(-3000));
  const v = await currentState(state, 'main');
  assert.equal(v?.sourceRevision, rev(c2));
  assert.deepEqual(
    Object.keys(v!.resources)
      .filter((k) => k.startsWith('local_file'))
      .sort(),
    ['local_file.a', 'local_file.b'],
  );
  assert.deepEqual(filesIn(out), ['a.txt', 'b.txt']);
  const store = stateStore(state, 'main');
  assert.equal(await store.currentLock(), null, 'the lock must be released');
  assert.deepEqual(await store.pendingJournals(), []);
  assert.match(agent.logs(), /"event":"stopped"/);
  assert.doesNotMatch(agent.logs(), /"event":"deadline"/);
});

test('past --shutdown-timeout an apply is cancelled: what finished is recorded, the rest converges after a restart', async () => {
  const { repo, url, out, state, dir } = await setup();
  const gate = join(dir, 'gate');
  const c1 = repo.commit({ 'main.tf.json': gatedStack(out, gate, 'one') }, 'gated');
  const args = ['--git', url, '--interval', '1s', '--state-dir', state, '--work-dir', join(dir, 'work')];
  const first = await startAgent([...args, '--shutdown-timeout', '1s'], { cwd: dir });
  const waiting = await readPid(`${gate}.pid`);
  // the gate never opens: only the deadline can end this apply (else the harness SIGKILLs: 137)
  assert.equal(await first.stop('SIGTERM', 90_000), 0, first.logs().slice(-3000));
  assert.match(first.logs(), /"event":"deadline"/);
  assert.equal(running(waiting), false, 'the waiting data source process was left running');
  assert.equal(existsSync(join(out, 'b.txt')), false);
  const store = stateStore(state, 'main');
  assert.equal(await store.currentLock(), null, 'the lock must be released');
  // a.txt exists on disk, so state must know it: as a recorded version or a pending journal
  const v = await currentState(state, 'main');
  const journalled = (await store.pendingJournals())
    .flatMap((j) => j.entries)
    .filter((e) => e.kind === 'done')
    .map((e) => e.address);
  assert.ok(
    v?.resources['local_file.a'] !== undefined || journalled.includes('local_file.a'),
    `local_file.a lost: version ${JSON.stringify(v?.resources && Object.keys(v.resources))}, journal ${journalled}`,
  );
  assert.equal(v?.resources['local_file.b'], undefined);

  writeFileSync(gate, '');
  const second = await startAgent(args, { cwd: dir });
  await second.waitFor('the restarted agent converged', (s) => applied('main', rev(c1))(s) && s.stacks.main.lastResult?.kind === 'applied', 30_000);
  const done = await currentState(state, 'main');
  assert.deepEqual(
    Object.keys(done!.resources)
      .filter((k) => k.startsWith('local_file'))
      .sort(),
    ['local_file.a', 'local_file.b'],
  );
  assert.deepEqual(filesIn(out), ['a.txt', 'b.txt']);
  assert.deepEqual(await store.pendingJournals(), []);
  assert.equal(await second.stop(), 0);
});

test('SIGTERM cancels an in-flight fetch: the git child is gone and the agent exits 0', async () => {
  const dir = await makeTempDir('ballast-agent-life-');
  // a git server that accepts connections and never answers: only cancelling ends the fetch
  const sockets: Socket[] = [];
  const socketsClosed: Promise<void>[] = [];
  let connected!: () => void;
  const connection = new Promise<void>((r) => (connected = r));
  const server = createServer((sock) => {
    sockets.push(sock);
    socketsClosed.push(new Promise<void>((r) => sock.once('close', () => r())));
    sock.resume(); // read (and drop) the request, so the peer's close is seen
    connected();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  after(async () => {
    for (const sock of sockets) sock.destroy();
    await new Promise((r) => server.close(r));
  });
  const port = (server.address() as { port: number }).port;
  const agent = await startAgent(['--git', `git://127.0.0.1:${port}/hang.git`, '--interval', '1s', '--state-dir', join(dir, 'state'), '--work-dir', join(dir, 'work'), '--shutdown-timeout', '10m'], {
    cwd: dir,
  });
  await connection;
  assert.equal(await agent.stop('SIGTERM', 60_000), 0, agent.logs().slice(-3000));
  await Promise.all(socketsClosed); // the git processes that held the connections are gone
  assert.match(agent.logs(), /"event":"stopped"/);
  assert.doesNotMatch(agent.logs(), /"event":"deadline"/);
});

test('SIGTERM cancels an in-flight synth: the app process is gone and nothing is recorded', async () => {
  const { repo, url, state, dir } = await setup();
  const pidFile = join(dir, 'app.pid');
  repo.commit(
    {
      'app/cdktf.json': JSON.stringify({ language: 'typescript', app: 'npx tsx main.ts' }),
      // an app that never finishes synthesizing
      'app/main.ts': `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(pidFile)}, String(process.pid));\nsetInterval(() => {}, 1000);\n`,
    },
    'a stuck app',
  );
  const agent = await startAgent(['--git', url, '--path', 'app', '--interval', '1s', '--state-dir', state, '--work-dir', join(dir, 'work'), '--shutdown-timeout', '10m'], { cwd: dir });
  const app = await readPid(pidFile);
  assert.equal(running(app), true);
  assert.equal(await agent.stop('SIGTERM', 60_000), 0, agent.logs().slice(-3000));
  assert.equal(running(app), false, 'the app process was left running');
  assert.doesNotMatch(agent.logs(), /"event":"deadline"/);
  assert.doesNotMatch(agent.logs(), /synthesis failed/, 'a cancelled synth is not reported as a failure');
  assert.equal(existsSync(state) ? (await stateHistory(state, 'app')).length : 0, 0);
});

test('SIGTERM cancels an in-flight plan: the provider process is gone, nothing recorded, no lock left', async () => {
  const { repo, url, out, state, dir } = await setup();
  const gate = join(dir, 'never');
  // a data source with known inputs is read while planning; it waits for a gate that never opens
  repo.commit(
    {
      'main.tf.json': JSON.stringify({
        data: { local_command: { wait: { command: 'sh', arguments: ['-c', 'echo $$ > "$1.pid"; while [ ! -e "$1" ]; do sleep 0.1; done', 'sh', gate] } } },
        resource: { local_file: { a: { filename: join(out, 'a.txt'), content: '${data.local_command.wait.exit_code}' } } },
      }),
    },
    'a stuck plan',
  );
  const agent = await startAgent(['--git', url, '--interval', '1s', '--state-dir', state, '--work-dir', join(dir, 'work'), '--shutdown-timeout', '10m'], { cwd: dir });
  const reader = await readPid(`${gate}.pid`);
  assert.equal(await agent.stop('SIGTERM', 60_000), 0, agent.logs().slice(-3000));
  assert.equal(running(reader), false, 'the data source process was left running');
  assert.match(agent.logs(), /"event":"cancelled","phase":"plan"|"phase":"plan".*"event":"cancelled"/);
  assert.doesNotMatch(agent.logs(), /"event":"deadline"/);
  assert.equal(existsSync(join(out, 'a.txt')), false);
  const store = stateStore(state, 'main');
  assert.equal(await store.current(), null);
  assert.equal(await store.currentLock(), null);
});

test('SIGKILL during an apply, then a restart, converges with every file on disk in state', async () => {
  const { repo, url, out, state, dir } = await setup();
  const gate = join(dir, 'gate');
  const c1 = repo.commit({ 'main.tf.json': gatedStack(out, gate, 'one') }, 'gated');
  const first = await startAgent(['--git', url, '--interval', '1s', '--state-dir', state, '--work-dir', join(dir, 'work')], { cwd: dir });
  await readPid(`${gate}.pid`); // a.txt created, the apply waits on the gate
  assert.equal(await first.stop('SIGKILL'), 137);
  assert.equal(await currentState(state, 'main'), null, 'nothing was recorded as a version yet');
  writeFileSync(gate, '');

  const second = await startAgent(['--git', url, '--interval', '1s', '--state-dir', state, '--work-dir', join(dir, 'work')], { cwd: dir });
  await second.waitFor('the restarted agent converged', applied('main', rev(c1)), 30_000);
  const v = await currentState(state, 'main');
  const inState = Object.values(v!.resources)
    .filter((r) => r.type === 'local_file')
    .map((r) => String(r.attributes.filename))
    .sort();
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
  assert.deepEqual(
    applies,
    revisions.map((r) => rev(r)),
    `each revision exactly once, in order: ${JSON.stringify(history, null, 1)}`,
  );
  assert.equal(await a.stop(), 0);
  assert.equal(await b.stop(), 0);
});
