import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planFromSchema, applyDefaults, normalizeToSchema, sameValue } from './schema-plan.ts';
import type { ResourceSchema } from './provider.ts';
import { isUnknown, isSet, markSet, Unknown, type ValueObject } from '../engine/lang/value.ts';

const schema: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      id: { type: 'string', computed: true },
      name: { type: 'string', required: true, forceNew: true },
      size: { type: 'number', optional: true, default: 2 },
      tags: { type: { map: 'string' }, optional: true },
      arn: { type: 'string', optional: true, computed: true },
    },
    blocks: {
      rule: {
        nesting: 'list',
        block: {
          attributes: {
            port: { type: 'number', required: true, forceNew: true },
            label: { type: 'string', optional: true },
            rule_id: { type: 'string', computed: true },
          },
        },
      },
      owner: { nesting: 'single', forceNew: true, block: { attributes: { email: { type: 'string', required: true } } } },
      grant: { nesting: 'set', block: { attributes: { who: { type: 'string', required: true }, gid: { type: 'string', computed: true } } } },
    },
  },
};

const plan = (priorState: ValueObject | null, config: ValueObject | null) => planFromSchema(schema, { typeName: 't', priorState, proposedNewState: config, config });

test('delete plans null and replaces nothing', () => {
  assert.deepEqual(plan({ id: 'x', name: 'a' }, null), { plannedState: null, requiresReplace: [] });
});

test('create fills defaults, marks computed unknown and gives missing blocks their empty form', () => {
  const { plannedState, requiresReplace } = plan(null, { name: 'a', rule: [{ port: 80 }] });
  assert.deepEqual(requiresReplace, []);
  const p = plannedState!;
  assert.equal(p.name, 'a');
  assert.equal(p.size, 2);
  assert.equal(p.tags, null);
  assert.ok(isUnknown(p.id));
  assert.ok(isUnknown(p.arn));
  const rules = p.rule as ValueObject[];
  assert.equal(rules[0].port, 80);
  assert.equal(rules[0].label, null);
  assert.ok(isUnknown(rules[0].rule_id));
  assert.equal(p.owner, null);
  assert.ok(isSet(p.grant) && (p.grant as unknown[]).length === 0);
});

test('create keeps an optional+computed value the user set', () => {
  const p = plan(null, { name: 'a', arn: 'arn:x' }).plannedState!;
  assert.equal(p.arn, 'arn:x');
});

const prior: ValueObject = {
  id: 'i-1',
  name: 'a',
  size: 2,
  tags: null,
  arn: 'arn:1',
  rule: [{ port: 80, label: null, rule_id: 'r-1' }],
  owner: { email: 'a@b' },
  grant: markSet([
    { who: 'x', gid: 'g-x' },
    { who: 'y', gid: 'g-y' },
  ]),
};

test('update with the same config keeps computed values and replaces nothing', () => {
  const config = { name: 'a', rule: [{ port: 80 }], owner: { email: 'a@b' }, grant: markSet([{ who: 'y' }, { who: 'x' }]) };
  const { plannedState, requiresReplace } = plan(prior, config);
  assert.deepEqual(requiresReplace, []);
  assert.ok(sameValue(plannedState!, prior), 'planned equals prior');
  const grants = plannedState!.grant as ValueObject[];
  assert.deepEqual(
    grants.map((g) => g.gid),
    ['g-y', 'g-x'],
  );
});

test('an in-place change keeps computed values', () => {
  const { plannedState, requiresReplace } = plan(prior, { name: 'a', tags: { a: 'b' }, rule: [{ port: 80, label: 'web' }], owner: { email: 'a@b' } });
  assert.deepEqual(requiresReplace, []);
  assert.equal(plannedState!.id, 'i-1');
  assert.equal(plannedState!.arn, 'arn:1');
  assert.equal((plannedState!.rule as ValueObject[])[0].rule_id, 'r-1');
  assert.deepEqual(plannedState!.tags, { a: 'b' });
});

test('removing an argument with a default plans the default', () => {
  const { plannedState } = plan({ ...prior, size: 5 }, { name: 'a', rule: [{ port: 80 }], owner: { email: 'a@b' } });
  assert.equal(plannedState!.size, 2);
});

test('a force-new change is reported and computed values become unknown', () => {
  const { plannedState, requiresReplace } = plan(prior, { name: 'b', rule: [{ port: 80 }], owner: { email: 'a@b' } });
  assert.deepEqual(requiresReplace, [['name']]);
  assert.ok(isUnknown(plannedState!.id));
  assert.ok(isUnknown(plannedState!.arn));
  assert.equal(plannedState!.size, 2);
});

test('force-new inside a nested block and a force-new block are reported by path', () => {
  const r1 = plan(prior, { name: 'a', rule: [{ port: 81 }], owner: { email: 'a@b' } });
  assert.deepEqual(r1.requiresReplace, [['rule', 0, 'port']]);
  assert.ok(isUnknown((r1.plannedState!.rule as ValueObject[])[0].rule_id));
  const r2 = plan(prior, { name: 'a', rule: [{ port: 80 }], owner: { email: 'c@d' } });
  assert.deepEqual(r2.requiresReplace, [['owner']]);
});

test('an unknown planned value of a force-new attribute counts as a change', () => {
  const { requiresReplace } = plan(prior, { name: new Unknown(), rule: [{ port: 80 }], owner: { email: 'a@b' } });
  assert.deepEqual(requiresReplace, [['name']]);
});

test('applyDefaults and normalizeToSchema fill without dropping', () => {
  const d = applyDefaults(schema.block, { name: 'a', extra: 1, rule: [{ port: 1 }] });
  assert.equal(d.size, 2);
  assert.equal(d.extra, 1);
  const n = normalizeToSchema(schema.block, { name: 'a', extra: 1 });
  assert.equal(n.extra, 1);
  assert.equal(n.id, null);
  assert.equal(n.size, null);
  assert.deepEqual(n.rule, []);
  assert.equal(n.owner, null);
  assert.ok(isSet(n.grant));
});

test('sameValue ignores set order but not list order', () => {
  assert.ok(sameValue(markSet(['a', 'b']), markSet(['b', 'a'])));
  assert.ok(!sameValue(['a', 'b'], ['b', 'a']));
  assert.ok(sameValue({ a: null }, {}));
  assert.ok(!sameValue(new Unknown(), new Unknown()));
});

test('planned values take their schema type', () => {
  const p = plan(null, { name: 'a', size: '7', tags: { n: 1 } }).plannedState!;
  assert.equal(p.size, 7);
  assert.deepEqual(p.tags, { n: '1' });
  const keep = plan(null, { name: 'a', size: 'many' }).plannedState!;
  assert.equal(keep.size, 'many', 'left for validation to report');
});
