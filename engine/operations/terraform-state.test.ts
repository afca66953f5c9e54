import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InstanceState, StateVersion } from '../../state/model.ts';
import { stringifyJson } from '../lang/json-numbers.ts';
import { ballastProviderKey, parseTerraformState, TerraformStateError, terraformProviderAddress, toTerraformState } from './terraform-state.ts';

interface TfInstance {
  index_key?: unknown;
  private?: string;
  dependencies?: string[];
  attributes: Record<string, unknown>;
  status?: string;
  create_before_destroy?: boolean;
  sensitive_attributes: unknown;
}
interface TfResource {
  module?: string;
  type: string;
  name: string;
  provider: string;
  instances: TfInstance[];
}
interface TfDoc {
  version: number;
  terraform_version: string;
  serial: number;
  lineage: string;
  outputs: unknown;
  resources: TfResource[];
}

const dyn = (_p: string, _m: string, type: string) => new Set(type === 'terraform_data' ? ['input', 'output'] : []);

function inst(address: string, over: Partial<InstanceState> = {}): InstanceState {
  const [type, name] = address.replace(/^.*?(?=[a-z_]+\.[a-z_]+(\[|$))/, '').split(/[.[]/);
  return { address, mode: 'managed', type: type!, name: name!, provider: 'random', attributes: { id: 'x' }, sensitivePaths: [], dependencies: [], schemaVersion: 0, ...over };
}

function version(resources: InstanceState[]): StateVersion {
  return {
    formatVersion: 1,
    lineage: 'lin-1',
    serial: 3,
    parentDigest: null,
    stack: 's',
    sourceRevision: null,
    configDigest: null,
    reason: 'apply',
    time: '2026-01-01T00:00:00Z',
    engineVersion: 'ballast/0.1.0',
    changes: { add: 0, change: 0, destroy: 0 },
    resources: Object.fromEntries(resources.map((r) => [r.deposed ? `${r.address} (deposed)` : r.address, r])),
    outputs: { plain: { value: ['a', 1], sensitive: false }, secret: { value: 's3cr3t', sensitive: true }, gone: { value: null, sensitive: false } },
  };
}

const sample = [
  inst('random_pet.p', { attributes: { id: 'p', length: 2 }, private: { b64: 'AAEC' }, dependencies: ['terraform_data.d'] }),
  inst('module.m["k"].random_string.s', {
    type: 'random_string',
    name: 's',
    key: 0,
    address: 'module.m["k"].random_string.s[0]',
    provider: 'random.west',
    sensitivePaths: [['result'], ['keepers', 0]],
    createBeforeDestroy: true,
    tainted: true,
    private: { note: 'native' },
  }),
  inst('terraform_data.d', { type: 'terraform_data', name: 'd', provider: 'terraform', attributes: { id: 'd', input: { a: [1, 2] }, output: null, triggers_replace: null } }),
];

test('a state version becomes a Terraform v4 state file', () => {
  const doc = toTerraformState(version(sample), dyn, 'ballast/0.1.0') as unknown as TfDoc;
  assert.equal(doc.version, 4);
  assert.equal(doc.terraform_version, '0.1.0');
  assert.equal(doc.serial, 3);
  assert.equal(doc.lineage, 'lin-1');
  assert.deepEqual(doc.outputs, { plain: { value: ['a', 1], type: ['tuple', ['string', 'number']] }, secret: { value: 's3cr3t', type: 'string', sensitive: true } });
  assert.deepEqual(
    doc.resources.map((r) => [r.module, r.type, r.name, r.provider]),
    [
      [undefined, 'random_pet', 'p', 'provider["registry.terraform.io/hashicorp/random"]'],
      [undefined, 'terraform_data', 'd', 'provider["terraform.io/builtin/terraform"]'],
      ['module.m["k"]', 'random_string', 's', 'provider["registry.terraform.io/hashicorp/random"].west'],
    ],
  );
  const [pet, data, str] = doc.resources.map((r) => r.instances[0]!);
  assert.equal(pet.private, 'AAEC');
  assert.deepEqual(pet.dependencies, ['terraform_data.d']);
  assert.ok(!('index_key' in pet));
  // dynamic attributes are stored with their type, as Terraform stores them
  assert.deepEqual(data.attributes.input, { value: { a: [1, 2] }, type: ['object', { a: ['tuple', ['number', 'number']] }] });
  assert.equal(data.attributes.output, null);
  assert.equal(str.index_key, 0);
  assert.equal(str.status, 'tainted');
  assert.equal(str.create_before_destroy, true);
  assert.deepEqual(str.sensitive_attributes, [
    [{ type: 'get_attr', value: 'result' }],
    [
      { type: 'get_attr', value: 'keepers' },
      { type: 'index', value: { value: 0, type: 'number' } },
    ],
  ]);
});

test('pull then parse gives back the same instances and outputs', () => {
  const v = version([...sample, inst('random_pet.p', { deposed: true, attributes: { id: 'old' } })]);
  const text = JSON.stringify(toTerraformState(v, dyn, 'ballast/0.1.0'));
  const back = parseTerraformState(text, 'f.tfstate', dyn);
  assert.equal(back.serial, 3);
  assert.equal(back.lineage, 'lin-1');
  assert.deepEqual(Object.fromEntries(back.instances), v.resources);
  assert.deepEqual(back.outputs, { plain: { value: ['a', 1], sensitive: false }, secret: { value: 's3cr3t', sensitive: true } });
});

test("a provider's own private bytes stay opaque", () => {
  const text = JSON.stringify({
    version: 4,
    serial: 1,
    lineage: 'l',
    resources: [
      {
        mode: 'managed',
        type: 'aws_s3_bucket',
        name: 'b',
        provider: 'module.x.provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ attributes: { id: 'b' }, private: Buffer.from('{"schema_version":"0"}').toString('base64') }],
      },
    ],
  });
  const i = parseTerraformState(text, 'f', dyn).instances.get('aws_s3_bucket.b')!;
  assert.equal(i.provider, 'aws');
  assert.deepEqual(i.private, { b64: Buffer.from('{"schema_version":"0"}').toString('base64') });
});

test('bad state files are refused with a diagnostic naming the file and place', () => {
  const bad: [string, RegExp][] = [
    ['{oops', /f\.tfstate is not valid JSON \(at byte offset 1\)/],
    ['[]', /not a Terraform state file/],
    ['{"version":3,"serial":1,"lineage":"l","resources":[]}', /state format version 3; Ballast reads Terraform state format version 4/],
    ['{"version":4,"serial":-1,"lineage":"l","resources":[]}', /"serial" must be a non-negative integer/],
    ['{"version":4,"serial":1,"resources":[]}', /"lineage"/],
    ['{"version":4,"serial":1,"lineage":"l","resources":[{"mode":"managed"}]}', /resources\[0\] must have "mode"/],
    ['{"version":4,"serial":1,"lineage":"l","resources":[{"mode":"managed","type":"a_b","name":"c","provider":"aws","instances":[]}]}', /resources\[0\]: "provider" must look like provider\[/],
    [
      '{"version":4,"serial":1,"lineage":"l","resources":[{"mode":"managed","type":"a_b","name":"c","provider":"provider[\\"x/y\\"]","instances":[{"attributes_flat":{}}]}]}',
      /instances\[0\] must have "attributes"/,
    ],
    [
      '{"version":4,"serial":1,"lineage":"l","resources":[{"mode":"managed","type":"a_b","name":"c","provider":"provider[\\"x/y\\"]","instances":[{"attributes":{}},{"attributes":{}}]}]}',
      /instances\[1\]: a second object at a_b\.c/,
    ],
  ];
  for (const [text, re] of bad)
    assert.throws(
      () => parseTerraformState(text, 'f.tfstate', dyn),
      (e: unknown) => e instanceof TerraformStateError && re.test(e.message),
      text,
    );
});

test('provider addresses convert both ways', () => {
  assert.equal(terraformProviderAddress('aws.west'), 'provider["registry.terraform.io/hashicorp/aws"].west');
  assert.equal(terraformProviderAddress('provider["example.com/acme/thing"]'), 'provider["example.com/acme/thing"]');
  assert.equal(ballastProviderKey('provider["registry.terraform.io/hashicorp/aws"].west', 'f'), 'aws.west');
  assert.equal(ballastProviderKey('module.a["k"].module.b.provider["terraform.io/builtin/terraform"]', 'f'), 'terraform');
});

test('numbers no double holds survive push and pull digit for digit', () => {
  const text =
    '{"version":4,"serial":1,"lineage":"l","resources":[{"mode":"managed","type":"terraform_data","name":"d","provider":"provider[\\"terraform.io/builtin/terraform\\"]","instances":[{"attributes":{"id":"d","input":{"value":123456789012345678901234567890,"type":"number"}}}]}]}';
  const parsed = parseTerraformState(text, 'f', dyn);
  const v = version([...parsed.instances.values()]);
  const out = stringifyJson(toTerraformState(v, dyn, 'ballast/0.1.0'));
  assert.ok(out.includes('"value":123456789012345678901234567890'), out);
});
