#!/usr/bin/env node
// Runs every *.test.ts under the given folders or files (default: all) with node's test runner.
// Node 20's --test takes no globs, so the files are listed here.
//
// Every entry point sets up what the selected tests need: when one of them talks to a moto
// server (AWS tests import test/helpers/moto.ts), the project-local .venv is made first by
// scripts/setup-venv.sh (idempotent; a no-op when the pinned moto is already there).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const roots = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
const skip = new Set(['node_modules', '.git', '.venv', 'cdktf.out', '.ballast', 'stacks']);
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.ts')) files.push(p);
  }
}
for (const r of roots.length ? roots : ['engine', 'providers', 'state', 'test']) {
  const st = statSync(r, { throwIfNoEntry: false });
  if (!st) {
    process.stderr.write(`run-tests: no such file or folder: ${r}\n`);
    process.exit(1);
  }
  if (st.isFile()) files.push(r);
  else walk(r);
}
files.sort();
if (!files.length) {
  process.stderr.write(`run-tests: no *.test.ts files under ${roots.join(', ')}\n`);
  process.exit(1);
}

const needsMoto = files.filter((f) => /helpers\/moto\.ts['"]/.test(readFileSync(f, 'utf8')));
if (needsMoto.length && process.env.BALLAST_SKIP_SETUP !== '1') {
  const setup = spawnSync('bash', [join(repoRoot, 'scripts', 'setup-venv.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) {
    process.stderr.write(
      `run-tests: scripts/setup-venv.sh failed (exit ${setup.status ?? setup.signal}); these tests need its moto server:\n` +
        needsMoto.map((f) => `  ${relative(repoRoot, f)}\n`).join('') +
        'Fix the setup (it needs python3 with venv and pip, and PyPI reachable once) and run again.\n',
    );
    process.exit(1);
  }
}

const concurrency = process.env.BALLAST_TEST_CONCURRENCY ?? '2';
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...flags, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
