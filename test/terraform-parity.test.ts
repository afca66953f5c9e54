// The done-when corpus: real-world-shaped HCL configurations (modules with for_each over maps
// of objects, nested modules, count, depends_on on modules, for expressions, moved and removed
// blocks) planned by Ballast and, when `terraform` is on the PATH and can initialise the null
// provider offline, by terraform too: the same actions per address and the same known outputs.
// Without terraform the Ballast half still runs; the comparison is skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { repoRoot } from './helpers/repo-root.ts';
import { offlineMirrorEnv, terraform as terraformOnline, terraformAvailable } from './helpers/terraform-cli.ts';

type Json = Record<string, any>;
const CORPUS = join(repoRoot, 'test/fixtures/terraform-parity');

// the null provider comes from the test-provider filesystem mirror, never from the network
const mirrorEnv = terraformAvailable() ? await offlineMirrorEnv() : undefined;
const terraform = (cwd: string, args: string[]) => terraformOnline(cwd, args, mirrorEnv);

let tfMissing = "terraform is not on the PATH, or cannot install hashicorp/null from the test providers' mirror";

async function terraformCanInitOffline(): Promise<boolean> {
  if (!mirrorEnv) return false;
  const probe = await makeTempDir('ballast-tf-probe-');
  await cp(join(CORPUS, 'expressions'), probe, { recursive: true });
  try {
    await terraform(probe, ['init', '-input=false', '-no-color']);
    return true;
  } catch (e) {
    tfMissing = `terraform cannot initialise the null provider offline: ${(e as Error).message.slice(0, 500)}`;
    return false;
  }
}

/** address -> "actions[ from previous]" for every change that does something, and known output values. */
function summary(plan: Json): { changes: Record<string, string>; outputs: Record<string, unknown> } {
  const changes: Record<string, string> = {};
  for (const c of plan.resource_changes ?? []) {
    const actions = (c.change.actions as string[]).join(',');
    if (actions === 'no-op' && !c.previous_address) continue;
    changes[c.address] = `${actions}${c.previous_address ? ` from ${c.previous_address}` : ''}`;
  }
  const outputs: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(plan.output_changes ?? {}) as [string, Json][]) {
    if (o.after_unknown === true) outputs[name] = '(known after apply)';
    else outputs[name] = o.after;
  }
  return { changes, outputs };
}

async function ballastPlan(dir: string, args: string[] = []): Promise<Json> {
  const r = await runBallast(['plan', '--json', ...args], { cwd: dir });
  assert.equal(r.code, 0, `ballast plan failed in ${dir}\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function ballastApply(dir: string, args: string[] = []): Promise<string> {
  const r = await runBallast(['apply', '--auto-approve', ...args], { cwd: dir });
  assert.equal(r.code, 0, `ballast apply failed in ${dir}\n${r.stdout}\n${r.stderr}`);
  return r.stdout + r.stderr;
}

async function terraformPlan(dir: string, args: string[] = []): Promise<Json> {
  await terraform(dir, ['plan', '-input=false', '-no-color', '-out=tfplan', ...args]);
  return JSON.parse((await terraform(dir, ['show', '-json', 'tfplan'])).stdout);
}

const tf = await terraformCanInitOffline();

for (const name of ['modules-for-each', 'expressions', 'module-variables']) {
  test(`corpus ${name}: Ballast plans and applies it; terraform plans the same actions and outputs`, async (t) => {
    const mine = await makeTempDir(`ballast-parity-${name}-`);
    await cp(join(CORPUS, name), mine, { recursive: true });
    const ours = summary(await ballastPlan(mine));
    assert.ok(Object.keys(ours.changes).length > 0);
    await ballastApply(mine);
    const again = await runBallast(['plan', '--detailed-exitcode'], { cwd: mine });
    assert.equal(again.code, 0, `expected no changes after apply\n${again.stdout}\n${again.stderr}`);
    if (!tf) return t.skip(tfMissing);
    const theirs = await makeTempDir(`terraform-parity-${name}-`);
    await cp(join(CORPUS, name), theirs, { recursive: true });
    await terraform(theirs, ['init', '-input=false', '-no-color']);
    assert.deepEqual(ours, summary(await terraformPlan(theirs)));
  });
}

test('corpus refactor: moved (resource, instance, module) and removed blocks plan the same moves and forgets', async (t) => {
  const mine = await makeTempDir('ballast-parity-refactor-');
  await cp(join(CORPUS, 'refactor/v1'), mine, { recursive: true });
  await ballastApply(mine);
  await rm(join(mine, 'main.tf'));
  await cp(join(CORPUS, 'refactor/v2'), mine, { recursive: true });
  const ours = summary(await ballastPlan(mine));
  assert.deepEqual(ours.changes, {
    'null_resource.new_name': 'no-op from null_resource.old_name',
    'null_resource.forget_me': 'forget',
    'null_resource.keyed["a"]': 'no-op from null_resource.listed[0]',
    'null_resource.keyed["b"]': 'no-op from null_resource.listed[1]',
    'module.second.null_resource.left': 'no-op from module.first.null_resource.left',
    'module.second.null_resource.right': 'no-op from module.first.null_resource.right',
  });
  await ballastApply(mine);
  const again = await runBallast(['plan', '--detailed-exitcode'], { cwd: mine });
  assert.equal(again.code, 0, `expected no changes after apply\n${again.stdout}\n${again.stderr}`);
  if (!tf) return t.skip(tfMissing);
  const theirs = await makeTempDir('terraform-parity-refactor-');
  await cp(join(CORPUS, 'refactor/v1'), theirs, { recursive: true });
  await terraform(theirs, ['init', '-input=false', '-no-color']);
  await terraform(theirs, ['apply', '-auto-approve', '-input=false', '-no-color']);
  await rm(join(theirs, 'main.tf'));
  await cp(join(CORPUS, 'refactor/v2'), theirs, { recursive: true });
  await terraform(theirs, ['init', '-input=false', '-no-color']);
  assert.deepEqual(ours, summary(await terraformPlan(theirs)));
});

// -target with module addresses: a whole module call, one instance, a nested instance, several
// targets; the dependencies of what is targeted come along (module.edge depends_on module.service)
const MODULE_TARGETS = [
  ['-target=module.edge'],
  ['-target=module.service["api"]'],
  ['-target=module.service["api"].module.endpoint["80"]'],
  ['-target=module.service["api"].module.endpoint'],
  ['-target=module.service["worker"]', '-target=module.service["api"].null_resource.replica[1]'],
];

test('corpus modules-for-each with -target=module...: the same plans, targeted applies and targeted destroys as terraform', async (t) => {
  const mine = await makeTempDir('ballast-parity-target-');
  await cp(join(CORPUS, 'modules-for-each'), mine, { recursive: true });
  const ours: unknown[] = [];
  for (const args of MODULE_TARGETS) ours.push(summary(await ballastPlan(mine, args)));
  // a targeted apply, then the plan of what is left; then a targeted destroy plan
  const applied = await ballastApply(mine, ['-target=module.service["api"]']);
  assert.match(applied, /Warning: Resource targeting is in effect/);
  assert.match(applied, /Warning: Applied changes may be incomplete/);
  const rest = summary(await ballastPlan(mine));
  assert.deepEqual(Object.keys(rest.changes).sort(), ['module.edge[0].null_resource.endpoint', 'module.service["worker"].null_resource.replica[0]']);
  await ballastApply(mine);
  const destroy = summary(await ballastPlan(mine, ['-destroy', '-target=module.service["api"].module.endpoint["443"]']));
  assert.deepEqual(destroy.changes, {
    'module.service["api"].module.endpoint["443"].null_resource.endpoint': 'delete',
    // module.edge depends on all of module.service: it goes too, as in terraform
    'module.edge[0].null_resource.endpoint': 'delete',
  });
  const destroyed = await runBallast(['destroy', '-auto-approve', '-target=module.service["api"].module.endpoint["443"]'], { cwd: mine });
  assert.equal(destroyed.code, 0, destroyed.stdout + destroyed.stderr);
  assert.match(destroyed.stdout, /Resources: 2 destroyed/);
  const after = summary(await ballastPlan(mine));
  assert.deepEqual(after.changes, { 'module.edge[0].null_resource.endpoint': 'create', 'module.service["api"].module.endpoint["443"].null_resource.endpoint': 'create' });

  if (!tf) return t.skip(tfMissing);
  const theirs = await makeTempDir('terraform-parity-target-');
  await cp(join(CORPUS, 'modules-for-each'), theirs, { recursive: true });
  await terraform(theirs, ['init', '-input=false', '-no-color']);
  for (const [i, args] of MODULE_TARGETS.entries()) assert.deepEqual(ours[i], summary(await terraformPlan(theirs, args)), args.join(' '));
  await terraform(theirs, ['apply', '-auto-approve', '-input=false', '-no-color', '-target=module.service["api"]']);
  assert.deepEqual(rest, summary(await terraformPlan(theirs)));
  await terraform(theirs, ['apply', '-auto-approve', '-input=false', '-no-color']);
  assert.deepEqual(destroy.changes, summary(await terraformPlan(theirs, ['-destroy', '-target=module.service["api"].module.endpoint["443"]'])).changes);
  await terraform(theirs, ['apply', '-destroy', '-auto-approve', '-input=false', '-no-color', '-target=module.service["api"].module.endpoint["443"]']);
  assert.deepEqual(after, summary(await terraformPlan(theirs)));
});

/** The invalid corpus: its own root, calling the module of the valid corpus (one copy of the module). */
async function invalidModuleVariables(dir: string): Promise<void> {
  await cp(join(CORPUS, 'module-variables-invalid'), dir, { recursive: true });
  await cp(join(CORPUS, 'module-variables', 'modules'), join(dir, 'modules'), { recursive: true });
}

test('corpus module-variables-invalid: validation blocks of module variables fail per module instance, with the same messages as terraform', async (t) => {
  const mine = await makeTempDir('ballast-parity-validation-');
  await invalidModuleVariables(mine);
  const human = await runBallast(['plan'], { cwd: mine });
  assert.equal(human.code, 1, human.stdout + human.stderr);
  assert.doesNotMatch(human.stderr, / {4}at /);
  // the diagnostic names the module instance and points at the call's argument
  assert.match(human.stderr, /on main\.tf line 11, in module "app":[\s\S]*module\.app\["Bad_Name"\]\.var\.replicas[\s\S]*Between 1 and 3 replicas\./);
  // the message of a rule on a sensitive variable is not shown (it names the value)
  assert.doesNotMatch(human.stderr, /tok- \(secret-value\)/);
  assert.match(human.stderr, /module\.app\["Bad_Name"\]\.var\.token\)\n\n {2}\(error message hidden: it refers to a sensitive value\)/);
  assert.equal(human.stdout, '');
  const stream = await runBallast(['plan', '--format', 'ui-json'], { cwd: mine });
  const ours = stream.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Json)
    .filter((m) => m.type === 'diagnostic')
    .map((m) => ({ summary: m.diagnostic.summary as string, message: (m.diagnostic.detail as string).split('\n\n')[0], address: m.diagnostic.address as string }));
  assert.deepEqual(ours.map((d) => d.address).sort(), [
    'module.app["Bad_Name"].var.name',
    'module.app["Bad_Name"].var.replicas',
    'module.app["Bad_Name"].var.token',
    'module.app["way-too-long-name"].var.name',
    'module.app["way-too-long-name"].var.token',
    'module.single.var.ports',
  ]);

  if (!tf) return t.skip(tfMissing);
  const theirs = await makeTempDir('terraform-parity-validation-');
  await invalidModuleVariables(theirs);
  await terraform(theirs, ['init', '-input=false', '-no-color']);
  const out = await terraform(theirs, ['plan', '-json', '-input=false', '-no-color']).then(
    (r) => r.stdout,
    (e: { stdout: string }) => e.stdout,
  );
  const tfDiags = out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Json)
    .filter((m) => m.type === 'diagnostic' && m.diagnostic.severity === 'error')
    .map((m) => ({ summary: m.diagnostic.summary as string, message: (m.diagnostic.detail as string).split('\n\n')[0] }));
  // terraform prints the sensitive variable's value in its message; Ballast hides that message
  const hide = (d: { summary: string; message: string }) => ({ summary: d.summary, message: d.message.includes('secret-value') ? '(hidden)' : d.message });
  const key = (d: { summary: string; message: string }) => `${d.summary}: ${d.message}`;
  assert.deepEqual(
    ours.map((d) => key(hide({ summary: d.summary, message: d.message.startsWith('(error message hidden') ? 'secret-value' : d.message }))).sort(),
    tfDiags.map((d) => key(hide(d))).sort(),
  );
});

test('corpus refactor-modules: moved and removed blocks inside called modules (per instance, nested), chains declared out of order, a move from the root into a module', async (t) => {
  const swap = async (dir: string) => {
    await rm(join(dir, 'main.tf'));
    await rm(join(dir, 'm'), { recursive: true });
    await cp(join(CORPUS, 'refactor-modules/v2'), dir, { recursive: true });
  };
  const mine = await makeTempDir('ballast-parity-refactor-modules-');
  await cp(join(CORPUS, 'refactor-modules/v1'), mine, { recursive: true });
  await ballastApply(mine);
  await swap(mine);
  const ours = summary(await ballastPlan(mine));
  assert.deepEqual(ours.changes, {
    'module.svc["x"].null_resource.b': 'no-op from module.svc["x"].null_resource.a',
    'module.svc["y"].null_resource.b': 'no-op from module.svc["y"].null_resource.a',
    'module.svc["x"].null_resource.last': 'no-op from module.svc["x"].null_resource.chain',
    'module.svc["y"].null_resource.last': 'no-op from module.svc["y"].null_resource.chain',
    'module.svc["x"].module.inner2.null_resource.deeper': 'no-op from module.svc["x"].module.inner.null_resource.deep',
    'module.svc["y"].module.inner2.null_resource.deeper': 'no-op from module.svc["y"].module.inner.null_resource.deep',
    'module.svc["x"].null_resource.moved_in': 'no-op from null_resource.root_thing',
    'module.svc["y"].null_resource.moved_in': 'create',
    'null_resource.c3': 'no-op from null_resource.c1',
    'module.svc["x"].null_resource.gone': 'forget',
    'module.svc["y"].null_resource.gone': 'forget',
  });
  await ballastApply(mine);
  const again = await runBallast(['plan', '--detailed-exitcode'], { cwd: mine });
  assert.equal(again.code, 0, `expected no changes after apply\n${again.stdout}\n${again.stderr}`);
  if (!tf) return t.skip(tfMissing);
  const theirs = await makeTempDir('terraform-parity-refactor-modules-');
  await cp(join(CORPUS, 'refactor-modules/v1'), theirs, { recursive: true });
  await terraform(theirs, ['init', '-input=false', '-no-color']);
  await terraform(theirs, ['apply', '-auto-approve', '-input=false', '-no-color']);
  await swap(theirs);
  await terraform(theirs, ['init', '-input=false', '-no-color']);
  assert.deepEqual(ours, summary(await terraformPlan(theirs)));
});

test('corpus checks: a scoped data source is read while planning and again during apply when its check reads changing resources; the same check statuses as terraform', async (t) => {
  const statuses = (plan: Json) => Object.fromEntries((plan.checks as Json[]).map((c) => [c.address.name, c.status]));
  const mine = await makeTempDir('ballast-parity-checks-');
  await cp(join(CORPUS, 'checks'), mine, { recursive: true });
  const plan = await ballastPlan(mine);
  const ours = summary(plan);
  assert.deepEqual(ours.changes, { 'data.null_data_source.probe': 'read', 'null_resource.app': 'create' });
  assert.equal(plan.resource_changes.find((c: Json) => c.address === 'data.null_data_source.probe').action_reason, 'read_because_check_nested');
  assert.deepEqual(statuses(plan), { app_id: 'unknown', inputs: 'fail', passing: 'pass' });
  const applied = await ballastApply(mine);
  assert.match(applied, /Warning: Check block assertion failed[\s\S]*status is degraded/);
  const again = await runBallast(['plan', '--detailed-exitcode'], { cwd: mine });
  assert.equal(again.code, 0, `expected no changes after apply\n${again.stdout}\n${again.stderr}`);
  if (!tf) return t.skip(tfMissing);
  const theirs = await makeTempDir('terraform-parity-checks-');
  await cp(join(CORPUS, 'checks'), theirs, { recursive: true });
  await terraform(theirs, ['init', '-input=false', '-no-color']);
  const tfPlan = await terraformPlan(theirs);
  assert.deepEqual(ours, summary(tfPlan));
  assert.deepEqual(statuses(plan), statuses(tfPlan));
});
