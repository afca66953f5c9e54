import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uiJsonWriter } from './ui-json.ts';
import { error, warning } from '../diagnostics.ts';
import type { ProgressClock } from './apply-progress.ts';
import { Sensitive } from '../lang/value.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withTempDir } from '../../test/helpers/temp-dir.ts';

interface Msg {
  [k: string]: unknown;
  hook?: { resource: { module: string; resource_key: unknown }; elapsed_seconds?: number };
  outputs?: unknown;
  diagnostic?: unknown;
  change?: unknown;
}

function capture() {
  const lines: Msg[] = [];
  const w = uiJsonWriter(
    (l) => {
      assert.ok(l.endsWith('\n') && !l.slice(0, -1).includes('\n'), 'one object per line');
      lines.push(JSON.parse(l) as Msg);
    },
    () => new Date('2026-01-02T03:04:05.678Z'),
  );
  return { w, lines };
}

function fakeClock() {
  let now = 0;
  const timers = new Map<number, () => void>();
  let n = 0;
  const clock: ProgressClock = { setInterval: (fn) => (timers.set(++n, fn), n), clearInterval: (h) => timers.delete(h as number), now: () => now };
  return {
    clock,
    tick: (ms: number) => {
      now += ms;
      for (const f of [...timers.values()]) f();
    },
    running: () => timers.size,
  };
}

test('every message has the common keys', () => {
  const { w, lines } = capture();
  w.version('ballast/1.2.3');
  assert.deepEqual(lines[0], {
    '@level': 'info',
    '@message': 'Ballast 1.2.3',
    '@module': 'terraform.ui',
    '@timestamp': '2026-01-02T03:04:05.678Z',
    terraform: '1.2.3',
    ui: '1.2',
    ballast: '1.2.3',
    type: 'version',
  });
});

test('apply hooks: start, progress every interval, complete, errored', () => {
  const { w, lines } = capture();
  const c = fakeClock();
  const ev = w.applyEvents((a) => (a === 'aws_s3_bucket.b["x"]' ? 'old-id' : undefined), { clock: c.clock, intervalMs: 10_000 });
  ev.onEvent({ kind: 'start', address: 'aws_s3_bucket.b["x"]', action: 'update' });
  ev.onEvent({ kind: 'start', address: 'module.m.null_resource.n[2]', action: 'create' });
  c.tick(10_000);
  ev.onEvent({ kind: 'done', address: 'aws_s3_bucket.b["x"]', action: 'update', ms: 12_500, id: 'old-id' });
  c.tick(5_000);
  ev.onEvent({ kind: 'failed', address: 'module.m.null_resource.n[2]', action: 'create', message: 'boom' });
  assert.equal(c.running(), 0, 'no timer left');
  assert.deepEqual(
    lines.map((l) => [l.type, l['@level'], l['@message']]),
    [
      ['apply_start', 'info', 'aws_s3_bucket.b["x"]: Modifying... [id=old-id]'],
      ['apply_start', 'info', 'module.m.null_resource.n[2]: Creating...'],
      ['apply_progress', 'info', 'aws_s3_bucket.b["x"]: Still modifying... [10s elapsed]'],
      ['apply_progress', 'info', 'module.m.null_resource.n[2]: Still creating... [10s elapsed]'],
      ['apply_complete', 'info', 'aws_s3_bucket.b["x"]: Modifications complete after 12s [id=old-id]'],
      ['apply_progress', 'info', 'module.m.null_resource.n[2]: Still creating... [15s elapsed]'],
      ['apply_errored', 'error', 'module.m.null_resource.n[2]: Creation errored after 15s'],
    ],
  );
  assert.deepEqual(lines[0]!.hook, {
    resource: { addr: 'aws_s3_bucket.b["x"]', module: '', resource: 'aws_s3_bucket.b["x"]', implied_provider: 'aws', resource_type: 'aws_s3_bucket', resource_name: 'b', resource_key: 'x' },
    action: 'update',
    id_key: 'id',
    id_value: 'old-id',
  });
  assert.equal(lines[1]!.hook!.resource.module, 'module.m');
  assert.equal(lines[1]!.hook!.resource.resource_key, 2);
  assert.equal(lines[2]!.hook!.elapsed_seconds, 10);
  assert.equal(lines[6]!.hook!.elapsed_seconds, 15);
});

test('outputs never carry a sensitive value; diagnostics name severity, summary, detail, address', () => {
  const { w, lines } = capture();
  w.appliedOutputs({ a: { value: 'x', sensitive: false }, s: { value: 'hunter2', sensitive: true }, v: { value: 'hunter3', sensitive: false, valueSensitive: true } });
  w.diagnostic(error('Bad thing', 'Because.', { address: 'aws_s3_bucket.b', range: { file: 'main.tf', line: 3, column: 5 } }));
  w.diagnostic(warning('Careful'));
  assert.ok(!JSON.stringify(lines).includes('hunter'));
  assert.deepEqual(lines[0]!.outputs, { a: { sensitive: false, type: 'string', value: 'x' }, s: { sensitive: true, type: 'string' }, v: { sensitive: true, type: 'string' } });
  assert.deepEqual(lines[1]!.diagnostic, {
    severity: 'error',
    summary: 'Bad thing',
    detail: 'Because.',
    address: 'aws_s3_bucket.b',
    range: { filename: 'main.tf', start: { line: 3, column: 5 }, end: { line: 3, column: 5 } },
  });
  assert.equal(lines[1]!['@message'], 'Error: Bad thing');
  assert.equal(lines[2]!['@level'], 'warn');
  // a value under a sensitive mark is withheld even when the output is not declared sensitive
  const { w: w2, lines: l2 } = capture();
  w2.appliedOutputs({ m: { value: new Sensitive('hunter4') as unknown, sensitive: false } });
  assert.ok(!JSON.stringify(l2).includes('hunter4'));
});

test('refresh_start / refresh_complete per object; resource_drift before the planned changes', () => {
  const { w, lines } = capture();
  w.refreshEvent({ kind: 'start', address: 'local_file.f', id: 'abc' });
  w.refreshEvent({ kind: 'done', address: 'local_file.f', id: 'def' });
  w.refreshEvent({ kind: 'start', address: 'module.m.null_resource.n[0]' });
  const drifted = {
    addr: { mode: 'managed' as const, type: 'local_file', name: 'f' },
    provider: 'local',
    before: {},
    after: {},
    beforeSensitive: [],
    afterSensitive: [],
    requiresReplace: [],
    dependencies: [],
    schemaVersion: 0,
  };
  w.plan({
    stack: 's',
    mode: 'normal',
    changes: [{ ...drifted, address: 'local_file.f', action: 'update' }],
    drift: [
      { ...drifted, address: 'local_file.f', action: 'update' },
      { ...drifted, address: 'local_file.gone', action: 'delete' },
    ],
    driftAlerts: [{ address: 'local_file.alerted', deleted: false, paths: ['content'], policySource: 'local_*' }],
    outputs: [],
    diagnostics: [],
    priorSerial: 1,
    priorLineage: 'L',
    configDigest: 'sha256:x',
    sourceRevision: null,
    prior: {},
    priorDigest: null,
  });
  assert.deepEqual(
    lines.map((l) => [l.type, l['@message']]),
    [
      ['refresh_start', 'local_file.f: Refreshing state... [id=abc]'],
      ['refresh_complete', 'local_file.f: Refresh complete [id=def]'],
      ['refresh_start', 'module.m.null_resource.n[0]: Refreshing state...'],
      ['resource_drift', 'local_file.alerted: Drift detected (update)'],
      ['resource_drift', 'local_file.f: Drift detected (update)'],
      ['resource_drift', 'local_file.gone: Drift detected (delete)'],
      ['planned_change', 'local_file.f: Plan to update'],
      ['change_summary', 'Plan: 0 to add, 1 to change, 0 to destroy.'],
    ],
  );
  assert.deepEqual(lines[0]!.hook, {
    resource: { addr: 'local_file.f', module: '', resource: 'local_file.f', implied_provider: 'local', resource_type: 'local_file', resource_name: 'f', resource_key: null },
    id_key: 'id',
    id_value: 'abc',
  });
  assert.deepEqual(Object.keys(lines[2]!.hook!), ['resource'], 'no id keys without an id');
  assert.deepEqual(lines[5]!.change, {
    resource: { addr: 'local_file.gone', module: '', resource: 'local_file.gone', implied_provider: 'local', resource_type: 'local_file', resource_name: 'gone', resource_key: null },
    action: 'delete',
  });
});

test('a diagnostic with a readable source position has a snippet and byte offsets, as Terraform writes them', () =>
  withTempDir(async (dir) => {
    const file = join(dir, 'main.tf');
    await writeFile(file, 'variable "name" {\n  default = "é"\n}\noutput "oops" { value = var.nmae }\n');
    const { w, lines } = capture();
    w.diagnostic(
      error('Reference to undeclared input variable', 'Did you mean "name"?', { address: 'output.oops', range: { file, line: 4, column: 1, pointer: '/output/oops', subject: 'var.nmae' } }),
    );
    const d = lines[0]!.diagnostic as Record<string, unknown>;
    // the same numbers terraform 1.11 writes for this file (the é before takes two bytes)
    assert.deepEqual(d.range, { filename: file, start: { line: 4, column: 25, byte: 61 }, end: { line: 4, column: 33, byte: 69 } });
    assert.deepEqual(d.snippet, { context: 'output "oops"', code: 'output "oops" { value = var.nmae }', start_line: 4, highlight_start_offset: 24, highlight_end_offset: 32, values: [] });
  }));

test('an import block: named on its planned change and counted in both change summaries, as terraform 1.11 writes them', () => {
  const { w, lines } = capture();
  const base = { provider: 'terraform', before: {}, after: {}, beforeSensitive: [], afterSensitive: [], requiresReplace: [], dependencies: [], schemaVersion: 0 };
  w.plan({
    stack: 's',
    mode: 'normal',
    changes: [
      { ...base, addr: { mode: 'managed', type: 'terraform_data', name: 'n' }, address: 'terraform_data.n', action: 'create' },
      { ...base, addr: { mode: 'managed', type: 'terraform_data', name: 't' }, address: 'terraform_data.t', action: 'update', importing: { id: 'abc-123' } },
    ],
    drift: [],
    outputs: [],
    diagnostics: [],
    priorSerial: null,
    priorLineage: null,
    configDigest: 'sha256:x',
    sourceRevision: null,
    prior: {},
    priorDigest: null,
  });
  w.summary({ add: 1, change: 1, destroy: 0, import: 1 }, 'apply');
  const planned = lines.filter((l) => l.type === 'planned_change');
  assert.deepEqual((planned[1]!.change as { importing?: unknown }).importing, { id: 'abc-123' });
  assert.equal((planned[0]!.change as { importing?: unknown }).importing, undefined);
  const summaries = lines.filter((l) => l.type === 'change_summary');
  assert.deepEqual(
    summaries.map((l) => [l['@message'], l.changes]),
    [
      ['Plan: 1 to import, 1 to add, 1 to change, 0 to destroy.', { add: 1, change: 1, import: 1, remove: 0, operation: 'plan' }],
      ['Apply complete! Resources: 1 imported, 1 added, 1 changed, 0 destroyed.', { add: 1, change: 1, import: 1, remove: 0, operation: 'apply' }],
    ],
  );
});
