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

async function terraformCanInitOffline(): Promise<boolean> {
  if (!mirrorEnv) return false;
  const probe = await makeTempDir('ballast-tf-probe-');
  await cp(join(CORPUS, 'expressions'), probe, { recursive: true });
  try {
    await terraform(probe, ['init', '-input=false', '-no-color']);
    return true;
  } catch {
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

async function ballastPlan(dir: string): Promise<Json> {
  const r = await runBallast(['plan', '--json'], { cwd: dir });
  assert.equal(r.code, 0, `ballast plan failed in ${dir}\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function ballastApply(dir: string): Promise<void> {
  const r = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(r.code, 0, `ballast apply failed in ${dir}\n${r.stdout}\n${r.stderr}`);
}

async function terraformPlan(dir: string): Promise<Json> {
  await terraform(dir, ['plan', '-input=false', '-no-color', '-out=tfplan']);
  return JSON.parse((await terraform(dir, ['show', '-json', 'tfplan'])).stdout);
}

const tf = await terraformCanInitOffline();

for (const name of ['modules-for-each', 'expressions']) {
  test(`corpus ${name}: Ballast plans and applies it; terraform plans the same actions and outputs`, async (t) => {
    const mine = await makeTempDir(`ballast-parity-${name}-`);
    await cp(join(CORPUS, name), mine, { recursive: true });
    const ours = summary(await ballastPlan(mine));
    assert.ok(Object.keys(ours.changes).length > 0);
    await ballastApply(mine);
    const again = await runBallast(['plan', '--detailed-exitcode'], { cwd: mine });
    assert.equal(again.code, 0, `expected no changes after apply\n${again.stdout}\n${again.stderr}`);
    if (!tf) return t.skip('terraform (with an offline null provider) is not available');
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
  if (!tf) return t.skip('terraform (with an offline null provider) is not available');
  const theirs = await makeTempDir('terraform-parity-refactor-');
  await cp(join(CORPUS, 'refactor/v1'), theirs, { recursive: true });
  await terraform(theirs, ['init', '-input=false', '-no-color']);
  await terraform(theirs, ['apply', '-auto-approve', '-input=false', '-no-color']);
  await rm(join(theirs, 'main.tf'));
  await cp(join(CORPUS, 'refactor/v2'), theirs, { recursive: true });
  await terraform(theirs, ['init', '-input=false', '-no-color']);
  assert.deepEqual(ours, summary(await terraformPlan(theirs)));
});
