// Provider-defined functions (issue 11) through the CLI and the real protocol-6 test provider
// (terraform-plugin-framework), whose join_upper(parts list(string), sep string) upper-cases
// the joined parts and refuses the separator "!". Calls in resource arguments (known at plan,
// and known only at apply), in locals and outputs; argument type errors and function errors are
// diagnostics pointing at the call. Where terraform is on the PATH, it gives the same outputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { binaries, ensureTestProviders, mirrorDir, pluginSandbox } from './helpers/test-providers.ts';
import { terraformAvailable } from './helpers/terraform-cli.ts';

const skip = ensureTestProviders();

const config = {
  terraform: { required_providers: { ballasttest6: { source: 'ballast/ballasttest6' } } },
  locals: { greeting: '${provider::ballasttest6::join_upper(["hello", "world"], " ")}' },
  resource: {
    terraform_data: {
      known: { input: '${provider::ballasttest6::join_upper(["a", "b"], "-")}' },
      // the argument is known only after apply: the call runs during apply
      later: { input: '${provider::ballasttest6::join_upper([terraform_data.known.output, "c"], "+")}' },
    },
  },
  output: {
    greeting: { value: '${local.greeting}' },
    known: { value: '${terraform_data.known.output}' },
    later: { value: '${terraform_data.later.output}' },
  },
};
const EXPECTED = { greeting: 'HELLO WORLD', known: 'A-B', later: 'A-B+C' };

const sandbox = (config: object) => pluginSandbox('ballast-provider-fn-', config);
const values = (stdout: string): Record<string, unknown> => Object.fromEntries(Object.entries(JSON.parse(stdout) as Record<string, { value: unknown }>).map(([k, o]) => [k, o.value]));

test('provider functions in resources, locals and outputs: plan, apply, no-op re-plan', { skip, timeout: 600_000 }, async () => {
  const { dir, env } = await sandbox(config);
  const args = ['--plugin-dir', mirrorDir];
  const plan = await runBallast(['plan', ...args], { cwd: dir, env });
  assert.equal(plan.code, 0, plan.stdout + plan.stderr);
  assert.match(plan.stdout, /input\s+= "A-B"/, 'a call with known arguments is evaluated at plan time');
  assert.match(plan.stdout, /greeting = "HELLO WORLD"/);
  const apply = await runBallast(['apply', '--auto-approve', ...args], { cwd: dir, env });
  assert.equal(apply.code, 0, apply.stdout + apply.stderr);
  const out = await runBallast(['output', '--json'], { cwd: dir, env });
  assert.deepEqual(values(out.stdout), EXPECTED);
  const again = await runBallast(['plan', '--detailed-exitcode', ...args], { cwd: dir, env });
  assert.equal(again.code, 0, again.stdout + again.stderr);
});

test('bad calls are diagnostics at the call: function error, argument type, unknown function, arity', { skip, timeout: 600_000 }, async () => {
  const bad = {
    terraform: config.terraform,
    resource: {
      terraform_data: {
        refused: { input: '${provider::ballasttest6::join_upper(["a"], "!")}' },
        wrong_type: { input: '${provider::ballasttest6::join_upper("not-a-list", "-")}' },
        missing: { input: '${provider::ballasttest6::nope(1)}' },
        short: { input: '${provider::ballasttest6::join_upper(["a"])}' },
      },
    },
  };
  const { dir, env } = await sandbox(bad);
  const r = await runBallast(['plan', '--plugin-dir', mirrorDir], { cwd: dir, env });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(
    r.stderr,
    /Invalid function argument: the separator "!" is not allowed \(argument 2 of provider::ballasttest6::join_upper\(\)\)\n\n {2}on main\.tf\.json line \d+, in resource "terraform_data" "refused":/,
  );
  assert.match(
    r.stderr,
    /Invalid value for "parts" parameter: a list of string is required, got string\. \(argument 1 of provider::ballasttest6::join_upper\(\)\)\n\n {2}on main\.tf\.json line \d+, in resource "terraform_data" "wrong_type":/,
  );
  assert.match(r.stderr, /Call to unknown function "provider::ballasttest6::nope"[\s\S]*Its functions: join_upper\./);
  assert.match(r.stderr, /Not enough function arguments: function "provider::ballasttest6::join_upper" expects 2 argument\(s\)\. Missing value for "sep"/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
});

test('terraform gives the same outputs with the same provider binary', { skip: skip ?? (terraformAvailable() ? undefined : 'terraform is not on the PATH'), timeout: 600_000 }, async () => {
  const { dir, env } = await sandbox(config);
  const rc = join(dir, 'terraformrc');
  writeFileSync(rc, `provider_installation {\n  dev_overrides {\n    "ballast/ballasttest6" = "${dirname(binaries.ballasttest6)}"\n  }\n}\n`);
  const tfEnv = { ...process.env, ...env, TF_CLI_CONFIG_FILE: rc, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  const applied = spawnSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: dir, env: tfEnv, encoding: 'utf8', timeout: 300_000 });
  assert.equal(applied.status, 0, applied.stdout + applied.stderr);
  const out = spawnSync('terraform', ['output', '-json'], { cwd: dir, env: tfEnv, encoding: 'utf8' });
  assert.deepEqual(values(out.stdout), EXPECTED);
});
