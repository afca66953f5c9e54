// The npm package as users get it: `npm pack` (dist/ built by `prepare` or `pretest`), then
// `npm install -g` of the tarball into a temporary prefix, then the installed `ballast` plans
// the bundled example (a cdktf app, synthesized with the package's own cdktf bindings).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from './helpers/temp-dir.ts';
import { repoRoot } from './helpers/repo-root.ts';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('the packed tarball carries no tests, benches or CI, installs globally and plans the example', { timeout: 900_000 }, async () => {
  const work = await makeTempDir('ballast-pack-');
  // --ignore-scripts: `npm test` built dist/ already (pretest); rebuilding here would swap it
  // under the CLI tests running beside this one
  const packed = await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: repoRoot, maxBuffer: 1 << 26 });
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  assert.ok(info, 'npm pack reported the tarball');
  const paths = info.files.map((f) => f.path);
  assert.ok(paths.includes('bin/ballast') && paths.includes('dist/ballast.js'), paths.join(', '));
  for (const p of paths) {
    assert.ok(!/(^|\/)(test|bench|\.ci|scripts|stacks|node_modules)\/|\.test\.|\.ts$/.test(p), `${p} does not belong in the package`);
  }

  const prefix = join(work, 'prefix');
  // packages come from the npm cache when it has them (the checkout's install filled it)
  await run(npm, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(work, info.filename)], {
    cwd: work,
    maxBuffer: 1 << 26,
  });
  const ballast = join(prefix, 'bin', 'ballast');
  const version = await run(ballast, ['--version'], { cwd: work });
  assert.match(version.stdout, /^ballast\/\d+\.\d+\.\d+/);

  const app = join(work, 'example');
  await cp(join(repoRoot, 'stacks', 'example'), app, { recursive: true });
  // exit code 2 with --detailed-exitcode: the plan worked and proposes creations
  const plan = await run(ballast, ['plan', '--detailed-exitcode'], { cwd: app, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
  );
  assert.equal(plan.code, 2, plan.stderr);
  assert.match(plan.stdout, /will be created/);
  assert.match(plan.stdout, /Plan: \d+ to add, 0 to change, 0 to destroy/);
});
