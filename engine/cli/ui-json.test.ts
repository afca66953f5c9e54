import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uiJsonWriter } from './ui-json.ts';
import { error, warning } from '../diagnostics.ts';
import type { ProgressClock } from './apply-progress.ts';
import { Sensitive } from '../lang/value.ts';

interface Msg {
  [k: string]: unknown;
  hook?: { resource: { module: string; resource_key: unknown }; elapsed_seconds?: number };
  outputs?: unknown;
  diagnostic?: unknown;
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
