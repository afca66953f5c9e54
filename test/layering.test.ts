// The dependency rules catch what they promise: a copy of the real code with three planted
// violations (state importing a provider, production code importing a test helper, two folders
// depending on each other) fails `npm run deps` and names each rule.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers/repo-root.ts';
import { withTempDir } from './helpers/temp-dir.ts';

const COPIED = ['engine', 'providers', 'state', 'test', 'bench', 'scripts', '.dependency-cruiser.cjs', 'tsconfig.json', 'package.json'];

test('the dependency check fails on planted layering violations and names each rule', async () => {
  await withTempDir((dir) => {
    for (const p of COPIED) cpSync(join(repoRoot, p), join(dir, p), { recursive: true, filter: (src) => !/(cdktf\.out|\.ballast)$/.test(src) });
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    appendFileSync(join(dir, 'state/model.ts'), "\nimport type { Provider } from '../providers/provider.ts';\nexport type PlantedProvider = Provider;\n");
    appendFileSync(join(dir, 'engine/plan/plan.ts'), "\nimport type { MotoServer } from '../../test/helpers/moto.ts';\nexport type PlantedMoto = MotoServer;\n");
    // sources -> synth and synth -> sources through different files: no module cycle, a folder cycle
    appendFileSync(join(dir, 'engine/sources/source.ts'), "\nimport type { SynthError } from '../synth/synth-error.ts';\nexport type PlantedSynthError = SynthError;\n");
    appendFileSync(join(dir, 'engine/synth/synth-result.ts'), "\nimport type { Artifact } from '../sources/source.ts';\nexport type PlantedArtifact = Artifact;\n");

    const r = spawnSync(process.execPath, ['scripts/check-layering.mjs'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /error state-imports-only-engine-leaves: state\/model\.ts → providers\/provider\.ts/);
    assert.match(r.stderr, /error no-test-support-in-production: engine\/plan\/plan\.ts → test\/helpers\/moto\.ts/);
    assert.match(r.stderr, /error no-circular-between-folders: engine\/sources, engine\/synth depend on each other/);
    assert.doesNotMatch(r.stderr, /no-circular:/, 'the folder cycle was planted without a module cycle');
  });
});
