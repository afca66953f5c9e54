// Provider-defined functions (issue 11) through the CLI and the real protocol-6 test provider
// (terraform-plugin-framework), whose join_upper(parts list(string), sep string) upper-cases
// the joined parts and refuses the separator "!". Calls in resource arguments (known at plan,
// and known only at apply), in locals and outputs, in count and for_each, in a provider block
// (its own provider's function, called before that provider is configured), in a variable
// validation, in a module argument and in a module block's own count and for_each; argument type
// errors and function errors are diagnostics pointing at the call. Where terraform is on the PATH,
// it gives the same outputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
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

// Every other place Terraform allows a provider function: count, for_each (through a local), the
// provider block of the function's own provider, a variable validation, a module argument, and a
// module block's own count and for_each (each instance holding a resource).
const everywhere = {
  terraform: { required_providers: { ballasttest6: { source: 'ballast/ballasttest6' } } },
  variable: {
    word: {
      type: 'string',
      default: 'abc',
      validation: [{ condition: '${provider::ballasttest6::join_upper([var.word], "") == "ABC"}', error_message: 'word must be abc in any case.' }],
    },
  },
  provider: { ballasttest6: [{ prefix: '${provider::ballasttest6::join_upper(["p", "q"], "")}' }] },
  locals: { names: '${split(",", provider::ballasttest6::join_upper(["x", "y"], ","))}' },
  resource: {
    terraform_data: {
      counted: { count: '${length(split("-", provider::ballasttest6::join_upper(["a", "b", "c"], "-")))}', input: '${count.index}' },
      each: { for_each: '${toset(local.names)}', input: '${each.key}' },
    },
    ballasttest6_thing: { t: { name: 'one' } },
  },
  module: {
    m: { source: './mod', text: '${provider::ballasttest6::join_upper(["m", "n"], "+")}' },
    // the module block's own count and for_each
    mc: { source: './mod', count: '${length(split("-", provider::ballasttest6::join_upper(["a", "b"], "-")))}', text: 'C${count.index}' },
    me: { source: './mod', for_each: '${toset(split(",", provider::ballasttest6::join_upper(["k", "l"], ",")))}', text: '${each.key}' },
  },
  output: {
    counted: { value: '${length(terraform_data.counted)}' },
    each: { value: '${sort(keys(terraform_data.each))}' },
    id: { value: '${ballasttest6_thing.t.id}' },
    module: { value: '${module.m.text}' },
    module_count: { value: '${module.mc[*].text}' },
    module_each: { value: '${sort([for k, m in module.me : "${k}=${m.text}"])}' },
    word: { value: '${var.word}' },
  },
};
const everywhereModule = {
  variable: { text: { type: 'string' } },
  resource: { terraform_data: { kept: { input: '${var.text}' } } },
  output: { text: { value: '${lower(terraform_data.kept.output)}' } },
};
// the provider block's prefix ("PQ") starts the id the provider makes
const EVERYWHERE = { counted: 3, each: ['X', 'Y'], id: 'PQthing-one', module: 'm+n', module_count: ['c0', 'c1'], module_each: ['K=k', 'L=l'], word: 'abc' };

async function sandbox(cfg: object, files: Record<string, object> = {}): Promise<{ dir: string; env: Record<string, string> }> {
  const box = await pluginSandbox('ballast-provider-fn-', cfg);
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(dirname(join(box.dir, name)), { recursive: true });
    writeFileSync(join(box.dir, name), JSON.stringify(body, null, 2));
  }
  return box;
}
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

test("provider functions in count, for_each, a provider block, a variable validation, a module argument and a module block's count and for_each: plan, saved-plan apply, no-op re-plan", {
  skip,
  timeout: 600_000,
}, async () => {
  const { dir, env } = await sandbox(everywhere, { 'mod/main.tf.json': everywhereModule });
  const args = ['--plugin-dir', mirrorDir];
  const plan = await runBallast(['plan', '--out', 'run.plan', ...args], { cwd: dir, env });
  assert.equal(plan.code, 0, plan.stdout + plan.stderr);
  assert.match(plan.stdout, /terraform_data\.counted\[2\] will be created/, 'count came from the function');
  assert.doesNotMatch(plan.stdout, /terraform_data\.counted\[3\]/);
  assert.match(plan.stdout, /terraform_data\.each\["Y"\] will be created/, 'for_each came from the function through a local');
  assert.match(plan.stdout, /module\.mc\[1\]\.terraform_data\.kept will be created/, "a module block's count came from the function");
  assert.doesNotMatch(plan.stdout, /module\.mc\[2\]/);
  assert.match(plan.stdout, /module\.me\["L"\]\.terraform_data\.kept will be created/, "a module block's for_each came from the function");
  // the saved plan is applied in a new process: the provider block's function runs again there
  const apply = await runBallast(['apply', 'run.plan', ...args], { cwd: dir, env });
  assert.equal(apply.code, 0, apply.stdout + apply.stderr);
  const out = await runBallast(['output', '--json'], { cwd: dir, env });
  assert.deepEqual(values(out.stdout), EVERYWHERE);
  const again = await runBallast(['plan', '--detailed-exitcode', ...args], { cwd: dir, env });
  assert.equal(again.code, 0, again.stdout + again.stderr);
  // a validation that calls a provider function still refuses a bad value, before any change
  const bad = await runBallast(['plan', '--var', 'word=abd', ...args], { cwd: dir, env });
  assert.equal(bad.code, 1, bad.stdout + bad.stderr);
  assert.match(bad.stderr, /Invalid value for variable "word"[\s\S]*word must be abc in any case\./);
  assert.doesNotMatch(bad.stderr, /\n\s+at /, 'no stack trace');
});

test('terraform gives the same outputs for the functions in count, for_each, provider block, validation, module argument and module count/for_each', {
  skip: skip ?? (terraformAvailable() ? undefined : 'terraform is not on the PATH'),
  timeout: 600_000,
}, async () => {
  const { dir, env } = await sandbox(everywhere, { 'mod/main.tf.json': everywhereModule });
  const rc = join(dir, 'terraformrc');
  writeFileSync(rc, `provider_installation {\n  dev_overrides {\n    "ballast/ballasttest6" = "${dirname(binaries.ballasttest6)}"\n  }\n}\n`);
  const tfEnv = { ...process.env, ...env, TF_CLI_CONFIG_FILE: rc, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  // `get` installs the local module; `init` would ask the registry for the dev_overrides provider
  const get = spawnSync('terraform', ['get', '-no-color'], { cwd: dir, env: tfEnv, encoding: 'utf8', timeout: 300_000 });
  assert.equal(get.status, 0, get.stdout + get.stderr);
  const applied = spawnSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: dir, env: tfEnv, encoding: 'utf8', timeout: 300_000 });
  assert.equal(applied.status, 0, applied.stdout + applied.stderr);
  const out = spawnSync('terraform', ['output', '-json'], { cwd: dir, env: tfEnv, encoding: 'utf8' });
  assert.deepEqual(values(out.stdout), EVERYWHERE);
});

test('import into an instance of a module whose count calls a provider function', { skip, timeout: 600_000 }, async () => {
  const cfg = {
    terraform: everywhere.terraform,
    module: { mc: everywhere.module.mc },
  };
  const { dir, env } = await sandbox(cfg, { 'mod/main.tf.json': everywhereModule });
  const imported = await runBallast(['import', 'module.mc[1].terraform_data.kept', 'some-id', '--plugin-dir', mirrorDir], { cwd: dir, env });
  assert.equal(imported.code, 0, imported.stdout + imported.stderr);
  assert.match(imported.stdout, /Import successful/);
  const beyond = await runBallast(['import', 'module.mc[2].terraform_data.kept', 'other-id', '--plugin-dir', mirrorDir], { cwd: dir, env });
  assert.equal(beyond.code, 1, 'the function made two instances');
  assert.match(beyond.stderr, /"module\.mc\[2\]\.terraform_data\.kept" does not exist in the configuration/);
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
