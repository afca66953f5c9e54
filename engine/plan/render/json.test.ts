import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sensitive, UNKNOWN } from '../../lang/value.ts';
import { planToJson, sensitiveAsBool, unknownAsBool } from './json.ts';
import { pathTree } from './value-format.ts';
import { change, plan } from './testdata/plan-fixtures.ts';

// JSON.parse(JSON.stringify()) proves the object is plain JSON (no Unknown, no Sensitive left).
const roundTrip = (x: object) => JSON.parse(JSON.stringify(x));

test('top-level shape follows terraform show -json', () => {
  const j = roundTrip(planToJson(plan([change('aws_x.a', 'create', null, { id: UNKNOWN })]), { engineVersion: 'ballast 0.1.0' }));
  assert.equal(j.format_version, '1.2');
  assert.equal(j.terraform_version, 'ballast 0.1.0');
  assert.equal(j.errored, false);
  assert.equal(j.applyable, true);
  assert.deepEqual(j.resource_drift, []);
  assert.equal(j.resource_changes.length, 1);
  assert.deepEqual(j.output_changes, {});
  assert.deepEqual(j.ballast, { stack: 'app', mode: 'normal', prior_serial: 3, prior_lineage: 'L', config_digest: 'sha256:x', source_revision: 'main@sha1:abc' });
  assert.equal(roundTrip(planToJson(plan([]))).terraform_version, 'ballast');
});

test('resource change: address parts, actions, replace_paths, action_reason', () => {
  const j = roundTrip(
    planToJson(
      plan([
        change('aws_s3_bucket.site["prod"]', 'delete-then-create', { id: 'b', bucket: 'a' }, { id: UNKNOWN, bucket: 'b' }, { requiresReplace: [['bucket']], reason: 'replace-because-cannot-update' }),
        change('aws_sqs_queue.q[2]', 'delete', { id: 'q' }, null, { reason: 'delete-because-count-index' }),
        change('data.aws_ami.x', 'read', null, { id: 'ami' }),
      ]),
    ),
  );
  const [rep, del, read] = j.resource_changes;
  assert.deepEqual(rep, {
    address: 'aws_s3_bucket.site["prod"]',
    mode: 'managed',
    type: 'aws_s3_bucket',
    name: 'site',
    index: 'prod',
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions: ['delete', 'create'],
      before: { id: 'b', bucket: 'a' },
      after: { bucket: 'b' },
      after_unknown: { id: true },
      before_sensitive: {},
      after_sensitive: {},
      replace_paths: [['bucket']],
    },
    action_reason: 'replace_because_cannot_update',
  });
  assert.equal(del.index, 2);
  assert.deepEqual(del.change, { actions: ['delete'], before: { id: 'q' }, after: null, after_unknown: {}, before_sensitive: {}, after_sensitive: false });
  assert.equal(del.action_reason, 'delete_because_count_index');
  assert.equal(read.mode, 'data');
  assert.ok(!('index' in read));
  assert.ok(!('action_reason' in read));
  assert.deepEqual(read.change.before_sensitive, false);
});

test('after_unknown mirrors the structure with true at unknown leaves', () => {
  const after = { id: UNKNOWN, name: 'x', list: ['a', UNKNOWN], obj: { k: UNKNOWN, known: 1, nested: { deep: 'z' } }, whole: UNKNOWN };
  const j = roundTrip(planToJson(plan([change('aws_x.a', 'create', null, after)])));
  assert.deepEqual(j.resource_changes[0].change.after_unknown, { id: true, list: [false, true], obj: { k: true, nested: {} }, whole: true });
  // unknown attributes are left out of `after` (list positions stay, as null), as in Terraform
  assert.deepEqual(j.resource_changes[0].change.after, { name: 'x', list: ['a', null], obj: { known: 1, nested: { deep: 'z' } } });
  assert.equal(unknownAsBool('x'), false);
  assert.equal(unknownAsBool(UNKNOWN), true);
});

test('sensitive values are null in before/after and marked in *_sensitive', () => {
  const j = roundTrip(
    planToJson(
      plan([
        change(
          'aws_x.a',
          'update',
          { id: 'a', password: 'old-pw', tags: { token: 't1', Name: 'n' }, list: ['p', 'q'] },
          { id: 'a', password: 'new-pw', tags: { token: 't2', Name: 'n' }, list: ['p', new Sensitive('r')] },
          { beforeSensitive: [['password'], ['tags', 'token']], afterSensitive: [['password'], ['tags', 'token']] },
        ),
      ]),
    ),
  );
  const c = j.resource_changes[0].change;
  // a mark on either side withholds the value on both (list[1] is marked only after)
  assert.deepEqual(c.before, { id: 'a', password: null, tags: { token: null, Name: 'n' }, list: ['p', null] });
  assert.deepEqual(c.after, { id: 'a', password: null, tags: { token: null, Name: 'n' }, list: ['p', null] });
  assert.deepEqual(c.before_sensitive, { password: true, tags: { token: true }, list: [false, true] });
  assert.deepEqual(c.after_sensitive, { password: true, tags: { token: true }, list: [false, true] });
  assert.deepEqual(sensitiveAsBool({ a: 1 }, pathTree([[]])), true);
});

test('output changes: all outputs keyed by name, sensitive ones redacted', () => {
  const j = roundTrip(
    planToJson(
      plan([], {
        outputs: [
          { name: 'url', action: 'update', before: 'a', after: 'b', sensitive: false },
          { name: 'arn', action: 'create', before: undefined, after: UNKNOWN, sensitive: false },
          { name: 'key', action: 'create', before: undefined, after: 'sekrit', sensitive: true },
          { name: 'same', action: 'no-op', before: { a: [1] }, after: { a: [1] }, sensitive: false },
        ],
      }),
    ),
  );
  assert.deepEqual(j.output_changes, {
    url: { actions: ['update'], before: 'a', after: 'b', after_unknown: false, before_sensitive: false, after_sensitive: false },
    arn: { actions: ['create'], before: null, after_unknown: true, before_sensitive: false, after_sensitive: false },
    key: { actions: ['create'], before: null, after: null, after_unknown: false, before_sensitive: true, after_sensitive: true },
    same: { actions: ['no-op'], before: { a: [1] }, after: { a: [1] }, after_unknown: false, before_sensitive: { a: [false] }, after_sensitive: { a: [false] } },
  });
});

test('drift uses the same shape', () => {
  const j = roundTrip(planToJson(plan([], { drift: [change('aws_x.a', 'update', { id: 'a', v: 1 }, { id: 'a', v: 2 })] })));
  assert.deepEqual(j.resource_drift[0].change.actions, ['update']);
  assert.deepEqual(j.resource_drift[0].change.after, { id: 'a', v: 2 });
});

test('errored follows error diagnostics', () => {
  const j = roundTrip(planToJson(plan([], { diagnostics: [{ severity: 'error', summary: 'bad' }] })));
  assert.equal(j.errored, true);
  assert.equal(j.applyable, false);
});
