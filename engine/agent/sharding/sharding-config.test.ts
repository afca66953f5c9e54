import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../diagnostics.ts';
import { resolveSharding } from './sharding-config.ts';

test('sharding is off unless configured; defaults follow the lease duration', () => {
  const diags: Diagnostic[] = [];
  assert.equal(resolveSharding(undefined, {}, diags), undefined);
  const c = resolveSharding({ leases: { namespace: 'ballast-system' } }, {}, diags);
  assert.deepEqual(diags, []);
  assert.deepEqual(c, { namespace: 'ballast-system', shards: 64, leaseDurationMs: 15_000, renewIntervalMs: 5000, fenceMarginMs: 3000, group: 'ballast', replicaName: undefined });
  const f = resolveSharding({ leases: { namespace: 'a', shards: 8 } }, { namespace: 'b', leaseDuration: '6s', replicaName: 'r1' }, diags);
  assert.equal(f?.namespace, 'b');
  assert.equal(f?.shards, 8);
  assert.equal(f?.renewIntervalMs, 2000);
  assert.equal(f?.replicaName, 'r1');
});

test('bad sharding settings name the flag or field', () => {
  const diags: Diagnostic[] = [];
  resolveSharding(undefined, { shards: 8 }, diags);
  assert.match(diags[0]!.summary, /--shard-lease-namespace is required/);
  const d2: Diagnostic[] = [];
  resolveSharding(undefined, { namespace: 'ns', leaseDuration: '1500ms', renewInterval: '10s' }, d2);
  assert.ok(d2.some((d) => /--lease-duration must be a whole number of seconds/.test(d.summary)));
  assert.ok(d2.some((d) => /--lease-renew-interval must be more than 0s and at most half/.test(d.summary)));
  const d3: Diagnostic[] = [];
  resolveSharding({ leases: { namespace: 'Bad_NS' } }, {}, d3);
  assert.match(d3[0]!.summary, /must be a Kubernetes namespace name/);
});
