// HCL stacks and modules through the real CLI: a directory of *.tf files with terraform.tfvars,
// a module called with for_each and once plainly, a nested module, module outputs, depends_on
// on a module; addresses module.a["k"].type.name in plan, state and --target; registry sources
// without a mirror are a clear error, with a mirror (or terraform init's .terraform/modules) they load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast, type BallastRun } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

type Json = Record<string, any>;

async function ok(args: string[], cwd: string, env?: Record<string, string>): Promise<BallastRun> {
  const r = await runBallast(args, { cwd, env });
  assert.equal(r.code, 0, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r;
}

const planActions = async (cwd: string, args: string[] = []): Promise<Record<string, string>> => {
  const j = JSON.parse((await ok(['plan', '--json', ...args], cwd)).stdout);
  return Object.fromEntries((j.resource_changes as Json[]).filter((c) => c.change.actions[0] !== 'no-op').map((c) => [c.address, c.change.actions.join(',')]));
};

export async function writeModuleStack(dir: string): Promise<void> {
  await mkdir(join(dir, 'modules/pet'), { recursive: true });
  await mkdir(join(dir, 'modules/file'), { recursive: true });
  await writeFile(
    join(dir, 'variables.tf'),
    `
variable "envs" {
  type = map(object({ length = number }))
}
`,
  );
  await writeFile(join(dir, 'terraform.tfvars'), 'envs = { dev = { length = 2 }, prod = { length = 3 } }\n');
  await writeFile(
    join(dir, 'main.tf'),
    `
module "pets" {
  source   = "./modules/pet"
  for_each = var.envs
  name     = each.key
  length   = each.value.length
}

module "single" {
  source = "./modules/pet"
  name   = "single"
}

resource "null_resource" "after" {
  triggers   = { ids = join(",", [for k, m in module.pets : m.id]) }
  depends_on = [module.single]
}

output "ids" {
  value = { for k, m in module.pets : k => m.id }
}

output "single_file" {
  value = module.single.file
}
`,
  );
  await writeFile(
    join(dir, 'modules/pet/main.tf'),
    `
variable "name" {
  type = string
}

variable "length" {
  type    = number
  default = 1
}

resource "random_pet" "this" {
  length = var.length
  prefix = var.name
}

module "file" {
  source  = "../file"
  content = random_pet.this.id
}

output "id" {
  value = random_pet.this.id
}

output "file" {
  value = module.file.path
}
`,
  );
  // a JSON module works the same
  await writeFile(
    join(dir, 'modules/file/main.tf.json'),
    JSON.stringify({
      variable: { content: {} },
      resource: { local_file: { f: { content: '${var.content}', filename: '${path.module}/out/${var.content}.txt' } } },
      output: { path: { value: '${local_file.f.filename}' } },
    }),
  );
}

test('an HCL stack with modules plans, applies, records module addresses and plans no changes after', async () => {
  const dir = await makeTempDir('ballast-scn-hcl-');
  await writeModuleStack(dir);
  const name = dir.split('/').pop()!;

  const planned = await planActions(dir);
  assert.deepEqual(planned, {
    'module.pets["dev"].random_pet.this': 'create',
    'module.pets["prod"].random_pet.this': 'create',
    'module.single.random_pet.this': 'create',
    'module.pets["dev"].module.file.local_file.f': 'create',
    'module.pets["prod"].module.file.local_file.f': 'create',
    'module.single.module.file.local_file.f': 'create',
    'null_resource.after': 'create',
  });
  const applied = await ok(['apply', '--auto-approve'], dir);
  assert.match(applied.stdout, /Resources: 7 added/);
  assert.match(applied.stdout, new RegExp(`state version 1 of stack "${name}"`));
  await ok(['plan', '--detailed-exitcode'], dir);

  const list = (await ok(['state', 'list'], dir)).stdout.trim().split('\n');
  assert.ok(list.includes('module.pets["prod"].module.file.local_file.f'), list.join('\n'));
  const out = JSON.parse((await ok(['output', '--json'], dir)).stdout);
  const ids = out.ids.value as Record<string, string>;
  assert.match(ids.dev, /^dev-\w+-\w+$/);
  assert.match(ids.prod, /^prod-\w+-\w+-\w+$/);
  // path.module inside a nested module is the module's directory, relative to the root
  assert.match(out.single_file.value, /^modules\/file\/out\/single-\w+\.txt$/);
  assert.ok(existsSync(join(dir, out.single_file.value)));

  // --target and --replace with a module instance address: the dependents follow, nothing else
  const replaced = await planActions(dir, ['--replace', 'module.pets["dev"].random_pet.this', '--target', 'module.pets["dev"].random_pet.this']);
  assert.deepEqual(replaced, { 'module.pets["dev"].random_pet.this': 'delete,create' });

  // dropping a for_each key destroys that module instance's resources only
  await writeFile(join(dir, 'terraform.tfvars'), 'envs = { dev = { length = 2 } }\n');
  assert.deepEqual(await planActions(dir), {
    'module.pets["prod"].random_pet.this': 'delete',
    'module.pets["prod"].module.file.local_file.f': 'delete',
    'null_resource.after': 'delete,create',
  });
});

test('module mistakes name the module; remote sources need a mirror and say so', async () => {
  const dir = await makeTempDir('ballast-scn-hcl-');
  await mkdir(join(dir, 'm'));
  await writeFile(join(dir, 'm/main.tf'), 'variable "need" {}\noutput "o" { value = var.need }\n');
  await writeFile(join(dir, 'main.tf'), 'module "a" {\n  source = "./m"\n  nede   = 1\n}\noutput "x" { value = module.a.oo }\n');
  const bad = await runBallast(['plan'], { cwd: dir });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /Unsupported argument "nede" in module "a"[\s\S]*Did you mean "need"\?/);
  assert.match(bad.stderr, /Missing required argument "need" in module "a"/);
  assert.doesNotMatch(bad.stderr, /    at /);

  const remote = await makeTempDir('ballast-scn-hcl-');
  await writeFile(join(remote, 'main.tf'), 'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n}\n');
  const r = await runBallast(['plan'], { cwd: remote });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /module "vpc": source "terraform-aws-modules\/vpc\/aws" is a registry module, which needs the network/);
  assert.match(r.stderr, /BALLAST_MODULE_MIRROR/);

  // the same source from a mirror directory
  const mirror = await makeTempDir('ballast-mirror-');
  await mkdir(join(mirror, 'terraform-aws-modules/vpc/aws/5.0.0'), { recursive: true });
  await writeFile(join(mirror, 'terraform-aws-modules/vpc/aws/5.0.0/main.tf'), 'resource "null_resource" "vpc" {}\n');
  assert.deepEqual(
    Object.keys(JSON.parse((await ok(['plan', '--json'], remote, { BALLAST_MODULE_MIRROR: mirror })).stdout).resource_changes.reduce((a: Json, c: Json) => ({ ...a, [c.address]: 1 }), {})),
    ['module.vpc.null_resource.vpc'],
  );
  // or from what terraform init downloaded
  await mkdir(join(remote, '.terraform/modules/vpc'), { recursive: true });
  await writeFile(join(remote, '.terraform/modules/vpc/main.tf'), 'resource "null_resource" "from_init" {}\n');
  await writeFile(
    join(remote, '.terraform/modules/modules.json'),
    JSON.stringify({
      Modules: [
        { Key: '', Source: '', Dir: '.' },
        { Key: 'vpc', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Version: '5.0.0', Dir: '.terraform/modules/vpc' },
      ],
    }),
  );
  assert.match((await ok(['plan'], remote)).stdout, /module\.vpc\.null_resource\.from_init will be created/);
});

test('check blocks: a false assertion is a warning with file:line:col, an unknown one waits, the run goes on', async () => {
  const dir = await makeTempDir('ballast-scn-hcl-');
  await writeFile(
    join(dir, 'main.tf'),
    `resource "random_pet" "p" {
  length = 2
}

check "pet_length" {
  assert {
    condition     = random_pet.p.length > 3
    error_message = "pet is too short: \${random_pet.p.length}"
  }
  assert {
    condition     = length(random_pet.p.id) > 100
    error_message = "known only after apply"
  }
}
`,
  );
  const r = await ok(['plan'], dir);
  assert.match(
    r.stderr,
    /Warning: Check block assertion failed\n\n  on main\.tf line 6, in check "pet_length":\n  6:   assert \{\n       \^+\n  \(stack "[^"]+", check\.pet_length\)\n\n  pet is too short: 2/,
  );
  assert.doesNotMatch(r.stderr, /known only after apply/);
  assert.match(r.stdout, /Plan: 1 to add/);
});

test('a module variable with nullable = false and no default refuses null, naming the module instance', async () => {
  const dir = await makeTempDir('ballast-scn-hcl-');
  await mkdir(join(dir, 'm'));
  await writeFile(join(dir, 'm/main.tf'), 'variable "need" {\n  type     = string\n  nullable = false\n}\noutput "o" { value = var.need }\n');
  await writeFile(join(dir, 'main.tf'), 'module "a" {\n  source   = "./m"\n  for_each = { x = "ok", y = null }\n  need     = each.value\n}\n');
  const bad = await runBallast(['plan'], { cwd: dir });
  assert.equal(bad.code, 1, bad.stdout + bad.stderr);
  assert.match(bad.stderr, /Error: Required variable not set\n\n  on main\.tf line 4, in module "a":[\s\S]*module\.a\["y"\]\.var\.need/);
  assert.doesNotMatch(bad.stderr, /module\.a\["x"\]/);
});

test('check blocks: a scoped data source is read while planning (a failure is a warning), assertions unknown at plan time are checked after apply', async () => {
  const dir = await makeTempDir('ballast-scn-hcl-');
  await writeFile(
    join(dir, 'main.tf'),
    `resource "terraform_data" "a" {
  input = "x"
}

check "health" {
  data "local_file" "status" {
    filename = "\${path.module}/status.txt"
  }
  assert {
    condition     = data.local_file.status.content == "ok"
    error_message = "status is \${data.local_file.status.content}"
  }
  assert {
    condition     = terraform_data.a.output == "y"
    error_message = "output is \${terraform_data.a.output}"
  }
}
`,
  );
  // the file is missing: reading it is a warning, the plan and apply go on
  const planned = await ok(['plan', '--json'], dir);
  assert.match(planned.stderr, /Warning: Cannot read file[\s\S]*in check "health"[\s\S]*scoped to check block "health"/);
  assert.deepEqual(
    JSON.parse(planned.stdout).checks.map((c: Json) => [c.address.name, c.status]),
    [['health', 'fail']],
  );
  const applied = await ok(['apply', '--auto-approve'], dir);
  // terraform_data.a.output was unknown while planning: after apply it is known, and false
  assert.match(applied.stderr, /Warning: Check block assertion failed[\s\S]*output is x/);
  assert.doesNotMatch(applied.stderr, /Error|null value/);
  assert.match(applied.stdout, /Apply complete! Resources: 1 added/);

  // with the file there, the data source is read while planning and its assertion evaluated
  await writeFile(join(dir, 'status.txt'), 'degraded');
  const again = await ok(['plan', '--json'], dir);
  assert.match(again.stderr, /status is degraded/);
  assert.doesNotMatch(again.stderr, /Cannot read file/);
  await writeFile(join(dir, 'status.txt'), 'ok');
  const good = await ok(['plan'], dir);
  assert.doesNotMatch(good.stderr, /status is/);
  assert.match(good.stderr, /output is x/);
});
