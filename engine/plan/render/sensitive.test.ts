// Secrets never appear in any plan rendering, wherever they hide in a value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sensitive, UNKNOWN, markSet } from '../../lang/value.ts';
import type { ResourceSchema } from '../../../providers/provider.ts';
import type { Plan } from '../plan.ts';
import { renderPlan } from './human.ts';
import { planToJson } from './json.ts';
import { renderPlansMarkdown } from './markdown.ts';
import { change } from './testdata/plan-fixtures.ts';

const SECRET = 'hunter2-Zq9';
const secretFragments = [SECRET, 'hunter2', 'Zq9'];

const schema: ResourceSchema = {
  version: 0,
  block: {
    attributes: { schema_secret: { type: 'string', sensitive: true }, tags: { type: { map: 'string' } } },
    blocks: { credentials: { nesting: 'list', block: { attributes: { key: { type: 'string' } } } } },
  },
};

function secretPlan(): Plan {
  return {
    stack: 'app',
    mode: 'normal',
    priorSerial: 1,
    priorLineage: 'L',
    configDigest: 'd',
    sourceRevision: null,
    diagnostics: [],
    prior: {},
    priorDigest: null,
    changes: [
      // a path-marked top-level attribute, in create, update, delete and replace
      change('aws_x.create', 'create', null, { id: UNKNOWN, password: SECRET }, { afterSensitive: [['password']] }),
      change('aws_x.update', 'update', { id: 'u', password: 'old-' + SECRET }, { id: 'u', password: SECRET + '-new' }, { beforeSensitive: [['password']], afterSensitive: [['password']] }),
      change('aws_x.delete', 'delete', { id: 'd', password: SECRET }, null, { beforeSensitive: [['password']] }),
      change(
        'aws_x.replace',
        'delete-then-create',
        { id: 'r', password: SECRET },
        { id: UNKNOWN, password: SECRET },
        { beforeSensitive: [['password']], afterSensitive: [['password']], requiresReplace: [['password']] },
      ),
      // nested in a map, in a list, in a set, and a whole object
      change(
        'aws_x.nested',
        'update',
        { id: 'n', tags: { token: SECRET, Name: 'a' }, list: ['a', SECRET], set: markSet([SECRET]), obj: { inner: { v: SECRET } } },
        { id: 'n', tags: { token: SECRET + '2', Name: 'b' }, list: ['a', SECRET, 'c'], set: markSet([SECRET, 'x']), obj: { inner: { v: SECRET + '3' } } },
        { beforeSensitive: [['tags', 'token'], ['list', 1], ['set', 0], ['obj']], afterSensitive: [['tags', 'token'], ['list', 1], ['set', 0], ['obj']] },
      ),
      // multi-line strings: created, changed (line diff) and inside a map
      change(
        'local_file.multi',
        'update',
        { id: 'm', content: `line one\n${SECRET}\nline three\n`, files: { a: `x\n${SECRET}\n` } },
        { id: 'm', content: `line one\n${SECRET} changed\nline three\n`, files: { a: `x\n${SECRET}\ny\n` } },
        { beforeSensitive: [['content'], ['files', 'a']], afterSensitive: [['content'], ['files', 'a']] },
      ),
      change('local_file.multi_new', 'create', null, { content: `a\n${SECRET}\n` }, { afterSensitive: [['content']] }),
      // marks carried as Sensitive wrappers instead of paths, on one side only
      change('aws_x.wrapped', 'update', { id: 'w', key: SECRET, m: { deep: [SECRET] } }, { id: 'w', key: new Sensitive(SECRET), m: { deep: [new Sensitive(SECRET)] } }),
      change('aws_x.wrapped_list', 'update', { id: 'wl', l: [SECRET, 'a'] }, { id: 'wl', l: [new Sensitive(SECRET), 'b'] }),
      // a secret moving within a list, and one copied into an attribute nobody marked
      change('aws_x.moved', 'update', { id: 'mv', l: [SECRET] }, { id: 'mv', l: ['x', 'y', SECRET] }, { beforeSensitive: [['l', 0]], afterSensitive: [['l', 2]] }),
      change('aws_x.copied', 'create', null, { id: UNKNOWN, note: SECRET, other: 'visible' }),
      // sensitive only according to the schema, and a sensitive nested block
      change(
        'aws_y.schema',
        'update',
        { id: 's', schema_secret: SECRET, credentials: [{ key: SECRET }] },
        { id: 's', schema_secret: SECRET + 'x', credentials: [{ key: SECRET + 'y' }] },
        { beforeSensitive: [['credentials', 0, 'key']], afterSensitive: [['credentials']] },
      ),
    ],
    drift: [change('aws_x.drifted', 'update', { id: 'd', password: SECRET }, { id: 'd', password: SECRET + '!' }, { beforeSensitive: [['password']], afterSensitive: [['password']] })],
    outputs: [
      { name: 'db_password', action: 'update', before: SECRET, after: SECRET + '2', sensitive: true },
      { name: 'conn', action: 'create', before: undefined, after: { url: 'postgres://db', pw: new Sensitive(SECRET) }, sensitive: false },
    ],
  };
}

const schemaOf = (a: { type: string }) => (a.type === 'aws_y' ? schema : undefined);

function assertNoSecret(text: string, where: string) {
  for (const f of secretFragments) assert.ok(!text.includes(f), `${where} contains "${f}"`);
}

test('human rendering never shows a sensitive value', () => {
  for (const color of [false, true]) {
    const out = renderPlan(secretPlan(), { color, schemaOf });
    assertNoSecret(out, 'human');
    assert.ok(out.includes('(sensitive value)'));
    assert.ok(out.includes('"visible"'), 'unmarked values still show');
  }
  // the same plan without the marks does show the values: the test can fail
  const unmarked = { ...secretPlan(), changes: secretPlan().changes.map((c) => ({ ...c, beforeSensitive: [], afterSensitive: [] })) };
  assert.ok(renderPlan(unmarked, { color: false }).includes(SECRET));
});

test('human rendering hides a sensitive nested block', () => {
  const out = renderPlan(secretPlan(), { color: false, schemaOf });
  assert.match(out, /~ credentials \{\n\s+# At least one attribute in this block is \(or was\) sensitive,/);
  assert.match(out, /~ schema_secret = \(sensitive value\)/);
});

test('JSON rendering never contains a sensitive value', () => {
  const text = JSON.stringify(planToJson(secretPlan(), { schemaOf }));
  assertNoSecret(text, 'json');
  assert.ok(text.includes('"after_sensitive":{"password":true}'));
});

test('markdown rendering never contains a sensitive value, truncated or not', () => {
  for (const maxChars of [65536, 3000]) {
    const md = renderPlansMarkdown([{ stack: 'app', plan: secretPlan() }], { maxChars, schemaOf });
    assertNoSecret(md, `markdown(${maxChars})`);
    assert.ok(md.length <= maxChars);
  }
});
