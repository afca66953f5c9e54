import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { prepareStack } from './prepare-stack.ts';
import { consoleScope, evaluateConsoleInput } from './console-scope.ts';
import type { InstanceState } from '../../state/model.ts';
import { Sensitive, Unknown, type Value } from '../lang/value.ts';
import { withTempDir } from '../../test/helpers/temp-dir.ts';

const json = {
  variable: { name: { type: 'string', default: 'demo' }, region: { type: 'string' }, secret: { type: 'string', default: 's3cret', sensitive: true } },
  locals: { label: '${var.name}-${terraform_data.a.id}', later: '${terraform_data.later.id}' },
  resource: {
    terraform_data: {
      a: { input: '${var.name}' },
      n: { count: 2, input: '${count.index}' },
      later: { input: 'x' },
    },
  },
};

function inst(address: string, attributes: Record<string, Value>, extra: Partial<InstanceState> = {}): InstanceState {
  const [type, rest] = address.split('.');
  const m = /^(\w+)(?:\[(\d+)\])?$/.exec(rest!)!;
  return {
    address,
    mode: 'managed',
    type: type!,
    name: m[1]!,
    key: m[2] === undefined ? undefined : Number(m[2]),
    provider: 'terraform',
    attributes: attributes as InstanceState['attributes'],
    sensitivePaths: [],
    dependencies: [],
    schemaVersion: 0,
    ...extra,
  };
}

test('console scope: recorded instances, unknown unrecorded resources, locals, unset variables', () =>
  withTempDir(async (dir) => {
    const full = json;
    const prepared = prepareStack({ name: 'c', file: join(dir, 'main.tf.json'), dir, json: full, bytes: Buffer.from(JSON.stringify(full)) }, { env: {}, unsetAsUnknown: true });
    assert.deepEqual(
      prepared.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    const instances = new Map(
      [
        inst('terraform_data.a', { id: 'a-1', input: 'demo', output: 'demo', triggers_replace: 'hunter2' }, { sensitivePaths: [['triggers_replace']] }),
        inst('terraform_data.n[0]', { id: 'n-0', input: '0', output: '0' }),
        inst('terraform_data.n[1]', { id: 'n-1', input: '1', output: '1' }),
      ].map((i) => [i.address, i]),
    );
    const scope = consoleScope(prepared.stack!, { instances });
    const value = (text: string) => {
      const r = evaluateConsoleInput(scope, text);
      assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error.message}`);
      return r.value;
    };
    assert.equal(value('terraform_data.a.id'), 'a-1');
    assert.ok(value('terraform_data.a.triggers_replace') instanceof Sensitive);
    assert.deepEqual(value('[for x in terraform_data.n : x.id]'), ['n-0', 'n-1']);
    assert.equal(value('terraform_data.n[1].input'), '1');
    assert.equal(value('local.label'), 'demo-a-1');
    assert.ok(value('terraform_data.later') instanceof Unknown);
    assert.ok(value('local.later') instanceof Unknown);
    assert.ok(value('var.region') instanceof Unknown, 'a required variable without a value is unknown');
    assert.ok(value('var.secret') instanceof Sensitive);
    assert.equal(value('terraform.workspace'), 'default');
    assert.equal(value('path.module'), '.');
    assert.equal(value('upper(var.name)'), 'DEMO');
    assert.equal(typeof value('timestamp()'), 'string', 'impure functions give values, as in terraform console');

    const bad = evaluateConsoleInput(scope, 'terraform_data.nope');
    assert.ok(!bad.ok);
    assert.match(bad.error.summary, /undeclared resource/);
    const parse = evaluateConsoleInput(scope, 'upper(');
    assert.ok(!parse.ok);
  }));
