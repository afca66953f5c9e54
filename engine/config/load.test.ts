import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadStackConfig } from './load.ts';
import type { Literal } from '../lang/ast.ts';

const load = (json: unknown) => loadStackConfig({ name: 's', file: 'cdk.tf.json', dir: '/tmp', json });

test('loads resources with meta-arguments and drops cdktf metadata', () => {
  const { config, diagnostics } = load({
    '//': { metadata: {} },
    terraform: { required_providers: { random: { source: 'hashicorp/random', version: '3.6.0' } }, backend: { local: { path: 'x' } } },
    provider: { random: [{}], aws: [{ region: 'us-east-1' }, { alias: 'west', region: 'us-west-2' }] },
    resource: {
      random_pet: {
        p: { '//': { metadata: { path: 's/p' } }, length: 2, count: 3, depends_on: ['random_id.i'], provider: 'random', lifecycle: { create_before_destroy: true, ignore_changes: ['length'] } },
      },
      random_id: { i: { byte_length: 4 } },
    },
    data: { aws_region: { r: { provider: 'aws.west' } } },
    variable: { n: { type: 'number', default: 2, sensitive: true } },
    locals: { l: '${var.n + 1}' },
    output: { o: { value: '${random_pet.p[0].id}', sensitive: true } },
  });
  assert.deepEqual(diagnostics, []);
  const p = config.resources.get('random_pet.p')!;
  assert.equal(p.count?.kind, 'literal');
  assert.equal((p.count as Literal).value, 3);
  assert.deepEqual(p.dependsOn, ['random_id.i']);
  assert.equal(p.lifecycle.createBeforeDestroy, true);
  assert.deepEqual(p.lifecycle.ignoreChanges, ['length']);
  assert.deepEqual(config.resources.get('data.aws_region.r')!.provider, { name: 'aws', alias: 'west' });
  assert.equal(config.providers.size, 3);
  assert.equal(config.requiredProviders.get('random')!.source, 'hashicorp/random');
  assert.equal(config.backend?.type, 'local');
  assert.equal(config.variables.get('n')!.type, 'number');
  assert.equal(config.variables.get('n')!.sensitive, true);
  assert.equal(config.outputs.get('o')!.sensitive, true);
});

test('reports every problem together with where it is', () => {
  const { diagnostics } = load({
    resources: {},
    resource: { null_resource: { a: { count: 1, for_each: '${toset([])}' }, 'bad name': {} } },
    variable: { v: { type: 'lisst(string)' } },
    output: { o: {} },
  });
  const summaries = diagnostics.map((d) => d.summary);
  assert.ok(summaries.includes('Unsupported top-level block "resources"'));
  assert.ok(summaries.includes('"count" and "for_each" cannot both be set'));
  assert.ok(summaries.includes('Invalid resource name "bad name"'));
  assert.ok(summaries.includes('Invalid type constraint for variable "v"'));
  assert.ok(summaries.includes('Output "o" has no value'));
  const both = diagnostics.find((d) => d.summary.startsWith('"count"'))!;
  assert.equal(both.where?.address, 'null_resource.a');
  assert.equal(both.where?.range?.pointer, '/resource/null_resource/a');
});

test('the terraform block: unknown arguments and blocks, and a required_version that is not a constraint, are errors naming them', () => {
  const ok = load({ terraform: { '//': {}, required_version: '>= 1.5, < 2.0', required_providers: {}, backend: { local: {} }, experiments: [], provider_meta: {}, language: 'TF2021' } });
  assert.deepEqual(ok.diagnostics, []);
  const { diagnostics } = load({ terraform: { resource: {}, requried_version: '>= 1.0' } });
  assert.deepEqual(
    diagnostics.map((d) => [d.summary, d.where?.range?.pointer]),
    [
      ['Unsupported argument or block "resource" in the terraform block', '/terraform/resource'],
      ['Unsupported argument or block "requried_version" in the terraform block', '/terraform/requried_version'],
    ],
  );
  for (const bad of ['>= banana', 5, '~>']) {
    const d = load({ terraform: { required_version: bad } }).diagnostics;
    assert.equal(d.length, 1, String(bad));
    assert.equal(d[0]!.summary, 'Invalid required_version');
    assert.equal(d[0]!.where?.range?.pointer, '/terraform/required_version');
    assert.match(d[0]!.detail ?? '', /constraint/);
  }
});

test('a bad expression is a diagnostic naming the JSON pointer', () => {
  const { diagnostics } = load({ resource: { null_resource: { a: { triggers: { x: '${1 +}' } } } } });
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].where?.address, 'null_resource.a');
  assert.match(diagnostics[0].where?.range?.pointer ?? '', /\/resource\/null_resource\/a\/triggers\/x/);
});

test('depends_on accepts cdktf interpolations and rejects garbage', () => {
  const ok = load({ resource: { null_resource: { a: { depends_on: ['${null_resource.b}'] }, b: {} } } });
  assert.deepEqual(ok.config.resources.get('null_resource.a')!.dependsOn, ['null_resource.b']);
  const bad = load({ resource: { null_resource: { a: { depends_on: ['not an address!'] } } } });
  assert.equal(bad.diagnostics[0].summary, 'Invalid depends_on reference "not an address!"');
});

test('JSON values of the wrong kind are named by kind, never printed as [object Object] (found by the fuzz test)', () => {
  const { diagnostics } = load({
    variable: { v: { type: { a: {} } }, w: { type: 5 } },
    resource: { null_resource: { a: { depends_on: [{}], lifecycle: { ignore_changes: [{ a: 1 }], replace_triggered_by: [[]] } } } },
  });
  const shown = diagnostics.map((d) => `${d.summary}: ${d.detail}`);
  assert.ok(!shown.some((s) => s.includes('[object Object]')), shown.join('\n'));
  assert.ok(shown.includes('Invalid type constraint for variable "v": The type must be a string such as "list(string)", not an object.'), shown.join('\n'));
  assert.ok(shown.includes('Invalid type constraint for variable "w": The type must be a string such as "list(string)", not a number.'), shown.join('\n'));
  assert.ok(
    shown.some((s) => s.startsWith('Invalid depends_on reference: Each entry must be a string')),
    shown.join('\n'),
  );
  assert.ok(
    shown.some((s) => s.startsWith('Invalid lifecycle.ignore_changes entry: Each entry must be a string')),
    shown.join('\n'),
  );
  assert.ok(
    shown.some((s) => s.startsWith('Invalid replace_triggered_by reference: Each entry must be a string holding a reference, not a list')),
    shown.join('\n'),
  );
});

test('data sources scoped to a check block are read like any data block: metadata skipped, bad names reported, duplicates refused', () => {
  const { config, diagnostics } = load({
    data: { http: { taken: { url: 'x' } } },
    check: {
      c: {
        data: { '//': { metadata: {} }, http: { ok: [{ url: 'x' }], 'bad name': { url: 'x' }, taken: { url: 'y' } }, 'bad type': { d: {} } },
        assert: [{ condition: true, error_message: 'm' }],
      },
    },
  });
  assert.deepEqual([...config.resources.keys()].sort(), ['data.http.ok', 'data.http.taken']);
  assert.equal(config.resources.get('data.http.ok')!.check, 'c');
  assert.equal(config.resources.get('data.http.taken')!.check, undefined);
  assert.deepEqual(
    diagnostics.map((d) => `${d.summary} @ ${d.where?.range?.pointer ?? ''}`),
    [
      'Invalid resource name "bad name" @ /check/c/data/http/bad name',
      'Duplicate data "http" configuration @ /check/c/data/http/taken',
      'Invalid resource type name "bad type" @ /check/c/data/bad type',
    ],
  );
});
