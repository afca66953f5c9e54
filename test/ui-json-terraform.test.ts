// Terraform's machine-readable UI: `ballast plan --format ui-json` (Terraform's `plan -json`) and
// `ballast apply --json` (Terraform's `apply -json`) write one JSON object per line with the same
// message types and keys as terraform 1.11 for the same configuration (compared when `terraform`
// is on the PATH). `plan --json` keeps meaning the plan document (Terraform's `show -json`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { planJsonStack, terraform, terraformAvailable } from './helpers/terraform-cli.ts';

type Json = Record<string, any>;
const SECRET = 'hunter2';

function lines(stdout: string): Json[] {
  return stdout
    .trim()
    .split('\n')
    .map((l) => {
      const m = JSON.parse(l) as Json;
      for (const k of ['@level', '@message', '@module', '@timestamp', 'type']) assert.ok(k in m, `"${k}" in ${l}`);
      assert.equal(m['@module'], 'terraform.ui');
      assert.ok(!Number.isNaN(Date.parse(m['@timestamp'])));
      return m;
    });
}

/** Key paths of each message type; array items share one `[]` step, output names become `*`. */
function keysByType(msgs: Json[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (x: unknown, at: string, set: Set<string>) => {
    if (Array.isArray(x)) for (const v of x) walk(v, `${at}[]`, set);
    else if (x !== null && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        const step = at === '.outputs' ? '*' : k;
        set.add(`${at}.${step}`);
        // a value's own shape is data, not format
        if (k !== 'value' && step !== 'type') walk(v, `${at}.${step}`, set);
      }
    }
  };
  for (const m of msgs) {
    const set = out.get(m.type) ?? new Set<string>();
    walk(m, '', set);
    out.set(m.type, set);
  }
  return out;
}

function sameKeys(ballast: Json[], tf: Json[], extra: Record<string, string[]> = {}) {
  const b = keysByType(ballast);
  const t = keysByType(tf);
  assert.deepEqual([...b.keys()].sort(), [...t.keys()].sort(), 'the same message types');
  for (const [type, keys] of t) {
    const mine = new Set([...b.get(type)!].filter((k) => !(extra[type] ?? []).includes(k)));
    assert.deepEqual([...mine].sort(), [...keys].sort(), `keys of ${type}`);
  }
}

test("plan --format ui-json and apply --json stream Terraform's machine-readable UI", async (t) => {
  const dir = await planJsonStack('ballast-ui-json-');
  const plan = await runBallast(['plan', '--format', 'ui-json'], { cwd: dir });
  assert.equal(plan.code, 0, plan.stderr);
  assert.equal(plan.stderr, '');
  const pm = lines(plan.stdout);
  assert.deepEqual(
    pm.map((m) => m.type),
    ['version', 'planned_change', 'planned_change', 'planned_change', 'planned_change', 'planned_change', 'change_summary', 'outputs'],
  );
  const a = pm.find((m) => m.change?.resource.addr === 'terraform_data.a')!;
  assert.equal(a['@message'], 'terraform_data.a: Plan to create');
  assert.deepEqual(a.change, {
    resource: { addr: 'terraform_data.a', module: '', resource: 'terraform_data.a', implied_provider: 'terraform', resource_type: 'terraform_data', resource_name: 'a', resource_key: null },
    action: 'create',
  });
  assert.deepEqual(pm[6]!.changes, { add: 5, change: 0, import: 0, remove: 0, operation: 'plan' });
  assert.equal(pm[6]!['@message'], 'Plan: 5 to add, 0 to change, 0 to destroy.');
  assert.deepEqual(pm[7]!.outputs.sec, { sensitive: true, action: 'create' });

  // --json of plan keeps meaning the plan document (Terraform's `show -json`)
  const doc = await runBallast(['plan', '-json'], { cwd: dir });
  assert.equal(JSON.parse(doc.stdout).format_version, '1.2');

  const apply = await runBallast(['apply', '--json', '--auto-approve'], { cwd: dir });
  assert.equal(apply.code, 0, apply.stderr);
  assert.ok(!apply.stdout.includes(SECRET), 'no secret in the stream');
  const am = lines(apply.stdout);
  const types = am.map((m) => m.type);
  assert.equal(types[0], 'version');
  assert.equal(types.filter((x) => x === 'apply_start').length, 5);
  assert.equal(types.filter((x) => x === 'apply_complete').length, 5);
  const done = am.find((m) => m.type === 'apply_complete' && m.hook.resource.addr === 'terraform_data.a')!;
  assert.match(done['@message'], /^terraform_data\.a: Creation complete after \d+s \[id=[0-9a-f-]+\]$/);
  assert.equal(done.hook.id_key, 'id');
  const summary = am.filter((m) => m.type === 'change_summary').at(-1)!;
  assert.deepEqual(summary.changes, { add: 5, change: 0, import: 0, remove: 0, operation: 'apply' });
  const outputs = am.at(-1)!;
  assert.equal(outputs.type, 'outputs');
  assert.deepEqual(outputs.outputs.name, { sensitive: false, type: 'string', value: 'demo' });
  assert.deepEqual(outputs.outputs.sec, { sensitive: true, type: 'string' });

  if (!terraformAvailable()) return t.skip('terraform is not on the PATH');
  const tf = await planJsonStack('ballast-ui-json-tf-');
  await terraform(tf, ['init', '-input=false']);
  const tfPlan = lines((await terraform(tf, ['plan', '-json', '-input=false', '-lock=false'])).stdout);
  sameKeys(pm, tfPlan, { version: ['.ballast'] });
  const tfApply = lines((await terraform(tf, ['apply', '-json', '-auto-approve', '-input=false', '-lock=false'])).stdout);
  sameKeys(am, tfApply, { version: ['.ballast'] });
});

test('ui-json errors are diagnostic messages; apply --json needs --auto-approve', async () => {
  const dir = await planJsonStack('ballast-ui-json-bad-');
  const noApprove = await runBallast(['apply', '--json'], { cwd: dir });
  assert.equal(noApprove.code, 1);
  const [version, diag] = lines(noApprove.stdout);
  assert.equal(version!.type, 'version');
  assert.equal(diag!.type, 'diagnostic');
  assert.equal(diag!['@level'], 'error');
  assert.equal(diag!.diagnostic.summary, 'Plan file or auto-approve required');
  assert.ok(!existsSync(join(dir, '.ballast')), 'nothing recorded');

  await writeFile(join(dir, 'broken.tf'), 'output "oops" { value = var.nmae }\n');
  const bad = await runBallast(['plan', '--format', 'ui-json'], { cwd: dir });
  assert.equal(bad.code, 1);
  const msgs = lines(bad.stdout);
  const d = msgs.find((m) => m.type === 'diagnostic')!;
  assert.equal(d.diagnostic.severity, 'error');
  assert.match(d.diagnostic.summary + d.diagnostic.detail, /nmae/);
  assert.ok(!/\n\s+at /.test(bad.stdout + bad.stderr), 'no stack trace');
});
