import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalSource, createRegistry, formatProviderAddress } from './registry.ts';
import { defaultRegistry } from './shipped/default-registry.ts';
import { createNullProvider } from './null/index.ts';
import { createRandomProvider } from './random/index.ts';

const ctx = { workingDir: '/tmp', env: {} };

test('every spelling of a source resolves to the same provider', async () => {
  const r = defaultRegistry();
  for (const source of ['hashicorp/random', 'registry.terraform.io/hashicorp/random', 'registry.opentofu.org/hashicorp/random', 'HashiCorp/Random']) {
    const hit = r.resolve('random', source);
    assert.ok(hit, source);
    assert.equal(hit.source, 'registry.terraform.io/hashicorp/random');
    assert.ok('random_pet' in (await hit.factory(ctx)).getSchema().resources);
  }
});

test('without a source the local name implies hashicorp/<name>; "terraform" is the builtin', async () => {
  const r = defaultRegistry();
  assert.equal(r.resolve('null')?.source, 'registry.terraform.io/hashicorp/null');
  assert.ok('null_resource' in (await r.resolve('null')!.factory(ctx)).getSchema().resources);
  assert.ok('local_file' in (await r.resolve('local')!.factory(ctx)).getSchema().resources);
  const builtin = r.resolve('terraform');
  assert.equal(builtin?.source, 'terraform.io/builtin/terraform');
  assert.ok('terraform_data' in (await builtin!.factory(ctx)).getSchema().resources);
});

test('a source the registry does not serve is undefined, even with a known local name', () => {
  const r = defaultRegistry();
  assert.equal(r.resolve('random', 'example/random'), undefined);
  assert.equal(r.resolve('google'), undefined);
  assert.equal(r.resolve('random', 'other.host.io/hashicorp/random'), undefined);
});

test('sources lists the canonical forms; extra entries are served', () => {
  const r = defaultRegistry([{ source: 'acme/thing', factory: createNullProvider }]);
  assert.deepEqual(r.sources(), [
    'registry.terraform.io/acme/thing',
    'registry.terraform.io/hashicorp/local',
    'registry.terraform.io/hashicorp/null',
    'registry.terraform.io/hashicorp/random',
    'terraform.io/builtin/terraform',
  ]);
  assert.equal(r.resolve('thing', 'acme/thing')?.factory, createNullProvider);
  assert.equal(createRegistry([{ source: 'hashicorp/random', factory: createRandomProvider }]).resolve('null'), undefined);
});

test('provider addresses use the state form', () => {
  assert.equal(formatProviderAddress('hashicorp/random'), 'provider["registry.terraform.io/hashicorp/random"]');
  assert.equal(formatProviderAddress('registry.opentofu.org/hashicorp/random'), 'provider["registry.terraform.io/hashicorp/random"]');
  assert.equal(formatProviderAddress('terraform.io/builtin/terraform'), 'provider["terraform.io/builtin/terraform"]');
  assert.equal(canonicalSource('example.com/acme/widget'), 'example.com/acme/widget');
});
