// `plan --json` in Terraform's documented JSON output format: the same keys and shapes as
// `terraform show -json PLANFILE` of the same configuration (built-in terraform_data, a local
// module with for_each, a check block, a sensitive variable), compared key path by key path
// when `terraform` is on the PATH. The deliberate differences are listed below, each with why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBallast } from './helpers/run-ballast.ts';
import { planJsonStack, terraform, terraformAvailable } from './helpers/terraform-cli.ts';

type Json = Record<string, any>;
const SECRET = 'hunter2';

/** Every key path of a JSON document; array items share one `[]` step, map-like keys are named. */
function keyPaths(x: unknown, at = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(x)) for (const v of x) keyPaths(v, `${at}[]`, out);
  else if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      out.add(`${at}.${k}`);
      keyPaths(v, `${at}.${k}`, out);
    }
  }
  return out;
}

/** Key paths Terraform writes and Ballast does not, on purpose. */
const ONLY_TERRAFORM = [
  // secrets: Ballast never prints a sensitive value (Terraform does, in these places)
  '.configuration.root_module.variables.secret.default',
  '.planned_values.outputs.sec.value',
  // Terraform's prior_state of a first plan holds the outputs it evaluated while planning; Ballast's holds only recorded ones
  /^\.prior_state\.values\.outputs\./,
  // an empty object for a wholly unknown attribute of dynamic type (terraform_data.output)
  '.planned_values.root_module.resources[].sensitive_values.output',
  '.resource_changes[].change.after_sensitive.output',
];

/** Key paths Ballast writes and Terraform does not. */
const ONLY_BALLAST = [
  // Ballast's own block (stack, serial, digests), ignored by Terraform tooling
  /^\.ballast(\.|$)/,
  // Terraform leaves resource_drift out when empty; Ballast writes []
  '.resource_drift',
];

const listed = (p: string, list: (string | RegExp)[]) => list.some((x) => (typeof x === 'string' ? x === p : x.test(p)));

async function ballastPlanJson(dir: string): Promise<{ doc: Json; text: string }> {
  const r = await runBallast(['plan', '--json'], { cwd: dir });
  assert.equal(r.code, 0, `ballast plan --json failed\n${r.stdout}\n${r.stderr}`);
  return { doc: JSON.parse(r.stdout), text: r.stdout };
}

test("plan --json writes Terraform's documented keys with the same shapes", async () => {
  const dir = await planJsonStack('ballast-plan-json-');
  const { doc, text } = await ballastPlanJson(dir);
  assert.ok(!text.includes(SECRET), 'a sensitive value never appears in the plan JSON');
  for (const k of [
    'format_version',
    'terraform_version',
    'variables',
    'planned_values',
    'resource_changes',
    'output_changes',
    'prior_state',
    'configuration',
    'relevant_attributes',
    'checks',
    'timestamp',
    'applyable',
    'complete',
    'errored',
  ]) {
    assert.ok(k in doc, `plan JSON has "${k}"`);
  }
  assert.match(doc.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.deepEqual(doc.variables, { name: { value: 'demo' }, secret: { value: null } });
  // planned values: root resources, then module instances as child modules
  const pv = doc.planned_values.root_module;
  assert.deepEqual(
    pv.resources.map((r: Json) => r.address),
    ['terraform_data.a', 'terraform_data.b[0]', 'terraform_data.b[1]'],
  );
  assert.deepEqual(
    pv.child_modules.map((m: Json) => [m.address, m.resources.map((r: Json) => r.address)]),
    [
      ['module.box["one"]', ['module.box["one"].terraform_data.inner']],
      ['module.box["two"]', ['module.box["two"].terraform_data.inner']],
    ],
  );
  assert.deepEqual(pv.resources[0].values, { input: { name: 'demo', tags: ['x', 'y'] }, triggers_replace: null });
  assert.deepEqual(pv.resources[1].sensitive_values, { triggers_replace: [true] });
  assert.equal(pv.resources[0].provider_name, 'terraform.io/builtin/terraform');
  assert.deepEqual(doc.planned_values.outputs.name, { sensitive: false, type: 'string', value: 'demo' });
  assert.deepEqual(doc.planned_values.outputs.sec, { sensitive: true, type: 'string' });
  // resource changes: provider as a full address, unknown attributes out of `after`
  const a = doc.resource_changes.find((c: Json) => c.address === 'terraform_data.a');
  assert.equal(a.provider_name, 'terraform.io/builtin/terraform');
  assert.ok(!('id' in a.change.after));
  assert.equal(a.change.after_unknown.id, true);
  // configuration: references as Terraform lists them, constants, module calls
  const cfg = doc.configuration.root_module;
  assert.deepEqual(cfg.outputs.a_id.expression, { references: ['terraform_data.a.id', 'terraform_data.a'] });
  const b = cfg.resources.find((r: Json) => r.address === 'terraform_data.b');
  assert.deepEqual(b.count_expression, { constant_value: 2 });
  assert.deepEqual(b.expressions.input, { references: ['terraform_data.a.id', 'terraform_data.a', 'count.index'] });
  assert.equal(cfg.module_calls.box.module.resources[0].provider_config_key, 'terraform');
  assert.deepEqual(cfg.variables.secret, { sensitive: true });
  assert.deepEqual(doc.configuration.provider_config, { terraform: { name: 'terraform', full_name: 'terraform.io/builtin/terraform' } });
  assert.ok(doc.relevant_attributes.some((r: Json) => r.resource === 'terraform_data.a' && r.attribute[0] === 'id'));
  assert.deepEqual(
    doc.checks.map((c: Json) => [c.address.to_display, c.status]),
    [['check.name_is_short', 'pass']],
  );
  assert.equal(doc.applyable, true);
  assert.equal(doc.complete, true);
  assert.equal(doc.errored, false);

  // after apply, prior_state holds the recorded objects (with their ids) in the same module tree
  const applied = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(applied.code, 0, applied.stderr);
  const again = (await ballastPlanJson(dir)).doc;
  const prior = again.prior_state.values.root_module;
  assert.equal(again.prior_state.format_version, '1.0');
  assert.match(prior.resources.find((r: Json) => r.address === 'terraform_data.a').values.id, /\S/);
  assert.deepEqual(
    prior.child_modules.map((m: Json) => m.address),
    ['module.box["one"]', 'module.box["two"]'],
  );
  assert.deepEqual(again.prior_state.values.outputs.name, { sensitive: false, type: 'string', value: 'demo' });
  assert.equal(again.applyable, false);
});

test('plan --json has the same key paths as terraform show -json of the same configuration', async (t) => {
  if (!terraformAvailable()) return t.skip('terraform is not on the PATH');
  const mine = await planJsonStack('ballast-plan-json-keys-');
  const ours = keyPaths((await ballastPlanJson(mine)).doc);
  const theirsDir = await planJsonStack('terraform-plan-json-keys-');
  await terraform(theirsDir, ['init', '-input=false', '-no-color']);
  await terraform(theirsDir, ['plan', '-input=false', '-no-color', '-out=tfplan']);
  const theirs = keyPaths(JSON.parse((await terraform(theirsDir, ['show', '-json', 'tfplan'])).stdout));
  const missing = [...theirs].filter((p) => !ours.has(p) && !listed(p, ONLY_TERRAFORM)).sort();
  const extra = [...ours].filter((p) => !theirs.has(p) && !listed(p, ONLY_BALLAST)).sort();
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
});
