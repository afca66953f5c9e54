import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InstanceAddr } from '../../addrs.ts';
import { UNKNOWN, markSet } from '../../lang/value.ts';
import type { ResourceSchema } from '../../../providers/provider.ts';
import type { ActionReason, OutputChange, Plan } from '../plan.ts';
import { renderPlan, renderSummaryLine } from './human.ts';
import { change, plan } from './testdata/plan-fixtures.ts';

const render = (p: Plan, schemaOf?: (a: InstanceAddr) => ResourceSchema | undefined) => renderPlan(p, { color: false, schemaOf });

test('an update renders exactly like Terraform: aligned, unchanged hidden, identifying attributes kept', () => {
  const instance: ResourceSchema = {
    version: 0,
    block: {
      attributes: { id: { type: 'string', computed: true }, ami: { type: 'string' }, instance_type: { type: 'string' }, monitoring: { type: 'bool' }, tags: { type: { map: 'string' } } },
    },
  };
  const out = render(
    plan([
      change(
        'aws_instance.web',
        'update',
        { id: 'i-1', ami: 'ami-1', instance_type: 't2.micro', monitoring: false, tags: { Name: 'web', Env: 'dev' } },
        { id: 'i-1', ami: 'ami-1', instance_type: 't2.small', monitoring: false, tags: { Name: 'web', Env: 'prod' } },
      ),
    ]),
    () => instance,
  );
  assert.equal(
    out,
    [
      'Ballast used the selected providers to generate the following execution plan. Resource actions are indicated with the following symbols:',
      '  ~ update in-place',
      '',
      'Ballast will perform the following actions:',
      '',
      '  # aws_instance.web will be updated in-place',
      '  ~ resource "aws_instance" "web" {',
      '        id            = "i-1"',
      '      ~ instance_type = "t2.micro" -> "t2.small"',
      '      ~ tags          = {',
      '          ~ "Env" = "dev" -> "prod"',
      '            # (1 unchanged element hidden)',
      '        }',
      '        # (2 unchanged attributes hidden)',
      '    }',
      '',
      'Plan: 0 to add, 1 to change, 0 to destroy.',
      '',
    ].join('\n'),
  );
});

test('create shows every non-null attribute with +, unknowns as (known after apply)', () => {
  const out = render(plan([change('aws_s3_bucket.site["prod"]', 'create', null, { bucket: 'site-prod', arn: UNKNOWN, acl: null, force_destroy: false, count: 3 })]));
  assert.match(out, /^ {2}# aws_s3_bucket\.site\["prod"\] will be created$/m);
  assert.match(out, /^ {2}\+ resource "aws_s3_bucket" "site" \{$/m);
  assert.match(out, /^ {6}\+ arn {11}= \(known after apply\)$/m);
  assert.match(out, /^ {6}\+ bucket {8}= "site-prod"$/m);
  assert.match(out, /^ {6}\+ count {9}= 3$/m);
  assert.match(out, /^ {6}\+ force_destroy = false$/m);
  assert.doesNotMatch(out, /acl/);
  assert.match(out, /Plan: 1 to add, 0 to change, 0 to destroy\./);
});

test('delete shows every attribute going to null, with the reason', () => {
  const cases: [string, ActionReason, RegExp][] = [
    ['aws_sqs_queue.q[1]', 'delete-because-count-index', /# \(because index \[1\] is out of range for count\)/],
    ['aws_sqs_queue.q["old"]', 'delete-because-each-key', /# \(because key \["old"\] is not in for_each map\)/],
    ['aws_sqs_queue.gone', 'delete-because-no-resource-config', /# \(because aws_sqs_queue\.gone is not in configuration\)/],
    // Terraform's delete_because_wrong_repetition, worded by the kind of key the object has
    ['aws_sqs_queue.q', 'delete-because-wrong-repetition', /# \(because resource uses count or for_each\)/],
    ['aws_sqs_queue.q[0]', 'delete-because-wrong-repetition', /# \(because resource does not use count\)/],
    ['aws_sqs_queue.q["a"]', 'delete-because-wrong-repetition', /# \(because resource does not use for_each\)/],
  ];
  for (const [address, reason, why] of cases) {
    const out = render(plan([change(address, 'delete', { id: 'q', name: 'jobs', attrs: { a: 'b' } }, null, { reason })]));
    assert.match(out, new RegExp(`# ${address.replace(/[[\]."]/g, '\\$&')} will be destroyed\\n  ${why.source}`));
    assert.match(out, /^ {2}- resource "aws_sqs_queue" "(q|gone)" \{$/m);
    assert.match(out, /^ {6}- id {4}= "q" -> null$/m);
    assert.match(out, /^ {6}- attrs = \{\n {10}- a = "b"\n {8}\} -> null$/m);
    assert.match(out, /Plan: 0 to add, 0 to change, 1 to destroy\./);
  }
});

test('replacements show the symbol, the headline for the reason and # forces replacement', () => {
  const before = { id: 'db-1', name: 'a', engine: 'postgres' };
  const after = { id: UNKNOWN, name: 'b', engine: 'postgres' };
  const out = render(
    plan([
      change('aws_db_instance.main', 'delete-then-create', before, after, { requiresReplace: [['name']], reason: 'replace-because-cannot-update' }),
      change('aws_db_instance.cbd', 'create-then-delete', before, after, { requiresReplace: [['name']] }),
      change('aws_db_instance.t', 'delete-then-create', before, { ...before, id: UNKNOWN }, { reason: 'replace-because-tainted' }),
      change('aws_db_instance.r', 'delete-then-create', before, { ...before, id: UNKNOWN }, { reason: 'replace-by-request' }),
    ]),
  );
  assert.match(out, /# aws_db_instance\.main must be replaced\n-\/\+ resource "aws_db_instance" "main" \{/);
  assert.match(out, /# aws_db_instance\.cbd must be replaced\n\+\/- resource "aws_db_instance" "cbd" \{/);
  assert.match(out, /^ {6}~ id {3}= "db-1" -> \(known after apply\)$/m);
  assert.match(out, /^ {6}~ name = "a" -> "b" # forces replacement$/m);
  assert.match(out, /# aws_db_instance\.t is tainted, so must be replaced/);
  assert.match(out, /# aws_db_instance\.r will be replaced, as requested/);
  assert.match(out, /^-\/\+ destroy and then create replacement$/m);
  assert.match(out, /^\+\/- create replacement and then destroy$/m);
  assert.match(out, /Plan: 4 to add, 0 to change, 4 to destroy\./);
});

test('a deposed object being destroyed says so', () => {
  const out = render(plan([change('aws_x.a', 'create', null, { id: UNKNOWN }), change('aws_x.a', 'delete', { id: 'old' }, null, { deposed: true })]));
  assert.match(out, /# aws_x\.a \(deposed object\) will be destroyed\n {2}- resource "aws_x" "a" \{/);
});

test('data sources read during apply', () => {
  const out = render(plan([change('data.aws_ami.ubuntu', 'read', null, { id: UNKNOWN, owners: ['self'] }, { reason: 'read-because-dependency-pending' })]));
  assert.match(out, /# data\.aws_ami\.ubuntu will be read during apply\n {2}# \(depends on a resource or a module with changes pending\)\n <= data "aws_ami" "ubuntu" \{/);
  assert.match(out, /^ <= read \(data resources\)$/m);
  assert.match(out, /^ {6}\+ owners = \[\n {10}\+ "self",\n {8}\]$/m);
});

test('nested objects and maps render recursively; map keys are quoted when the schema says map', () => {
  const schema: ResourceSchema = {
    version: 0,
    block: {
      attributes: {
        tags: { type: { map: 'string' } },
        config: { type: { object: { size: 'number', inner: { object: { deep: 'string', keep: 'bool' } } } } },
      },
    },
  };
  const out = render(
    plan([
      change(
        'aws_x.a',
        'update',
        { tags: { Name: 'a', 'team:owner': 'ops' }, config: { size: 1, inner: { deep: 'x', keep: true } } },
        { tags: { Name: 'a', 'team:owner': 'dev' }, config: { size: 1, inner: { deep: 'y', keep: true } } },
      ),
    ]),
    () => schema,
  );
  assert.match(out, /^ {6}~ config = \{\n {10}~ inner = \{\n {14}~ deep = "x" -> "y"\n {16}# \(1 unchanged attribute hidden\)\n {12}\}\n {12}# \(1 unchanged attribute hidden\)\n {8}\}$/m);
  assert.match(out, /^ {10}~ "team:owner" = "ops" -> "dev"$/m);
  assert.match(out, /^ {12}# \(1 unchanged element hidden\)$/m);
});

test('lists diff by longest common subsequence; changed objects in lists update in place', () => {
  const out = render(
    plan([
      change(
        'aws_x.a',
        'update',
        {
          sg: ['a', 'b', 'c'],
          rules: [
            { port: 80, cidr: '0.0.0.0/0' },
            { port: 443, cidr: '10.0.0.0/8' },
          ],
        },
        {
          sg: ['a', 'c', 'd'],
          rules: [
            { port: 80, cidr: '0.0.0.0/0' },
            { port: 8443, cidr: '10.0.0.0/8' },
          ],
        },
      ),
    ]),
  );
  // as Terraform (checked with terraform_data): an unchanged element next to a change is shown
  // whole, for context; scalars of a value without a list type change element by element
  assert.match(
    out,
    /^ {6}~ rules = \[\n {12}\{\n {16}cidr = "0\.0\.0\.0\/0"\n {16}port = 80\n {12}\},\n {10}~ \{\n {14}~ port = 443 -> 8443\n {16}# \(1 unchanged attribute hidden\)\n {12}\},\n {8}\]$/m,
  );
  assert.match(out, /^ {6}~ sg {4}= \[\n {12}"a",\n {10}- "b",\n {12}"c",\n {10}\+ "d",\n {8}\]$/m);
});

test('sets match equal elements regardless of order', () => {
  const out = render(plan([change('aws_x.a', 'update', { s: markSet(['a', 'b']) }, { s: markSet(['b', 'a', 'c']) })]));
  assert.match(out, /^ {6}~ s = \[\n {10}\+ "c",\n {12}# \(2 unchanged elements hidden\)\n {8}\]$/m);
});

test('nested blocks render as blocks when the schema says so', () => {
  const schema: ResourceSchema = {
    version: 0,
    block: {
      attributes: { ami: { type: 'string' } },
      blocks: {
        root_block_device: { nesting: 'single', block: { attributes: { volume_size: { type: 'number' }, type: { type: 'string' } } } },
        ebs: { nesting: 'set', block: { attributes: { device: { type: 'string' }, size: { type: 'number' } } }, forceNew: true },
        rule: { nesting: 'list', block: { attributes: { port: { type: 'number' } } } },
      },
    },
  };
  const out = render(
    plan([
      change(
        'aws_instance.web',
        'delete-then-create',
        {
          ami: 'a',
          root_block_device: { volume_size: 8, type: 'gp2' },
          ebs: markSet([
            { device: 'b', size: 1 },
            { device: 'c', size: 2 },
          ]),
          rule: [{ port: 1 }, { port: 2 }],
        },
        {
          ami: 'a',
          root_block_device: { volume_size: 16, type: 'gp2' },
          ebs: markSet([
            { device: 'b', size: 1 },
            { device: 'c', size: 3 },
          ]),
          rule: [{ port: 1 }, { port: 2 }, { port: 3 }],
        },
      ),
    ]),
    () => schema,
  );
  const body = out.slice(out.indexOf('-/+ resource'), out.indexOf('Plan:'));
  assert.equal(
    body,
    [
      '-/+ resource "aws_instance" "web" {',
      '        # (1 unchanged attribute hidden)',
      '',
      '      - ebs { # forces replacement',
      '          - device = "c" -> null',
      '          - size   = 2 -> null',
      '        }',
      '',
      '      + ebs { # forces replacement',
      '          + device = "c"',
      '          + size   = 3',
      '        }',
      '',
      '      ~ root_block_device {',
      '          ~ volume_size = 8 -> 16',
      '            # (1 unchanged attribute hidden)',
      '        }',
      '',
      '      + rule {',
      '          + port = 3',
      '        }',
      '',
      '        # (3 unchanged blocks hidden)',
      '    }',
      '',
      '',
    ].join('\n'),
  );
});

test('multi-line strings render as heredocs, with a line diff on update', () => {
  const out = render(plan([change('local_file.a', 'create', null, { content: 'one\ntwo\n' }), change('local_file.b', 'update', { content: 'one\ntwo\nthree\n' }, { content: 'one\n2\nthree\n' })]));
  assert.match(out, /^ {6}\+ content = <<-EOT\n {12}one\n {12}two\n {8}EOT$/m);
  assert.match(out, /^ {6}~ content = <<-EOT\n {12}one\n {10}- two\n {10}\+ 2\n {12}three\n {8}EOT$/m);
});

test('long unchanged runs inside a heredoc diff are hidden around the change', () => {
  const lines = Array.from({ length: 40 }, (_, i) => `line ${i}`);
  const changed = lines.slice();
  changed[20] = 'LINE 20';
  const out = render(plan([change('local_file.a', 'update', { content: lines.join('\n') + '\n' }, { content: changed.join('\n') + '\n' })]));
  assert.match(out, /# \(17 unchanged lines hidden\)/);
  assert.match(out, /^ {12}line 19\n {10}- line 20\n {10}\+ LINE 20\n {12}line 21$/m);
  assert.match(out, /# \(16 unchanged lines hidden\)/);
  assert.doesNotMatch(out, /line 5\b/);
});

test('type changes and unknown containers', () => {
  const out = render(plan([change('aws_x.a', 'update', { v: 'str', m: { a: '1' } }, { v: ['x'], m: UNKNOWN })]));
  assert.match(out, /^ {6}~ m = \{\n {10}- a = "1"\n {8}\} -> \(known after apply\)$/m);
  assert.match(out, /^ {6}~ v = "str" -> \[\n {10}\+ "x",\n {8}\]$/m);
});

test('drift is shown first under its own note', () => {
  const out = render(
    plan([change('aws_x.a', 'update', { id: 'a', size: 2 }, { id: 'a', size: 1 })], {
      drift: [change('aws_x.a', 'update', { id: 'a', size: 1 }, { id: 'a', size: 2 }), change('aws_x.gone', 'delete', { id: 'g' }, null)],
    }),
  );
  const note = out.indexOf('Note: Objects have changed outside of Ballast');
  assert.ok(note >= 0 && note < out.indexOf('Ballast will perform the following actions:'));
  assert.match(out, /# aws_x\.a has changed\n {2}~ resource "aws_x" "a" \{\n {8}id {3}= "a"\n {6}~ size = 1 -> 2\n {4}\}/);
  assert.match(out, /# aws_x\.gone has been deleted\n {2}- resource "aws_x" "gone" \{/);
  assert.match(out, /the following plan may include actions to undo or respond to these changes/);
});

test('refresh-only plans show drift and no actions', () => {
  const p = plan([], { mode: 'refresh-only', drift: [change('aws_x.a', 'update', { id: 'a', size: 1 }, { id: 'a', size: 2 })] });
  const out = render(p);
  assert.match(out, /This is a refresh-only plan/);
  assert.doesNotMatch(out, /will perform the following actions/);
  assert.equal(renderSummaryLine(p), 'Refresh-only plan: 1 object has changed outside of Ballast; applying it updates the state only.');
  assert.equal(renderSummaryLine(plan([], { mode: 'refresh-only' })), 'No changes. Your infrastructure still matches the configuration.');
});

test('output changes are listed after the summary', () => {
  const outputs: OutputChange[] = [
    { name: 'url', action: 'update', before: 'http://a', after: 'http://b', sensitive: false },
    { name: 'arn', action: 'create', before: undefined, after: UNKNOWN, sensitive: false },
    { name: 'old', action: 'delete', before: 'x', after: undefined, sensitive: false },
    { name: 'same', action: 'no-op', before: 'x', after: 'x', sensitive: false },
  ];
  const out = render(plan([change('aws_x.a', 'create', null, { id: UNKNOWN })], { outputs }));
  assert.match(out, /Plan: 1 to add, 0 to change, 0 to destroy\.\n\nChanges to Outputs:\n {2}\+ arn = \(known after apply\)\n {2}- old = "x" -> null\n {2}~ url = "http:\/\/a" -> "http:\/\/b"\n$/);
  assert.doesNotMatch(out, /same/);
  const only = plan([], { outputs });
  assert.match(render(only), /^Changes to Outputs:\n/);
  assert.match(render(only), /You can apply this plan to save these new output values/);
  assert.equal(renderSummaryLine(only), 'Changes to Outputs only: 3 outputs to change, no infrastructure changes.');
});

test('no changes', () => {
  const out = render(plan([change('aws_x.a', 'no-op', { id: 'a' }, { id: 'a' })]));
  assert.match(out, /^No changes\. Your infrastructure matches the configuration\.\n/);
  assert.doesNotMatch(out, /aws_x/);
  assert.equal(renderSummaryLine(plan([], { mode: 'destroy' })), 'No changes. No objects need to be destroyed.');
});

test('summary counts a replacement as one add and one destroy and ignores data reads', () => {
  const p = plan([
    change('aws_x.a', 'create', null, { id: UNKNOWN }),
    change('aws_x.b', 'update', { id: 'b', v: 1 }, { id: 'b', v: 2 }),
    change('aws_x.c', 'update', { id: 'c', v: 1 }, { id: 'c', v: 2 }),
    change('aws_x.d', 'delete-then-create', { id: 'd' }, { id: UNKNOWN }),
    change('data.aws_y.e', 'read', null, { id: UNKNOWN }),
  ]);
  assert.equal(renderSummaryLine(p), 'Plan: 2 to add, 2 to change, 1 to destroy.');
});

test('color only when asked: green +, yellow ~, red -', () => {
  const p = plan([change('aws_x.a', 'create', null, { id: UNKNOWN }), change('aws_x.b', 'update', { id: 'b', v: 1 }, { id: 'b', v: 2 }), change('aws_x.c', 'delete', { id: 'c' }, null)]);
  const colored = renderPlan(p, { color: true });
  assert.ok(colored.includes('\x1b[32m+\x1b[0m resource "aws_x" "a"'));
  assert.ok(colored.includes('\x1b[33m~\x1b[0m resource "aws_x" "b"'));
  assert.ok(colored.includes('\x1b[31m-\x1b[0m resource "aws_x" "c"'));
  assert.ok(!renderPlan(p, { color: false }).includes('\x1b['));
});

test('stack label and rollback note', () => {
  const out = renderPlan(plan([], { rollbackOf: 7 }), { color: false, stackLabel: true });
  assert.match(out, /^Stack "app" at main@sha1:abc\n/);
  assert.match(out, /state version 7/);
});

// Expected text recorded from `terraform plan` 1.11 on the same terraform_data configurations.
const terraformData: ResourceSchema = {
  version: 0,
  block: { attributes: { id: { type: 'string', computed: true }, input: { type: 'dynamic', optional: true }, output: { type: 'dynamic', computed: true } } },
};

test('a string holding a JSON object or array renders as jsonencode(...) with its structure, as Terraform', () => {
  const before = JSON.stringify({ a: [true], b: 1, s: 'x' });
  const after = JSON.stringify({ a: [true, false], b: 2, s: 'x' });
  const created = render(plan([change('terraform_data.d', 'create', null, { id: UNKNOWN, input: before, output: UNKNOWN })]), () => terraformData);
  assert.match(created, /^ {6}\+ input {2}= jsonencode\(\n {12}\{\n {14}\+ a = \[\n {18}\+ true,\n {16}\]\n {14}\+ b = 1\n {14}\+ s = "x"\n {12}\}\n {8}\)\n {6}\+ output = \(known after apply\)$/m);
  const updated = render(plan([change('terraform_data.d', 'update', { id: 'i', input: before, output: before }, { id: 'i', input: after, output: UNKNOWN })]), () => terraformData);
  assert.match(
    updated,
    /^ {6}~ input {2}= jsonencode\(\n {10}~ \{\n {14}~ a = \[\n {20}true,\n {18}\+ false,\n {16}\]\n {14}~ b = 1 -> 2\n {16}# \(1 unchanged attribute hidden\)\n {12}\}\n {8}\)\n {6}~ output = jsonencode\(\n {12}\{\n {14}- a = \[\n {18}- true,\n {16}\]\n {14}- b = 1\n {14}- s = "x"\n {12}\}\n {8}\) -> \(known after apply\)$/m,
  );
  const toPlain = render(plan([change('terraform_data.d', 'update', { id: 'i', input: before, output: before }, { id: 'i', input: 'plain', output: 'plain' })]), () => terraformData);
  assert.match(toPlain, /^ {12}\}\n {8}\) -> "plain"$/m);
  const outputs: OutputChange[] = [{ name: 'o', action: 'update', before: JSON.stringify([1, { k: 'v' }]), after: JSON.stringify([1, { k: 'w' }]), sensitive: false }];
  assert.match(render(plan([], { outputs })), /^ {2}~ o = jsonencode\(\n {6}~ \[\n {12}1,\n {10}~ \{\n {14}~ k = "v" -> "w"\n {12}\},\n {8}\]\n {4}\)$/m);
  // not JSON, or JSON but not an object or array: a plain string
  const plainOut: OutputChange[] = [
    { name: 'p', action: 'create', before: undefined, after: '{not json', sensitive: false },
    { name: 'q', action: 'create', before: undefined, after: '"quoted"', sensitive: false },
  ];
  assert.match(render(plan([], { outputs: plainOut })), /^ {2}\+ p = "\{not json"\n {2}\+ q = "\\"quoted\\""$/m);
});

test('list updates keep the unchanged neighbours of a change in view and count the rest where they are, as Terraform', () => {
  const out = render(plan([change('terraform_data.d', 'update', { id: 'i', input: ['a', 'b', 'c', 'd', 'e'] }, { id: 'i', input: ['a', 'b', 'y', 'z', 'e'] })]), () => terraformData);
  assert.match(out, /^ {6}~ input = \[\n {12}# \(1 unchanged element hidden\)\n {12}"b",\n {10}~ "c" -> "y",\n {10}~ "d" -> "z",\n {12}"e",\n {8}\]$/m);
  const inserted = render(plan([change('terraform_data.d', 'update', { id: 'i', input: ['a', 'b', 'c', 'd', 'e'] }, { id: 'i', input: ['a', 'x', 'b', 'c', 'd', 'e'] })]), () => terraformData);
  assert.match(inserted, /^ {6}~ input = \[\n {12}"a",\n {10}\+ "x",\n {12}"b",\n {12}# \(3 unchanged elements hidden\)\n {8}\]$/m);
});
