// The agent with a real cdktf app (stacks/example) in a git repository: the app is synthesized
// from the fetched checkout and its stack applied and recorded with the commit and its author.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { makeRepo } from './helpers/git-repo.ts';
import { copyStack } from './helpers/copy-stack.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { currentState, rev, startAgent, stopAllAgents } from './agent-harness.ts';

after(() => stopAllAgents());

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[`app/${relative(dir, p)}`] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

test('a cdktf app in git is synthesized, applied and recorded', async () => {
  const dir = await makeTempDir('ballast-agent-cdktf-');
  const app = await copyStack('example', join(dir, 'example'));
  const repo = makeRepo();
  after(() => repo.dispose());
  const c1 = repo.commit(filesOf(app), 'the example app');
  const state = join(dir, 'state');
  const agent = await startAgent(['--git', repo.url, '--path', 'app', '--interval', '1s', '--state-dir', state, '--work-dir', join(dir, 'work')], { cwd: dir });
  const s = await agent.waitFor('the example stack applied', (st) => st.stacks.example?.lastAppliedRevision === rev(c1), 90_000);
  assert.equal(s.stacks.example.lastResult?.kind, 'applied');
  const v = await currentState(state, 'example');
  assert.equal(v?.serial, 1);
  assert.equal(v?.author, 'Ballast Test <test@example.invalid>');
  const types = new Set(Object.values(v!.resources).map((r) => r.type));
  for (const t of ['random_pet', 'local_file', 'null_resource', 'random_password']) assert.ok(types.has(t), `${t} missing from state`);
  // the password must exist (or the leak check below would check nothing) and never be logged
  const password = v!.outputs.admin_password?.value;
  assert.equal(v!.outputs.admin_password?.sensitive, true);
  assert.equal(typeof password, 'string');
  assert.ok((password as string).length >= 8, 'the generated password is long enough to search for');
  assert.ok(agent.logs().length > 0 && agent.logs().includes('"event":"apply"'), 'the agent logged its apply');
  assert.ok(!agent.logs().includes(password as string), 'a sensitive output reached the log');
  assert.equal(await agent.stop(), 0);
});
