// Terraform's machine-readable UI: `ballast plan --format ui-json` (Terraform's `plan -json`) and
// `ballast apply --json` (Terraform's `apply -json`) write one JSON object per line with the same
// message types and keys as terraform 1.11 for the same configuration (compared when `terraform`
// is on the PATH). `plan --json` keeps meaning the plan document (Terraform's `show -json`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { planJsonStack, terraform, terraformAvailable } from './helpers/terraform-cli.ts';
import { binaries, ensureTestProviders } from './helpers/test-providers.ts';

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

  // a plan over recorded objects streams each object's refresh, with its id
  const again = await runBallast(['plan', '--format', 'ui-json'], { cwd: dir });
  assert.equal(again.code, 0, again.stderr);
  const rm = lines(again.stdout);
  assert.equal(rm.filter((m) => m.type === 'refresh_start').length, 5);
  assert.equal(rm.filter((m) => m.type === 'refresh_complete').length, 5);
  const refreshed = rm.find((m) => m.type === 'refresh_complete' && m.hook.resource.addr === 'terraform_data.a')!;
  assert.match(refreshed['@message'], /^terraform_data\.a: Refresh complete \[id=[0-9a-f-]+\]$/);
  assert.equal(refreshed.hook.id_key, 'id');
  const order = rm.map((m) => m.type);
  assert.ok(order.lastIndexOf('refresh_complete') < order.indexOf('change_summary'), 'refresh messages come before the plan');
  assert.deepEqual(rm.at(-1)!.outputs.name, { sensitive: false, action: 'noop' }, 'unchanged outputs too, as terraform');

  if (!terraformAvailable()) return t.skip('terraform is not on the PATH');
  const tf = await planJsonStack('ballast-ui-json-tf-');
  await terraform(tf, ['init', '-input=false']);
  const tfPlan = lines((await terraform(tf, ['plan', '-json', '-input=false', '-lock=false'])).stdout);
  sameKeys(pm, tfPlan, { version: ['.ballast'] });
  const tfApply = lines((await terraform(tf, ['apply', '-json', '-auto-approve', '-input=false', '-lock=false'])).stdout);
  sameKeys(am, tfApply, { version: ['.ballast'] });
  const tfAgain = lines((await terraform(tf, ['plan', '-json', '-input=false', '-lock=false'])).stdout);
  sameKeys(rm, tfAgain, { version: ['.ballast'] });
});

test('resource_drift: an object changed outside Ballast is streamed as drift, with the keys terraform writes', async (t) => {
  const dir = await makeTempDir('ballast-ui-json-drift-');
  await writeFile(join(dir, 'main.tf'), 'resource "local_file" "f" {\n  filename = "${path.module}/f.txt"\n  content  = "one"\n}\n');
  const applied = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(applied.code, 0, applied.stderr);
  await writeFile(join(dir, 'f.txt'), 'changed outside');
  const plan = await runBallast(['plan', '--format', 'ui-json'], { cwd: dir });
  assert.equal(plan.code, 0, plan.stderr);
  const msgs = lines(plan.stdout);
  assert.deepEqual(
    msgs.map((m) => m.type),
    ['version', 'refresh_start', 'refresh_complete', 'resource_drift', 'planned_change', 'change_summary'],
  );
  const drift = msgs[3]!;
  assert.equal(drift['@message'], 'local_file.f: Drift detected (update)');
  assert.deepEqual(drift.change, {
    resource: { addr: 'local_file.f', module: '', resource: 'local_file.f', implied_provider: 'local', resource_type: 'local_file', resource_name: 'f', resource_key: null },
    action: 'update',
  });
  // apply --json streams the same refresh and drift before applying
  const apply = await runBallast(['apply', '--json', '--auto-approve'], { cwd: dir });
  assert.equal(apply.code, 0, apply.stderr);
  assert.deepEqual(
    lines(apply.stdout)
      .map((m) => m.type)
      .slice(0, 4),
    ['version', 'refresh_start', 'refresh_complete', 'resource_drift'],
  );

  // terraform's drift, of an object whose provider answers a read with other values than the
  // state has (the test provider fills a name missing from the state, as after an import)
  if (!terraformAvailable()) return t.skip('terraform is not on the PATH');
  const why = ensureTestProviders();
  if (why) return t.skip(why);
  const tf = await makeTempDir('ballast-ui-json-drift-tf-');
  const rc = join(tf, 'terraformrc');
  await writeFile(rc, `provider_installation {\n  dev_overrides {\n    "ballast/ballasttest6" = "${dirname(binaries.ballasttest6)}"\n  }\n}\n`);
  await writeFile(
    join(tf, 'main.tf'),
    'terraform {\n  required_providers {\n    ballasttest6 = { source = "ballast/ballasttest6" }\n  }\n}\nresource "ballasttest6_thing" "t" {\n  name = "alpha"\n}\n',
  );
  const env = { TF_CLI_CONFIG_FILE: rc };
  await terraform(tf, ['apply', '-auto-approve', '-input=false'], env);
  const state = JSON.parse(await readFile(join(tf, 'terraform.tfstate'), 'utf8'));
  state.resources[0].instances[0].attributes.name = null;
  state.serial++;
  await writeFile(join(tf, 'terraform.tfstate'), JSON.stringify(state));
  const tfPlan = lines((await terraform(tf, ['plan', '-json', '-input=false', '-lock=false'], env)).stdout);
  const only = (ms: Json[]) => ms.filter((m) => ['refresh_start', 'refresh_complete', 'resource_drift'].includes(m.type));
  assert.deepEqual(
    only(tfPlan).map((m) => m.type),
    ['refresh_start', 'refresh_complete', 'resource_drift'],
  );
  sameKeys(only(msgs), only(tfPlan));
});

test('ui-json errors are diagnostic messages; apply --json needs --auto-approve', async (t) => {
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
  // where it is, as Terraform writes it: a range with byte offsets and the source snippet
  const where = {
    range: { filename: 'broken.tf', start: { line: 1, column: 25, byte: 24 }, end: { line: 1, column: 33, byte: 32 } },
    snippet: { context: 'output "oops"', code: 'output "oops" { value = var.nmae }', start_line: 1, highlight_start_offset: 24, highlight_end_offset: 32, values: [] },
  };
  assert.deepEqual({ range: d.diagnostic.range, snippet: d.diagnostic.snippet }, where);

  if (!terraformAvailable()) return t.skip('terraform is not on the PATH');
  await terraform(dir, ['init', '-input=false']);
  const tfBad = lines(
    await terraform(dir, ['plan', '-json', '-input=false', '-lock=false']).then(
      (r) => r.stdout,
      (e: { stdout: string }) => e.stdout,
    ),
  );
  const tfd = tfBad.find((m) => m.type === 'diagnostic')!;
  assert.deepEqual({ range: tfd.diagnostic.range, snippet: tfd.diagnostic.snippet }, where, 'the same range and snippet as terraform');
  sameKeys([d], [tfd], { diagnostic: ['.diagnostic.address'] });
});
