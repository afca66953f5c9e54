// A directory of Terraform files as one stack: HCL and JSON files merged into Terraform JSON,
// automatic variable files, positions of blocks and arguments, all parse errors at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readTerraformDirectory } from './hcl-stack.ts';
import { synthesize, SynthError } from './synth.ts';
import { makeTempDir } from '../../test/helpers/temp-dir.ts';
import { loadStackConfig } from '../config/load.ts';
import { formatDiagnostic } from '../diagnostics.ts';

const MAIN = `variable "pets" {
  type    = map(object({ length = number }))
  default = { a = { length = 2 } }
}

locals {
  owner = "me"
}

resource "random_pet" "p" {
  for_each = var.pets
  length   = each.value.length
  lifecycle {
    ignore_changes = [length]
  }
}
`;

test('merges *.tf and *.tf.json into Terraform JSON and lists the automatic variable files in load order', async () => {
  const dir = await makeTempDir('ballast-hcl-');
  await writeFile(join(dir, 'main.tf'), MAIN);
  await writeFile(join(dir, 'extra.tf.json'), JSON.stringify({ output: { o: { value: '${local.owner}' } } }));
  await writeFile(join(dir, 'more.tf'), 'locals {\n  second = 2\n}\n');
  for (const f of ['b.auto.tfvars', 'a.auto.tfvars.json', 'terraform.tfvars', 'x.tfvars']) await writeFile(join(dir, f), '');
  const d = await readTerraformDirectory(dir);
  assert.deepEqual(d.json.variable, { pets: { type: 'map(object({ length = number }))', default: { a: { length: 2 } } } });
  const pet = (d.json.resource as any).random_pet.p;
  assert.equal(pet.for_each, '${var.pets}');
  assert.deepEqual(pet.lifecycle, { ignore_changes: ['${length}'] });
  assert.deepEqual(d.json.output, { o: { value: '${local.owner}' } });
  assert.equal((d.json.locals as unknown[]).length, 2);
  assert.deepEqual(
    d.varFiles.map((f) => f.slice(dir.length + 1)),
    ['terraform.tfvars', 'a.auto.tfvars.json', 'b.auto.tfvars'],
  );
  assert.deepEqual(d.locate('/resource/random_pet/p/length'), { file: join(dir, 'main.tf'), line: 12, column: 3 });
  assert.deepEqual(d.locate('/locals/1/second'), { file: join(dir, 'more.tf'), line: 2, column: 3 });
  assert.deepEqual(d.locate('/variable/pets'), { file: join(dir, 'main.tf'), line: 1, column: 1 });

  // the merged JSON loads as a stack, and the stack is named after the directory
  const r = await synthesize(dir);
  assert.equal(r.stacks.length, 1);
  const s = r.stacks[0]!;
  assert.equal(s.name, dir.split('/').pop());
  const { config, diagnostics } = loadStackConfig({ ...s, locate: s.locate });
  assert.deepEqual(diagnostics, []);
  assert.deepEqual([...config.resources.keys()], ['random_pet.p']);
  assert.deepEqual([...config.locals.keys()].sort(), ['owner', 'second']);
});

test('diagnostics from the loader name the .tf file, line and column', async () => {
  const dir = await makeTempDir('ballast-hcl-');
  await writeFile(join(dir, 'main.tf'), 'resource "null_resource" "a" {\n  count    = 1\n  for_each = toset([])\n}\n');
  const s = (await synthesize(dir)).stacks[0]!;
  const { diagnostics } = loadStackConfig(s);
  assert.equal(diagnostics.length, 1);
  // Terraform's layout: file and line, the block, the source line with an underline
  assert.match(
    formatDiagnostic(diagnostics[0]!),
    new RegExp(
      `"count" and "for_each" cannot both be set\\n\\n  on ${join(dir, 'main.tf').replace(/[/.]/g, '\\$&')} line 1, in resource "null_resource" "a":\\n  1: resource "null_resource" "a" \\{\\n     \\^+\\n  \\(stack "[^"]+", null_resource\\.a\\)`,
    ),
  );
});

test('every parse error of every file is reported at once with file:line:col; a duplicate names both files', async () => {
  const dir = await makeTempDir('ballast-hcl-');
  await writeFile(join(dir, 'a.tf'), 'resource "null_resource" "x" {\n  triggers = \n}\n');
  await writeFile(join(dir, 'b.tf'), 'output "o" {\n  value = [\n}\n');
  await assert.rejects(synthesize(dir), (e: unknown) => {
    assert.ok(e instanceof SynthError);
    assert.match(e.message, /a\.tf:2:\d+: Invalid expression/);
    assert.match(e.message, /b\.tf:\d+:\d+: /);
    return true;
  });
  const dup = await makeTempDir('ballast-hcl-');
  await writeFile(join(dup, 'a.tf'), 'resource "null_resource" "x" {}\n');
  await writeFile(join(dup, 'b.tf'), '\n\nresource "null_resource" "x" {}\n');
  await assert.rejects(synthesize(dup), /b\.tf:3:1: Duplicate resource "null_resource\.x": it is also declared in .*a\.tf/);
});
