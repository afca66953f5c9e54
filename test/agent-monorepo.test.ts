// Many stacks in one repository (issue 16), against a real git repository: every stack keeps
// its own state, one fetch serves every source of the repository, a commit plans and applies
// only the stacks whose inputs it changed, clashing names are refused naming both directories,
// directories are discovered with globs and per-directory settings, removed directories are
// reported (and destroyed only with prune), and a renamed stack takes its state along.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { makeRepo, type TestRepo } from './helpers/git-repo.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { runBallast } from './helpers/run-ballast.ts';
import { currentState, fileStack, filesIn, rev, stateHistory, stateStore } from './agent-harness.ts';
import { Agent } from '../engine/agent/agent.ts';
import { resolveAgentConfig, validateConfigFile } from '../engine/agent/agent-config.ts';
import { createLogger } from '../engine/agent/logger.ts';
import { createAgentMetrics, type AgentMetrics } from '../engine/agent/metrics.ts';
import { LocalDirStore } from '../state/local-dir-store.ts';
import { defaultRegistry } from '../providers/shipped/default-registry.ts';

const cleanup: (() => void)[] = [];
after(() => {
  for (const c of cleanup.reverse()) c();
});

/** Five terraform_data per stack, each input naming the stack so states cannot be confused. */
function dataStack(stack: string, version = 1): string {
  const resources: Record<string, unknown> = {};
  for (let i = 1; i <= 5; i++) resources[`r${i}`] = { input: `${stack}-r${i}-v${version}` };
  return JSON.stringify({ resource: { terraform_data: resources } }, null, 2) + '\n';
}

interface Setup {
  repo: TestRepo;
  dir: string;
  state: string;
  agent(doc: unknown): { agent: Agent; metrics: AgentMetrics; logs: () => string };
}

async function setup(): Promise<Setup> {
  const repo = makeRepo();
  const dir = await makeTempDir('ballast-monorepo-');
  cleanup.push(() => repo.dispose());
  const state = join(dir, 'state');
  const agents: Agent[] = [];
  after(async () => {
    for (const a of agents) await a.stop();
  });
  return {
    repo,
    dir,
    state,
    agent(doc) {
      const file = validateConfigFile(doc, 'agent.yaml');
      assert.deepEqual(
        file.diagnostics.map((d) => d.summary),
        [],
      );
      const { config, diagnostics } = resolveAgentConfig(file.file, { stateDir: state, workDir: join(dir, 'work'), driftInterval: '1h' });
      assert.deepEqual(
        diagnostics.map((d) => d.summary),
        [],
      );
      let text = '';
      const sink = new Writable({
        write(c, _e, done) {
          text += c.toString();
          done();
        },
      });
      const metrics = createAgentMetrics({ processMetrics: false });
      const agent = new Agent({
        config: config!,
        registry: defaultRegistry(),
        metrics,
        openStore: (stack) => new LocalDirStore(join(state, stack), { stack }),
        log: createLogger({ destination: sink, json: true, level: 'debug' }),
      });
      agents.push(agent);
      return { agent, metrics, logs: () => text };
    },
  };
}

async function counter(metrics: AgentMetrics, name: string, labels: Record<string, string> = {}): Promise<number> {
  const m = (await metrics.registry.getSingleMetric(name)?.get())?.values ?? [];
  return m.filter((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x)).reduce((a, v) => a + v.value, 0);
}

const names = Array.from({ length: 10 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);

test('ten stack directories: ten states, one fetch, and a commit to one directory plans and applies only that stack', async () => {
  const { repo, state, agent: make } = await setup();
  const c1 = repo.commit(Object.fromEntries(names.map((n) => [`stacks/${n}/main.tf.json`, dataStack(n)])), 'ten stacks');
  // one source per directory, as a platform team writes it
  const { agent, metrics } = make({ sources: names.map((n) => ({ name: n, git: { url: repo.url, path: `stacks/${n}` } })) });

  await agent.reconcileOnce();
  assert.equal(await counter(metrics, 'ballast_source_fetch_total'), 1, 'ten sources of one repository share one fetch');
  for (const n of names) {
    const v = await currentState(state, n);
    assert.equal(v?.serial, 1, n);
    assert.equal(v?.sourceRevision, rev(c1));
    const inputs = Object.values(v!.resources)
      .map((r) => (r.attributes as { input: string }).input)
      .sort();
    assert.deepEqual(
      inputs,
      [1, 2, 3, 4, 5].map((i) => `${n}-r${i}-v1`),
      `${n} holds exactly its own resources`,
    );
  }
  assert.equal(existsSync(join(state, 'main')), false, 'no stack is named after its file');

  const plansBefore = await counter(metrics, 'ballast_plans_total');
  const c2 = repo.commit({ 'stacks/s01/main.tf.json': dataStack('s01', 2) }, 'change s01 only');
  await agent.reconcileOnce();
  assert.equal((await counter(metrics, 'ballast_plans_total')) - plansBefore, 1, 'one plan for a one-stack commit');
  assert.deepEqual(
    (await stateHistory(state, 's01')).map((v) => v.sourceRevision),
    [rev(c1), rev(c2)],
  );
  for (const n of names.slice(1))
    assert.deepEqual(
      (await stateHistory(state, n)).map((v) => v.sourceRevision),
      [rev(c1)],
      `${n} recorded nothing new`,
    );

  const status = agent.status();
  assert.equal(status.stacks.s02!.lastConsideredRevision, rev(c2));
  assert.equal(status.stacks.s02!.lastChangedRevision, rev(c1));
  assert.equal(status.stacks.s01!.lastChangedRevision, rev(c2));
  assert.equal(status.stacks.s01!.path, `git ${repo.url} (main) stacks/s01`);

  // a commit outside every stack plans nothing; a restarted agent does not plan again either
  const plansMid = await counter(metrics, 'ballast_plans_total');
  repo.commit({ 'README.md': 'docs' }, 'docs only');
  await agent.reconcileOnce();
  assert.equal(await counter(metrics, 'ballast_plans_total'), plansMid);
  await agent.stop();
  const again = make({ sources: names.map((n) => ({ name: n, git: { url: repo.url, path: `stacks/${n}` } })) });
  await again.agent.reconcileOnce();
  assert.equal(await counter(again.metrics, 'ballast_plans_total', { kind: 'revision' }), 0, 'a restart remembers which revision each stack last changed at (its drift checks still run)');
  assert.equal(again.agent.status().stacks.s03!.lastChangedRevision, rev(c1));
});

test('two directories that would get one name are both refused, naming both; nothing shares a state', async () => {
  const { repo, state, agent: make } = await setup();
  repo.commit({ 'prod/net/main.tf.json': dataStack('prod'), 'dev/net/main.tf.json': dataStack('dev'), 'dev/app/main.tf.json': dataStack('app') }, 'clash');
  const { agent, logs } = make({
    sources: [
      { name: 'prod', git: { url: repo.url, path: 'prod/net' } },
      { name: 'dev', git: { url: repo.url, path: 'dev/*' } },
    ],
  });
  await agent.reconcileOnce();
  const net = agent.status().stacks.net!;
  assert.equal(net.lastResult?.kind, 'failed');
  assert.match(net.lastResult!.message!, /stack name "net" is claimed by git .* prod\/net and by git .* dev\/net/);
  assert.match(logs(), /two stack directories would share one state/);
  assert.equal(await currentState(state, 'net'), null);
  assert.equal((await currentState(state, 'app'))?.serial, 1, 'the other stacks still run');
});

test('globs, excludes and per-directory settings; new directories appear, removed ones are reported, and destroyed only with prune', async () => {
  const { repo, state, agent: make } = await setup();
  repo.commit(
    {
      'stacks/base/main.tf.json': dataStack('base'),
      'stacks/web/main.tf.json': dataStack('web'),
      'stacks/team/api/main.tf.json': dataStack('api'),
      'stacks/scratch/main.tf.json': dataStack('scratch'),
      'stacks/docs/README.md': 'not a stack',
    },
    'first',
  );
  const doc = (prune: boolean) => ({
    sources: [
      {
        name: 'mono',
        git: { url: repo.url, path: 'stacks/**' },
        exclude: ['stacks/scratch'],
        prune,
        directories: {
          'stacks/web': { dependsOn: ['base'], vars: {} },
          'stacks/team/*': { policy: 'plan-only' },
        },
      },
    ],
  });
  const { agent, logs } = make(doc(false));
  await agent.reconcileOnce();
  const s = agent.status().stacks;
  assert.deepEqual(Object.keys(s).sort(), ['base', 'team-api', 'web']);
  assert.equal(s['team-api']!.lastResult?.kind, 'planned', 'plan-only for stacks/team/*');
  assert.equal(await currentState(state, 'team-api'), null);
  assert.equal(s.web!.lastResult?.kind, 'applied');
  const order = [...logs().matchAll(/"stack":"(base|web)".*?"event":"apply"/g)].map((m) => m[1]);
  assert.deepEqual(order, ['base', 'web'], 'web depends on base');

  repo.commit({ 'stacks/cache/main.tf.json': dataStack('cache'), 'stacks/web/main.tf.json': null }, 'add cache, remove web');
  await agent.reconcileOnce();
  const s2 = agent.status().stacks;
  assert.equal(s2.cache!.lastResult?.kind, 'applied', 'a new directory is a new stack');
  assert.equal(s2.web!.lastResult?.kind, 'removed');
  assert.match(s2.web!.lastResult!.message!, /directory stacks\/web is gone .*set prune: true/);
  assert.equal(Object.keys((await currentState(state, 'web'))!.resources).length, 5, 'kept without prune');
  await agent.stop();

  const pruning = make(doc(true));
  await pruning.agent.reconcileOnce();
  assert.equal(pruning.agent.status().stacks.web?.lastResult?.kind, 'pruned');
  const web = await currentState(state, 'web');
  assert.deepEqual([web?.reason, Object.keys(web!.resources).length], ['destroy', 0]);
  assert.equal((await currentState(state, 'cache'))?.serial, 1, 'the others are untouched');
});

test('a stack that gets a new name takes its state along with a visible move', async () => {
  const { repo, dir, state, agent: make } = await setup();
  const out = join(dir, 'out');
  const c1 = repo.commit({ 'infra/main.tf.json': fileStack(out, { a: 'one' }) }, 'first');
  // the name it had before stacks were named after their directory
  const old = make({ sources: [{ name: 'infra', git: { url: repo.url, path: 'infra' }, directories: { infra: { name: 'main' } } }] });
  await old.agent.reconcileOnce();
  assert.equal((await currentState(state, 'main'))?.serial, 1);
  await old.agent.stop();

  const renamed = make({ sources: [{ name: 'infra', git: { url: repo.url, path: 'infra' } }] });
  await renamed.agent.reconcileOnce();
  const history = await stateHistory(state, 'infra');
  assert.deepEqual(
    history.map((v) => [v.serial, v.reason, v.sourceRevision]),
    [[1, 'move', rev(c1)]],
    'carried over, not recreated',
  );
  assert.match(renamed.logs(), /carried the state of stack \\"main\\" over to \\"infra\\"/);
  assert.equal(await counter(renamed.metrics, 'ballast_plans_total'), 1);
  assert.deepEqual(filesIn(out), ['a.txt']);
  // the old name is retired: nothing may use it again
  const cli = await runBallast(['apply', '--chdir', join(repo.work, 'infra'), '--state-dir', state, '--auto-approve'], { cwd: dir });
  assert.equal(cli.code, 1);
  assert.match(cli.stderr, /the state of stack "main" was moved to stack "infra"/);
  rmSync(out, { recursive: true, force: true });
});

test('CLI: two directories with the same stack name cannot share --state-dir; --stack-name names them apart', async () => {
  const { repo, dir, state } = await setup();
  repo.commit({ 'a/main.tf.json': dataStack('a'), 'b/main.tf.json': dataStack('b') }, 'two');
  const first = await runBallast(['apply', '--chdir', join(repo.work, 'a'), '--state-dir', state, '--auto-approve'], { cwd: dir });
  assert.equal(first.code, 0, first.stderr);
  const plan = await runBallast(['plan', '--chdir', join(repo.work, 'b'), '--state-dir', state], { cwd: dir });
  assert.equal(plan.code, 1);
  assert.match(plan.stderr, /stack "main" of directory b of a git work tree would share its state with stack "main" of directory a of a git work tree/);
  assert.doesNotMatch(plan.stderr, /\n\s+at /, 'no stack trace');
  const clash = await runBallast(['apply', '--chdir', join(repo.work, 'b'), '--state-dir', state, '--auto-approve'], { cwd: dir });
  assert.equal(clash.code, 1);
  assert.equal((await stateStore(state, 'main').list()).length, 1, 'b changed nothing');
  const named = await runBallast(['apply', '--chdir', join(repo.work, 'b'), '--state-dir', state, '--stack-name', 'b', '--auto-approve'], { cwd: dir });
  assert.equal(named.code, 0, named.stderr);
  assert.deepEqual(readdirSync(state).sort(), ['b', 'main']);
  const bad = await runBallast(['plan', '--chdir', join(repo.work, 'b'), '--state-dir', state, '--stack-name', 'x/../main'], { cwd: dir });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /Invalid --stack-name "x\/\.\.\/main"/);
});

test('stack names given on the command line cannot leave the state directory', async () => {
  const { dir, state } = await setup();
  for (const args of [
    ['history', '--stack', '../../escape'],
    ['show', '--stack', 'x/../victim'],
    ['agent', 'suspend', 'x/../victim'],
  ]) {
    const r = await runBallast([...args, '--state-dir', state], { cwd: dir });
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /Invalid stack name "(\.\.\/\.\.\/escape|x\/\.\.\/victim)": it must start with a letter or underscore/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
  assert.equal(existsSync(join(dir, 'escape')), false);
  assert.equal(existsSync(state), false, 'nothing was created');
});

test('in an app with several stacks, only the stacks whose synthesized config (or working files) changed are planned', async () => {
  const { repo, state, agent: make } = await setup();
  const manifest = JSON.stringify({
    version: '0.21.0',
    stacks: Object.fromEntries(['alpha', 'beta'].map((n) => [n, { name: n, constructPath: n, synthesizedStackPath: `stacks/${n}/cdk.tf.json`, workingDirectory: `stacks/${n}`, dependencies: [] }])),
  });
  const withFile = (n: string) => JSON.stringify({ resource: { terraform_data: { f: { input: `\${file("\${path.module}/note.txt")}` }, d: { input: n } } } });
  const c1 = repo.commit(
    { 'apps/out/manifest.json': manifest, 'apps/out/stacks/alpha/cdk.tf.json': dataStack('alpha'), 'apps/out/stacks/beta/cdk.tf.json': withFile('beta'), 'apps/out/stacks/beta/note.txt': 'one' },
    'app',
  );
  const { agent, metrics } = make({ sources: [{ name: 'apps', git: { url: repo.url, path: 'apps/*' } }] });
  await agent.reconcileOnce();
  assert.deepEqual([(await currentState(state, 'alpha'))?.serial, (await currentState(state, 'beta'))?.serial], [1, 1]);

  const plans = () => counter(metrics, 'ballast_plans_total', { kind: 'revision' });
  let before = await plans();
  repo.commit({ 'apps/out/README.md': 'docs inside the app directory' }, 'app docs');
  await agent.reconcileOnce();
  assert.equal(await plans(), before, 'the app changed, no stack config did');

  before = await plans();
  const c3 = repo.commit({ 'apps/out/stacks/beta/note.txt': 'two' }, 'a file beta reads');
  await agent.reconcileOnce();
  assert.equal((await plans()) - before, 1);
  assert.equal((await currentState(state, 'beta'))?.sourceRevision, rev(c3));
  assert.equal((await currentState(state, 'alpha'))?.sourceRevision, rev(c1));
});

test('dependsOn: a stack waits while its dependency fails, and an unknown dependency is named', async () => {
  const { repo, state, agent: make } = await setup();
  repo.commit(
    {
      'stacks/base/main.tf.json': JSON.stringify({ resource: { terraform_data: { a: { input: '${local.missing}' } } } }),
      'stacks/web/main.tf.json': dataStack('web'),
      'stacks/lone/main.tf.json': dataStack('lone'),
    },
    'broken base',
  );
  const { agent } = make({ sources: [{ name: 'm', git: { url: repo.url, path: 'stacks/*' }, directories: { 'stacks/web': { dependsOn: ['base'] }, 'stacks/lone': { dependsOn: ['nope'] } } }] });
  await agent.reconcileOnce();
  const s = agent.status().stacks;
  assert.equal(s.base!.lastResult?.kind, 'failed');
  assert.equal(s.web!.lastResult?.kind, 'blocked');
  assert.match(s.web!.lastResult!.message!, /waits for stack "base"/);
  assert.equal(await currentState(state, 'web'), null);
  assert.equal(s.lone!.lastResult?.kind, 'failed');
  assert.match(s.lone!.lastResult!.message!, /depends on stack "nope", which no source provides/);

  repo.commit({ 'stacks/base/main.tf.json': dataStack('base') }, 'fixed base');
  await agent.reconcileOnce();
  assert.equal(agent.status().stacks.web!.lastResult?.kind, 'applied', 'runs once its dependency succeeded');
});
