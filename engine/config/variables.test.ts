import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStackConfig } from './load.ts';
import { resolveVariables } from './variables.ts';
import { Sensitive } from '../lang/value.ts';

const config = loadStackConfig({
  name: 's',
  file: 'f',
  dir: '/tmp',
  json: {
    variable: {
      name: { type: 'string', default: 'd' },
      count: { type: 'number', default: 1 },
      tags: { type: 'map(string)', default: {} },
      secret: { type: 'string', sensitive: true },
      strict: { type: 'string', nullable: false, default: 'x' },
    },
  },
}).config;

test('precedence: default < TF_VAR_ < var file < --var', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vars-'));
  try {
    const file = join(dir, 'a.tfvars');
    writeFileSync(file, 'count = 5\ntags = {\n  a = "b"\n}\n# comment\nname = "from-file"\n');
    const r = resolveVariables(config, { env: { TF_VAR_name: 'from-env', TF_VAR_count: '3', TF_VAR_secret: 's3cr3t' }, files: [file], flags: ['name=from-flag'] });
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.values.get('name'), 'from-flag');
    assert.equal(r.values.get('count'), 5);
    assert.deepEqual(r.values.get('tags'), { a: 'b' });
    assert.ok(r.values.get('secret') instanceof Sensitive);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('string inputs convert to the declared type; mistakes name the variable and never the secret', () => {
  const r = resolveVariables(config, { env: {}, flags: ['count=abc', 'secret=123'] });
  const bad = r.diagnostics.find((d) => d.where?.address === 'var.count')!;
  assert.equal(bad.summary, 'Invalid value for variable "count"');
  const r2 = resolveVariables(config, { env: {}, flags: ['secret=hunter2', 'tags=[1,2]'] });
  assert.equal(r2.diagnostics.length, 1);
  assert.equal(r2.diagnostics[0].where?.address, 'var.tags');
  assert.ok(!JSON.stringify(r2.diagnostics).includes('hunter2'));
});

test('missing required variable, undeclared flag, null for non-nullable', () => {
  const r = resolveVariables(config, { env: {}, flags: ['nope=1', 'strict=null'] });
  const s = r.diagnostics.map((d) => d.summary);
  assert.ok(s.includes('No value for required variable "secret"'));
  assert.ok(s.includes('Value for undeclared variable "nope"'));
  // a string variable takes "null" literally, as Terraform does for -var on string types
  assert.equal(r.values.get('strict'), 'null');
});

test('an undeclared value in a variables file is a warning (one file may serve several stacks); on the command line an error; in the environment ignored', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vars-'));
  try {
    const file = join(dir, 'common.tfvars');
    writeFileSync(file, 'name = "n"\nshared = "x"\n');
    const r = resolveVariables(config, { env: { TF_VAR_secret: 's', TF_VAR_other: 'o' }, files: [file], flags: ['zz=1'] });
    assert.deepEqual(
      r.diagnostics.map((d) => [d.severity, d.summary]),
      [
        ['warning', 'Value for undeclared variable "shared"'],
        ['error', 'Value for undeclared variable "zz"'],
      ],
    );
    assert.equal(r.values.get('name'), 'n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a variable without a type takes --var and TF_VAR_ text literally, as Terraform (`any` parses it)', () => {
  const untyped = loadStackConfig({ name: 's', file: 'f', dir: '/tmp', json: { variable: { a: {}, b: {}, c: { type: 'any' } } } }).config;
  const r = resolveVariables(untyped, { env: { TF_VAR_b: '{x=1}' }, flags: ['a=[1, 2]', 'c=[1, 2]'] });
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.values.get('a'), '[1, 2]');
  assert.equal(r.values.get('b'), '{x=1}');
  assert.deepEqual(r.values.get('c'), [1, 2]);
});
