import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, parseDuration, requireDuration } from './duration.ts';

test('parses seconds, minutes, hours and combinations', () => {
  assert.equal(parseDuration('30s'), 30_000);
  assert.equal(parseDuration('10m'), 600_000);
  assert.equal(parseDuration('1h'), 3_600_000);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration('1.5s'), 1500);
  assert.equal(parseDuration(' 2m '), 120_000);
});

test('refuses text without a unit or with junk', () => {
  for (const bad of ['', '30', 's', '10 m', '1d', '-5s', '5s!', 'abc', '1h 30m']) assert.equal(parseDuration(bad), null, bad);
});

test('requireDuration names where the bad value came from', () => {
  assert.throws(() => requireDuration('5', '--interval'), /--interval: "5" is not a duration/);
  assert.equal(requireDuration('5s', '--interval'), 5000);
});

test('formats durations back', () => {
  assert.equal(formatDuration(90_000), '1m30s');
  assert.equal(formatDuration(3_600_000), '1h');
  assert.equal(formatDuration(1500), '1s500ms');
  assert.equal(formatDuration(0), '0s');
});
