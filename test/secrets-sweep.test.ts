// Secrets never appear in output. One cdktf app with a sensitive variable, sensitive outputs, a
// random_password, a sensitive cross-stack output (issue 7 item 1: reading it used to crash the
// dependent stack's apply after it had changed things, with no version recorded), a
// terraform_data whose computed `output` derives from secret input (item 6) and a
// local_sensitive_file. Every command's output — plan in all formats, apply, show in all forms,
// history, output, state list, errors, and the agent's logs, /status and /metrics — is searched
// for the secret values. (`output NAME` and `output --json` print values on purpose, as
// `terraform output` does, and are left out.)
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBallast, type BallastRun } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { makeRepo } from './helpers/git-repo.ts';
import { startAgent, stopAllAgents } from './agent-harness.ts';

after(stopAllAgents);

const DB_PASSWORD = 'hunter2-Db-Pa55word-Zq9';

const app = `
import { App, DataResource, Fn, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { provider as randomProvider, password, pet } from '@cdktf/provider-random';
import { provider as localProvider, sensitiveFile } from '@cdktf/provider-local';
import { provider as nullProvider, resource } from '@cdktf/provider-null';

class Base extends TerraformStack {
  readonly pet: pet.Pet;
  readonly pw: password.Password;
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new randomProvider.RandomProvider(this, 'random');
    new localProvider.LocalProvider(this, 'local');
    const db = new TerraformVariable(this, 'db_password', { type: 'string', sensitive: true });
    this.pet = new pet.Pet(this, 'pet', { length: 2 });
    this.pw = new password.Password(this, 'pw', { length: 24 });
    new TerraformOutput(this, 'secret_len', { value: Fn.lengthOf(this.pw.result), sensitive: true });
    new TerraformOutput(this, 'pw_out', { value: this.pw.result, sensitive: true });
    new TerraformOutput(this, 'db_out', { value: db.stringValue, sensitive: true });
    new TerraformOutput(this, 'pet_name', { value: this.pet.id });
    new sensitiveFile.SensitiveFile(this, 'f', { filename: '\${path.module}/../../../out/secret.txt', content: db.stringValue });
    new DataResource(this, 'd', { input: { pw: db.stringValue, gen: this.pw.result } });
  }
}

class Dependent extends TerraformStack {
  constructor(scope: Construct, id: string, base: Base) {
    super(scope, id);
    new nullProvider.NullProvider(this, 'null');
    const server = new resource.Resource(this, 'server', { triggers: { pet: base.pet.id } });
    new TerraformOutput(this, 'server_id', { value: server.id });
  }
}

const a = new App();
const base = new Base(a, 'base');
new Dependent(a, 'app', base);
a.synth();
`;

const env = { TF_VAR_db_password: DB_PASSWORD };

/** Runs against the synthesized output (cdktf.out): synthesizing for each of ~35 commands would take minutes. */
async function run(args: string[], cwd: string, expect: number | null = 0): Promise<BallastRun> {
  const r = await runBallast(args[0] === 'synth' ? args : [...args, '--chdir', 'cdktf.out'], { cwd, env, timeoutMs: 180_000 });
  if (expect !== null) assert.equal(r.code, expect, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /Internal error/, `ballast ${args.join(' ')}:\n${r.stderr}`);
  return r;
}

function assertNoSecret(what: string, text: string, secrets: string[]): void {
  for (const s of secrets) assert.ok(!text.includes(s), `${what} shows the secret ${JSON.stringify(s.slice(0, 4))}…:\n${text}`);
  assert.ok(!text.includes('[object Object]'), `${what} prints [object Object]:\n${text}`);
}

test('no command, log or endpoint shows a secret; a sensitive cross-stack output is recorded', { timeout: 1_800_000 }, async () => {
  const root = await makeTempDir('ballast-sweep-');
  const dir = join(root, 'app');
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.ts'), app);
  writeFileSync(join(dir, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'npx tsx main.ts', projectId: 'sweep', sendCrashReports: 'false' }));

  await run(['synth'], dir);
  // item 1: the dependent stack reads base's outputs (sensitive ones included) and records a version
  const applied = await run(['apply', '--auto-approve'], dir);
  assert.match(applied.stdout, /Recorded state version 1 of stack "base"/);
  assert.match(applied.stdout, /Recorded state version 1 of stack "app"/);
  const appState = JSON.parse(readFileSync(join(dir, 'cdktf.out/.ballast/app/versions/00000001.json'), 'utf8'));
  const remote = Object.values(appState.resources as Record<string, { type: string; sensitivePaths: unknown[]; attributes: { outputs: Record<string, unknown> } }>).find(
    (r) => r.type === 'terraform_remote_state',
  )!;
  assert.equal(remote.attributes.outputs.secret_len, 24);
  assert.deepEqual(
    remote.sensitivePaths.filter((p) => JSON.stringify(p).includes('secret_len')),
    [['outputs', 'secret_len']],
  );

  const baseState = JSON.parse(readFileSync(join(dir, 'cdktf.out/.ballast/base/versions/00000001.json'), 'utf8'));
  const generated = baseState.resources['random_password.pw'].attributes.result as string;
  assert.equal(generated.length, 24);
  const secrets = [DB_PASSWORD, generated, baseState.resources['random_password.pw'].attributes.bcrypt_hash as string];
  // item 6: terraform_data's computed output carries the marks of its input
  const d = baseState.resources['terraform_data.d'];
  for (const p of [
    ['output', 'pw'],
    ['output', 'gen'],
  ])
    assert.ok(
      d.sensitivePaths.some((q: unknown) => JSON.stringify(q) === JSON.stringify(p)),
      JSON.stringify(d.sensitivePaths),
    );

  assertNoSecret('apply', applied.stdout + applied.stderr, secrets);
  // a second version, so that show --diff has something to compare
  writeFileSync(join(dir, 'main.ts'), app.replace('{ length: 2 }', '{ length: 3 }'));
  assertNoSecret('synth', (await run(['synth'], dir)).stdout, secrets);
  assertNoSecret('apply (update)', (await run(['apply', '--auto-approve'], dir)).stdout, secrets);

  const commands: [string[], number][] = [
    [['plan'], 0],
    [['plan', '--json'], 0],
    [['plan', '--format', 'markdown'], 0],
    [['plan', '--refresh-only'], 0],
    [['plan', '--destroy', '--json'], 0],
    [['history'], 0],
    [['history', '--json'], 0],
    [['history', '--verify'], 0],
    [['state', 'list'], 0],
    [['validate'], 0],
  ];
  commands.push(
    [['show', '--stack', 'base'], 0],
    [['show', '--stack', 'base', '--json'], 0],
    [['show', '1', '--stack', 'base'], 0],
    [['show', '1', '--diff', '2', '--stack', 'base'], 0],
    [['output', '--stack', 'base'], 0],
    [['show', '7', '--stack', 'base'], 1],
    [['rollback', '--to', '9', '--stack', 'base', '--auto-approve'], 1],
    [['show', '--stack', 'app', '--json'], 0],
    [['show', '1', '--diff', '2', '--stack', 'app'], 0],
  );
  for (const [args, code] of commands) {
    const r = await run(args, dir, code);
    assertNoSecret(`ballast ${args.join(' ')}`, r.stdout + r.stderr, secrets);
  }
  // a saved plan shown, and the console over recorded state (the plan file itself holds secrets, as terraform's)
  const planFile = join(root, 'sweep.plan');
  await run(['plan', '--out', planFile], dir);
  for (const args of [
    ['show', planFile],
    ['show', '-json', planFile],
  ])
    assertNoSecret(`ballast ${args.join(' ')}`, (await run(args, dir)).stdout, secrets);
  const remoteAddress = (remote as unknown as { address: string }).address;
  for (const [stack, input] of [
    ['base', 'var.db_password\nrandom_password.pw\nrandom_password.pw.result\nlocal_sensitive_file.f\nterraform_data.d\n{ a = [random_password.pw.bcrypt_hash] }\nupper(var.db_password)\n'],
    ['app', `${remoteAddress}\n${remoteAddress}.outputs\n`],
  ] as const) {
    const r = await runBallast(['console', '--stack', stack, '--chdir', 'cdktf.out'], { cwd: dir, env, input, timeoutMs: 180_000 });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\(sensitive value\)/);
    assertNoSecret(`ballast console --stack ${stack}`, r.stdout + r.stderr, secrets);
  }
  // errors that involve the secret's variable: a bad value for it and a failed validation
  const bad = await runBallast(['plan', '--chdir', 'cdktf.out', '--var', `nope=${DB_PASSWORD}`], { cwd: dir, env });
  assert.equal(bad.code, 1);
  assertNoSecret('an unknown --var carrying the secret', bad.stdout + bad.stderr, secrets);
  const rb = await run(['rollback', '--to', '1', '--stack', 'base', '--auto-approve'], dir);
  assertNoSecret('rollback', rb.stdout + rb.stderr, secrets);

  // the agent: logs, /status and /metrics
  const repo = makeRepo();
  try {
    const work = join(root, 'agent-work');
    const state = join(root, 'agent-state');
    mkdirSync(join(root, 'out'), { recursive: true });
    const sha = repo.commit(
      { 'main.ts': app.replace("'${path.module}/../../../out/secret.txt'", `'${join(root, 'out', 'agent-secret.txt')}'`), 'cdktf.json': readFileSync(join(dir, 'cdktf.json'), 'utf8') },
      'app',
    );
    // the secret reaches the agent as TF_VAR_db_password (a --var would be refused by the app stack, which does not declare it)
    const agent = await startAgent(['--git', repo.url, '--interval', '1h', '--state-dir', state, '--work-dir', work], { cwd: root, env });
    const status = await agent.waitFor('both stacks applied', (s) => ['base', 'app'].every((n) => s.stacks[n]?.lastAppliedRevision === `main@sha1:${sha}`), 240_000);
    const metrics = await (await fetch(`${agent.base}/metrics`)).text();
    await agent.stop('SIGTERM');
    const agentSecrets = [DB_PASSWORD, ...secrets.slice(1)];
    const agentBase = JSON.parse(readFileSync(join(state, 'base/versions/00000001.json'), 'utf8'));
    agentSecrets.push(agentBase.resources['random_password.pw'].attributes.result);
    assertNoSecret('agent logs', agent.logs(), agentSecrets);
    assertNoSecret('/status', JSON.stringify(status), agentSecrets);
    assertNoSecret('/metrics', metrics, agentSecrets);
  } finally {
    repo.dispose();
  }
});
