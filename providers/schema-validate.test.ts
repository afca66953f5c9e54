import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAgainstSchema } from './schema-validate.ts';
import { closest } from '../engine/did-you-mean.ts';
import type { BlockSchema } from './provider.ts';
import { Unknown } from '../engine/lang/value.ts';

const block: BlockSchema = {
  attributes: {
    filename: { type: 'string', required: true },
    content: { type: 'string', optional: true },
    length: { type: 'number', optional: true },
    tags: { type: { map: 'string' }, optional: true },
    id: { type: 'string', computed: true },
    arn: { type: 'string', optional: true, computed: true },
  },
  blocks: {
    rule: { nesting: 'list', minItems: 1, maxItems: 2, block: { attributes: { port: { type: 'number', required: true } } } },
    owner: { nesting: 'single', block: { attributes: { email: { type: 'string', required: true } } } },
  },
};
const where = { typeName: 'local_file' };
const ok = { filename: 'a', rule: [{ port: 1 }] };

test('a valid configuration has no diagnostics', () => {
  assert.deepEqual(validateAgainstSchema(block, { ...ok, content: 'x', length: '5', arn: 'a', tags: { a: 1 } }, where), []);
});

test('a missing required argument is named', () => {
  const ds = validateAgainstSchema(block, { rule: [{ port: 1 }] }, where);
  assert.equal(ds.length, 1);
  assert.equal(ds[0].summary, 'The argument "filename" is required');
  assert.equal(ds[0].where?.attribute, 'filename');
});

test('an unexpected argument suggests the close name', () => {
  const ds = validateAgainstSchema(block, { ...ok, contnt: 'x' }, where);
  assert.equal(ds.length, 1);
  assert.equal(ds[0].summary, 'An argument named "contnt" is not expected here');
  assert.equal(ds[0].detail, 'Did you mean "content"?');
  const far = validateAgainstSchema(block, { ...ok, zzzzzzzz: 'x' }, where);
  assert.ok(!far[0].detail?.includes('Did you mean'));
});

test('a computed-only attribute cannot be set, an optional+computed one can', () => {
  const ds = validateAgainstSchema(block, { ...ok, id: 'x' }, where);
  assert.equal(ds.length, 1);
  assert.equal(ds[0].summary, 'Invalid attribute: "id" is computed and cannot be set');
  assert.equal(ds[0].where?.attribute, 'id');
});

test('a wrong type is reported without the value', () => {
  const ds = validateAgainstSchema(block, { ...ok, length: 'hunter2', tags: ['a'] }, where);
  assert.equal(ds.length, 2);
  assert.match(ds[0].summary, /attribute "length": a number is required/);
  assert.ok(!JSON.stringify(ds).includes('hunter2'), 'the value may be a secret');
  assert.equal(ds[1].where?.attribute, 'tags');
});

test('unknown values are accepted everywhere', () => {
  assert.deepEqual(validateAgainstSchema(block, { filename: new Unknown(), length: new Unknown(), rule: new Unknown() }, where), []);
  assert.deepEqual(validateAgainstSchema(block, { filename: 'a', rule: [new Unknown()] }, where), []);
});

test('block counts and nested arguments are checked', () => {
  const few = validateAgainstSchema(block, { filename: 'a' }, where);
  assert.equal(few.length, 1);
  assert.match(few[0].summary, /Insufficient rule blocks/);
  const many = validateAgainstSchema(block, { filename: 'a', rule: [{ port: 1 }, { port: 2 }, { port: 3 }] }, where);
  assert.match(many[0].summary, /Too many rule blocks/);
  const nested = validateAgainstSchema(block, { filename: 'a', rule: [{ port: 1 }, {}], owner: { emial: 'x' } }, where);
  assert.deepEqual(nested.map((d) => d.where?.attribute).sort(), ['owner.email', 'owner.emial', 'rule[1].port']);
});

test('a one-item list block may be written as an object', () => {
  assert.deepEqual(validateAgainstSchema(block, { filename: 'a', rule: { port: 1 } }, where), []);
});

test('closest only suggests near names', () => {
  assert.equal(closest('byte_lenght', ['byte_length', 'prefix']), 'byte_length');
  assert.equal(closest('q', ['byte_length', 'prefix']), undefined);
});
