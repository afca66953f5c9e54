// Malformed configurations and expressions through the real CLI. Every case must fail with
// exit code 1 and a message naming what is wrong and where, write no state version and create
// no file: each config also declares a valid local_file "canary" that must never appear.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

type Json = Record<string, any>;

const CANARY = { local_file: { canary: { filename: '${path.module}/canary.txt', content: 'must not be written' } } };

/** Adds the canary resource to a config given as an object (raw text is used as is). */
function withCanary(config: Json): Json {
  const resource = { ...(config.resource ?? {}) };
  resource.local_file = { ...(resource.local_file ?? {}), ...CANARY.local_file };
  return { ...config, resource };
}

interface Case {
  readonly name: string;
  /** the config (an object gets the canary added; a string is written verbatim) */
  readonly config: Json | string;
  readonly args?: string[];
  readonly env?: Record<string, string>;
  readonly files?: Record<string, string>;
  /** every pattern must match stderr */
  readonly expect: RegExp[];
}

const cases: Case[] = [
  { name: 'JSON syntax error', config: '{"resource": {"null_resource": {"a": {}}', expect: [/malformed Terraform JSON .*main\.tf\.json: unexpected end of input at line 1/] },
  { name: 'unknown top-level block', config: { resources: {} }, expect: [/Unsupported top-level block "resources"/, /on main\.tf\.json line \d+:\n  \d+:   "resources"/] },
  {
    name: 'unknown resource type',
    config: { resource: { null_resourc: { a: {} } } },
    expect: [/Unknown resource type "null_resourc"/, /\(stack "main", null_resourc\.a/, /Did you mean "null_resource"\?/],
  },
  {
    name: 'unknown attribute with a suggestion',
    config: { resource: { random_pet: { a: { lenght: 2 } } } },
    expect: [/An argument named "lenght" is not expected here/, /random_pet\.a, attribute "lenght"/, /Did you mean "length"\?/],
  },
  { name: 'missing required attribute', config: { resource: { local_file: { a: { content: 'x' } } } }, expect: [/The argument "filename" is required/, /local_file\.a, attribute "filename"/] },
  { name: 'wrong attribute type', config: { resource: { random_pet: { a: { length: 'abc' } } } }, expect: [/Inappropriate value for attribute "length": a number is required/, /random_pet\.a/] },
  {
    name: 'reference to undeclared resource',
    config: { resource: { terraform_data: { a: { input: '${null_resource.nope.id}' } } } },
    expect: [/Reference to undeclared resource "null_resource\.nope"/, /\(stack "main", terraform_data\.a/],
  },
  {
    name: 'reference to undeclared variable',
    config: { resource: { terraform_data: { a: { input: '${var.nope}' } } } },
    expect: [/Reference to undeclared input variable "var\.nope"/, /terraform_data\.a/],
  },
  {
    name: 'reference to undeclared local',
    config: { resource: { terraform_data: { a: { input: '${local.nope}' } } } },
    expect: [/Reference to undeclared local value "local\.nope"/, /\(stack "main", terraform_data\.a/],
  },
  {
    name: 'bad expression syntax',
    config: { resource: { terraform_data: { a: { input: '${1 +}' } } } },
    expect: [/Invalid expression/, /on main\.tf\.json line \d+, in resource "terraform_data" "a":\n.*"input": "\$\{1 \+\}"\n *\^/],
  },
  { name: 'unknown function', config: { resource: { terraform_data: { a: { input: '${nofunc(1)}' } } } }, expect: [/Call to unknown function "nofunc"/, /terraform_data\.a/] },
  {
    name: 'wrong function argument',
    config: { resource: { terraform_data: { a: { input: '${length(5)}' } } } },
    expect: [/Invalid function argument/, /argument 1 of length\(\)/, /terraform_data\.a/],
  },
  {
    name: 'too many function arguments',
    config: { locals: { l: '${upper("a", "b")}' }, resource: { terraform_data: { a: { input: '${local.l}' } } } },
    expect: [/Too many function arguments/, /local\.l/],
  },
  {
    name: 'cycle between resources',
    config: { resource: { terraform_data: { a: { input: '${terraform_data.b.id}' }, b: { input: '${terraform_data.c.id}' }, c: { input: '${terraform_data.a.id}' } } } },
    expect: [/Cycle: terraform_data\.a -> terraform_data\.b -> terraform_data\.c -> terraform_data\.a/],
  },
  {
    name: 'self-referencing local',
    config: { locals: { x: '${local.x}' }, resource: { terraform_data: { a: { input: '${local.x}' } } } },
    expect: [/Cycle: local\.x -> local\.x/, /A local value cannot refer to itself/],
  },
  {
    name: 'count and for_each together',
    config: { resource: { terraform_data: { a: { count: 2, for_each: { k: 'v' }, input: 'x' } } } },
    expect: [/"count" and "for_each" cannot both be set/, /terraform_data\.a/],
  },
  {
    name: 'for_each over a list',
    config: { resource: { terraform_data: { a: { for_each: ['a', 'b'], input: 'x' } } } },
    expect: [/Invalid for_each argument/, /maps and sets of strings, but you have provided a tuple/, /terraform_data\.a/],
  },
  {
    name: 'count unknown at plan time',
    config: { resource: { random_integer: { r: { min: 1, max: 3 } }, terraform_data: { a: { count: '${random_integer.r.result}', input: 'x' } } } },
    expect: [/Invalid count argument/, /terraform_data\.a/, /cannot be determined until apply/],
  },
  {
    name: 'missing required variable',
    config: { variable: { region: { type: 'string' } }, resource: { terraform_data: { a: { input: '${var.region}' } } } },
    expect: [/No value for required variable "region"/, /var\.region/, /TF_VAR_region/],
  },
  {
    name: 'variable type mismatch',
    config: { variable: { size: { type: 'number' } }, resource: { terraform_data: { a: { input: '${var.size}' } } } },
    env: { TF_VAR_size: 'large' },
    expect: [/Invalid value for variable "size"/, /Unsuitable value for var\.size set using environment variable TF_VAR_size: a number is required/],
  },
  {
    name: 'variable validation failing',
    config: {
      variable: { env: { type: 'string', validation: [{ condition: '${contains(["dev", "prod"], var.env)}', error_message: 'env must be dev or prod.' }] } },
      resource: { terraform_data: { a: { input: '${var.env}' } } },
    },
    args: ['--var', 'env=staging'],
    expect: [/Invalid value for variable "env"/, /env must be dev or prod\./, /var\.env/],
  },
  {
    name: 'output using a sensitive value without sensitive = true',
    config: { variable: { token: { type: 'string', sensitive: true, default: 'tok-ABCDEF-123' } }, output: { leak: { value: '${var.token}' } } },
    expect: [/Output refers to sensitive values/, /output\.leak/, /sensitive = true/],
  },
  {
    name: 'depends_on naming an undeclared resource',
    config: { resource: { terraform_data: { a: { input: 'x', depends_on: ['null_resource.ghost'] } } } },
    expect: [/depends_on refers to undeclared resource "null_resource\.ghost"/, /terraform_data\.a/],
  },
  {
    name: 'depends_on that is not an address',
    config: { resource: { terraform_data: { a: { input: 'x', depends_on: ['${upper("x")}'] } } } },
    expect: [/Invalid depends_on reference/, /terraform_data\.a/],
  },
  {
    name: 'invalid --target address',
    config: { resource: { terraform_data: { a: { input: 'x' } } } },
    args: ['--target', 'terraform_data[[a'],
    expect: [/"terraform_data\[\[a" is not a resource address/],
  },
  { name: '--target naming nothing', config: { resource: { terraform_data: { a: { input: 'x' } } } }, args: ['--target', 'terraform_data.b'], expect: [/Target "terraform_data\.b" matches nothing/] },
  { name: 'unknown provider', config: { resource: { foo_thing: { a: {} } } }, expect: [/Unknown provider "foo"/, /on main\.tf\.json line \d+, in resource "foo_thing" "a"/, /foo_thing\.a/] },
  { name: 'undeclared variable set with --var', config: { resource: { terraform_data: { a: { input: 'x' } } } }, args: ['--var', 'nope=1'], expect: [/Value for undeclared variable "nope"/] },
  {
    name: 'invalid ignore_changes attribute',
    config: { resource: { terraform_data: { a: { input: 'x', lifecycle: { ignore_changes: ['inptu'] } } } } },
    expect: [/Invalid lifecycle\.ignore_changes/, /terraform_data\.a/, /"inptu"/],
  },
];

async function runCase(c: Case, command: string[]): Promise<{ dir: string; stdout: string; stderr: string; code: number }> {
  const dir = await makeTempDir('ballast-bad-');
  const text = typeof c.config === 'string' ? c.config : JSON.stringify(withCanary(c.config), null, 2);
  await writeFile(join(dir, 'main.tf.json'), text);
  for (const [f, body] of Object.entries(c.files ?? {})) await writeFile(join(dir, f), body);
  const r = await runBallast([...command, ...(c.args ?? [])], { cwd: dir, env: c.env });
  return { dir, ...r };
}

for (const c of cases) {
  test(`bad input: ${c.name}`, async () => {
    const before = ['main.tf.json', ...Object.keys(c.files ?? {})].sort();
    const r = await runCase(c, ['apply', '--auto-approve']);
    const why = `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
    assert.equal(r.code, 1, why);
    for (const re of c.expect) assert.match(r.stderr, re, why);
    assert.doesNotMatch(r.stderr, /Internal error|\n\s+at .*\.ts:\d+/, `a user mistake must not print a stack trace\n${why}`);
    // nothing written: no state directory, no canary file, nothing else
    assert.deepEqual(readdirSync(r.dir).sort(), before, why);
  });
}

test('bad input: a sensitive value never appears in an error', async () => {
  const secret = 'hunter2-XYZZY-93';
  const secretCases: Case[] = [
    {
      name: 'validation message interpolating the secret',
      config: { variable: { pw: { type: 'string', sensitive: true, validation: [{ condition: '${length(var.pw) > 30}', error_message: 'pw too short: ${var.pw}' }] } } },
      args: ['--var', `pw=${secret}`],
      expect: [/Invalid value for variable "pw"/],
    },
    {
      name: 'function error on the secret',
      config: { variable: { pw: { type: 'string', sensitive: true } }, resource: { terraform_data: { a: { input: '${tonumber(var.pw)}' } } } },
      env: { TF_VAR_pw: secret },
      expect: [/Invalid function argument/, /terraform_data\.a/],
    },
    {
      name: 'provider rejecting the secret',
      config: { variable: { pw: { type: 'string', sensitive: true } }, resource: { random_pet: { a: { length: '${var.pw}' } } } },
      env: { TF_VAR_pw: secret },
      expect: [/Inappropriate value for attribute "length"/],
    },
    {
      name: 'secret in a non-sensitive output',
      config: { variable: { pw: { type: 'string', sensitive: true, default: secret } }, output: { o: { value: 'pw is ${var.pw}' } } },
      expect: [/Output refers to sensitive values/],
    },
  ];
  for (const [i, c] of secretCases.entries()) {
    // every case through apply; validate and plan share the same evaluation, so once each is enough
    const commands = [['apply', '--auto-approve'], ...(i === 0 ? [['validate']] : i === 1 ? [['plan']] : [])];
    for (const command of commands) {
      const r = await runCase(c, command);
      const why = `${c.name} (${command[0]})\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
      assert.equal(r.code, 1, why);
      for (const re of c.expect) assert.match(r.stderr, re, why);
      assert.equal(r.stdout.includes(secret) || r.stderr.includes(secret), false, `secret leaked: ${why}`);
    }
  }
});

test('bad input: prevent_destroy blocks destroy; nothing is destroyed and no version is written', async () => {
  const dir = await makeTempDir('ballast-bad-pd-');
  await writeFile(
    join(dir, 'main.tf.json'),
    JSON.stringify({
      resource: { local_file: { keep: { filename: '${path.module}/keep.txt', content: 'precious', lifecycle: { prevent_destroy: true } } } },
    }),
  );
  const applied = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(applied.code, 0, applied.stderr);
  const r = await runBallast(['destroy', '--auto-approve'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /Instance cannot be destroyed/);
  assert.match(r.stderr, /\(stack "main", local_file\.keep/);
  assert.match(r.stderr, /lifecycle\.prevent_destroy/);
  assert.ok(existsSync(join(dir, 'keep.txt')));
  assert.deepEqual(readdirSync(join(dir, '.ballast/main/versions')), ['00000001.json']);
  // removing it from the configuration is blocked as well
  await writeFile(join(dir, 'main.tf.json'), JSON.stringify({ resource: { local_file: { keep: { filename: '${path.module}/keep.txt', content: 'changed', lifecycle: { prevent_destroy: true } } } } }));
  const replaced = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(replaced.code, 1);
  assert.match(replaced.stderr, /Instance cannot be destroyed/);
  assert.deepEqual(readdirSync(join(dir, '.ballast/main/versions')), ['00000001.json']);
});

test('bad input: a cdktf app that throws fails synthesis with its message; nothing is planned or written', async () => {
  const dir = await makeTempDir('ballast-bad-app-');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'npx tsx main.ts' }));
  await writeFile(
    join(dir, 'main.ts'),
    [
      "import { App, TerraformStack } from 'cdktf';",
      'class Broken extends TerraformStack {',
      '  constructor(scope: App, id: string) {',
      '    super(scope, id);',
      "    throw new Error('bucket name must be lower case: MyBucket');",
      '  }',
      '}',
      'const app = new App();',
      "new Broken(app, 'broken');",
      'app.synth();',
    ].join('\n'),
  );
  const r = await runBallast(['apply', '--auto-approve'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /synthesis failed in /);
  assert.match(r.stderr, /bucket name must be lower case: MyBucket/);
  assert.doesNotMatch(r.stderr, /Internal error/);
  assert.equal(existsSync(join(dir, '.ballast')), false);
});
