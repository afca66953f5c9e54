// Whole flows through the real CLI on a single *.tf.json: apply → plan shows no changes, edits
// update in place or replace as Terraform would, removal deletes, destroy records a version;
// history/show/output render the versions and never print a sensitive value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast, type BallastRun } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

type Json = Record<string, any>;

async function ok(args: string[], cwd: string, input?: string): Promise<BallastRun> {
  const r = await runBallast(args, { cwd, input });
  assert.equal(r.code, 0, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r;
}

async function assertNoChanges(cwd: string): Promise<void> {
  const r = await runBallast(['plan', '--detailed-exitcode'], { cwd });
  assert.equal(r.code, 0, `expected no changes after apply\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /No changes/);
}

const config = (o: { trigger: string; input: string; content: string; withRemovable: boolean }): Json => ({
  resource: {
    random_pet: { name: { length: 2 } },
    random_password: { secret: { length: 24, special: false } },
    null_resource: {
      trig: { triggers: { v: o.trigger } },
      ...(o.withRemovable ? { removable: { triggers: { x: '1' } } } : {}),
    },
    terraform_data: { data: { input: o.input } },
    local_file: { note: { filename: '${path.module}/out/note.txt', content: `${o.content} \${random_pet.name.id}` } },
  },
  output: {
    pet: { value: '${random_pet.name.id}' },
    password: { value: '${random_password.secret.result}', sensitive: true },
  },
});

function actionsOf(planJson: Json): Record<string, string[]> {
  return Object.fromEntries((planJson.resource_changes as Json[]).map((c) => [c.address, c.change.actions]));
}

test('apply, no-op plan, update, replace, delete, destroy; history/show/output; secrets never printed', async () => {
  const dir = await makeTempDir('ballast-scn-life-');
  const write = (c: Json) => writeFile(join(dir, 'main.tf.json'), JSON.stringify(c, null, 2));
  const outputs: string[] = [];
  const run = async (args: string[]) => {
    const r = await ok(args, dir);
    outputs.push(r.stdout, r.stderr);
    return r;
  };

  await write(config({ trigger: 'a', input: 'one', content: 'Hello', withRemovable: true }));
  const created = await run(['apply', '--auto-approve']);
  assert.match(created.stdout, /Apply complete! Resources: 6 added, 0 changed, 0 destroyed\./);
  assert.match(created.stdout, /Recorded state version 1 of stack "main"/);
  const pet = JSON.parse((await ok(['output', '--json'], dir)).stdout).pet.value as string;
  assert.equal(readFileSync(join(dir, 'out/note.txt'), 'utf8'), `Hello ${pet}`);
  await assertNoChanges(dir);

  // 2. edits: terraform_data input → update; null_resource triggers → replace; local_file content → replace
  await write(config({ trigger: 'b', input: 'two', content: 'Bye', withRemovable: true }));
  const human = await run(['plan']);
  assert.match(human.stdout, /# terraform_data\.data will be updated in-place\n\s+~ resource "terraform_data" "data"/);
  assert.match(human.stdout, /# null_resource\.trig must be replaced\n-\/\+ resource "null_resource" "trig"/);
  assert.match(human.stdout, /~ triggers = \{ # forces replacement/);
  assert.match(human.stdout, /# local_file\.note must be replaced\n-\/\+ resource "local_file" "note"/);
  assert.match(human.stdout, /content +=.*"Hello .*" -> "Bye .*" # forces replacement/);
  assert.match(human.stdout, /Plan: 2 to add, 1 to change, 2 to destroy\./);
  const pj = JSON.parse((await run(['plan', '--json'])).stdout);
  assert.equal(pj.format_version, '1.2');
  const acts = actionsOf(pj);
  assert.deepEqual(acts['terraform_data.data'], ['update']);
  assert.deepEqual(acts['null_resource.trig'], ['delete', 'create']);
  assert.deepEqual(acts['local_file.note'], ['delete', 'create']);
  assert.deepEqual(acts['random_pet.name'], ['no-op']);
  const note = (pj.resource_changes as Json[]).find((c) => c.address === 'local_file.note')!;
  assert.deepEqual(note.change.replace_paths, [['content']]);
  assert.equal(note.action_reason, 'replace_because_cannot_update');
  const updated = await run(['apply', '--auto-approve']);
  assert.match(updated.stdout, /Resources: 2 added, 1 changed, 2 destroyed\./);
  assert.equal(readFileSync(join(dir, 'out/note.txt'), 'utf8'), `Bye ${pet}`);
  await assertNoChanges(dir);

  // 3. remove a resource → delete
  await write(config({ trigger: 'b', input: 'two', content: 'Bye', withRemovable: false }));
  const del = JSON.parse((await run(['plan', '--json'])).stdout);
  assert.deepEqual(
    Object.entries(actionsOf(del)).filter(([, a]) => a[0] !== 'no-op'),
    [['null_resource.removable', ['delete']]],
  );
  assert.match((await run(['plan'])).stdout, /# null_resource\.removable will be destroyed/);
  await run(['apply', '--auto-approve']);
  await assertNoChanges(dir);
  assert.deepEqual((await ok(['state', 'list'], dir)).stdout.trim().split('\n'), ['local_file.note', 'null_resource.trig', 'random_password.secret', 'random_pet.name', 'terraform_data.data']);

  // 8. destroy
  const secret = JSON.parse((await ok(['output', '--json'], dir)).stdout).password as { value: string; sensitive: boolean };
  assert.equal(secret.sensitive, true);
  assert.equal(secret.value.length, 24);
  const destroyed = await run(['destroy', '--auto-approve']);
  assert.match(destroyed.stdout, /Destroy complete! Resources: 5 destroyed\./);
  assert.equal(existsSync(join(dir, 'out/note.txt')), false);
  assert.equal((await ok(['state', 'list'], dir)).stdout, '');

  const history = await run(['history']);
  const rows = history.stdout
    .split('\n')
    .filter((l) => /^\s+\d+\s/.test(l))
    .map((l) => l.trim().split(/\s+/));
  assert.deepEqual(
    rows.map((r) => [r[0], r[2], r[3], r[4], r[5]]),
    [
      ['1', 'apply', '+6', '~0', '-0'],
      ['2', 'apply', '+2', '~1', '-2'],
      ['3', 'apply', '+0', '~0', '-1'],
      ['4', 'destroy', '+0', '~0', '-5'],
    ],
  );
  const hjson = JSON.parse((await ok(['history', '--json'], dir)).stdout) as Json[];
  assert.deepEqual(
    hjson.map((v) => v.reason),
    ['apply', 'apply', 'apply', 'destroy'],
  );

  const show1 = await run(['show', '1']);
  assert.match(show1.stdout, /state version 1 \(apply\)/);
  assert.match(show1.stdout, /# random_password\.secret:/);
  assert.match(show1.stdout, /^ +result += \(sensitive value\)$/m, "show prints state in the plan's aligned style, the secret redacted");
  const showCurrent = await run(['show']);
  assert.match(showCurrent.stdout, /state version 4 \(destroy\)/);
  const diff = await run(['show', '1', '--diff', '2']);
  assert.match(diff.stdout, /--- version 1/);
  assert.match(diff.stdout, /^-.*"input": "one"/m);
  assert.match(diff.stdout, /^\+.*"input": "two"/m);
  outputs.push((await ok(['show', '2', '--json'], dir)).stdout);

  // the secret never appears anywhere a person reads
  for (const text of outputs) assert.equal(text.includes(secret.value), false, `secret leaked into:\n${text}`);
});

test('output --json prints {name: {value, sensitive}} and the human form redacts', async () => {
  const dir = await makeTempDir('ballast-scn-out-');
  await writeFile(
    join(dir, 'main.tf.json'),
    JSON.stringify({
      variable: { token: { type: 'string', sensitive: true, default: 'tok-9f8e7d6c' } },
      resource: { terraform_data: { d: { input: 'v' } } },
      output: { plain: { value: ['a', 1, true] }, hidden: { value: '${var.token}', sensitive: true }, data: { value: '${terraform_data.d.output}' } },
    }),
  );
  const applied = await ok(['apply', '--auto-approve'], dir);
  assert.equal(applied.stdout.includes('tok-9f8e7d6c'), false);
  const json = JSON.parse((await ok(['output', '--json'], dir)).stdout);
  // as terraform output -json: sensitive, type and value
  assert.deepEqual(json, {
    data: { value: 'v', sensitive: false, type: 'string' },
    hidden: { value: 'tok-9f8e7d6c', sensitive: true, type: 'string' },
    plain: { value: ['a', 1, true], sensitive: false, type: ['tuple', ['string', 'number', 'bool']] },
  });
  const human = (await ok(['output'], dir)).stdout;
  assert.equal(human, 'data = "v"\nhidden = <sensitive>\nplain = [\n  "a",\n  1,\n  true,\n]\n');
  assert.equal(human.includes('tok-9f8e7d6c'), false);
  // -raw: the text alone, no newline (for $(...) in shell scripts), as terraform output -raw
  assert.equal((await ok(['output', 'data', '--raw'], dir)).stdout, 'v');
  const rawList = await runBallast(['output', 'plain', '-raw'], { cwd: dir });
  assert.equal(rawList.code, 1);
  assert.match(rawList.stderr, /Unsupported value for raw output[\s\S]*output value "plain" is tuple/);
  await assertNoChanges(dir);
});
