#!/usr/bin/env node
// Runs every *.test.ts under the given folders (default: all) with node's test runner.
// Node 20's --test takes no globs, so the files are listed here.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

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
  if (statSync(r, { throwIfNoEntry: false })?.isFile()) files.push(r);
  else if (statSync(r, { throwIfNoEntry: false })) walk(r);
}
files.sort();
const concurrency = process.env.BALLAST_TEST_CONCURRENCY ?? '2';
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...flags, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
