import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSettings } from './settings.ts';

test('a kubeconfig that cannot be read is named in the error (a directory, malformed YAML)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'));
  try {
    const asDir = resolveSettings({}, { KUBECONFIG: dir, HOME: '/nonexistent' });
    assert.equal(asDir.diagnostics[0]?.summary, 'Invalid Kubernetes client configuration');
    assert.match(asDir.diagnostics[0]?.detail ?? '', new RegExp(`^Reading ${dir}: EISDIR`));
    const broken = join(dir, 'config');
    writeFileSync(broken, 'apiVersion: v1\nclusters: [unclosed\n');
    const bad = resolveSettings({}, { KUBECONFIG: broken, HOME: '/nonexistent' });
    assert.match(bad.diagnostics[0]?.detail ?? '', new RegExp(`^Reading ${broken}: `));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
