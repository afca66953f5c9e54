// Finds the entry file of a cdktf app from cdktf.json's `app` command. Ballast runs the entry
// itself (node + TypeScript loader + module fallback) instead of the command, so the common
// spellings are understood: `npx ts-node main.ts`, `npx tsx main.ts`, `ts-node main.ts`,
// `node main.js`, `npm run build && node main.js`, `node --import tsx main.ts`, ...

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SynthError } from './synth-error.ts';

const SCRIPT_EXT = /\.(ts|mts|cts|tsx|js|mjs|cjs|jsx)$/;
const TS_SIBLING: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** The entry file named in `app`, relative to the stack directory (not checked to exist). */
export function entryFromAppCommand(app: string): string | undefined {
  // With `a && b`, the last command is the one that runs the app.
  const segments = app
    .split(/&&|;|\|\|/)
    .map((s) => s.trim())
    .filter(Boolean);
  const last = segments.at(-1) ?? '';
  const words = [...last.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  return words.find((w) => !w.startsWith('-') && SCRIPT_EXT.test(w));
}

/** Absolute entry file for a stack directory; prefers TypeScript source over compiled JS. */
export function resolveAppEntry(stackDir: string, app: unknown, cdktfJsonPath: string): string {
  if (app === undefined) {
    for (const candidate of ['main.ts', 'main.js']) {
      if (existsSync(join(stackDir, candidate))) return resolve(stackDir, candidate);
    }
    throw new SynthError(`${cdktfJsonPath} has no "app" and ${stackDir} has no main.ts or main.js`);
  }
  if (typeof app !== 'string' || !app.trim()) throw new SynthError(`malformed cdktf.json ${cdktfJsonPath}: "app" must be a command string`);
  const entry = entryFromAppCommand(app);
  if (!entry) {
    throw new SynthError(`cannot run app "${app}" from ${cdktfJsonPath}: Ballast runs TypeScript/JavaScript apps and found no script file (*.ts, *.js, ...) in the command`);
  }
  const abs = resolve(stackDir, entry);
  // `npm run compile && node main.js`: the compiled file may not exist in a fresh checkout,
  // but we compile on the fly, so run the TypeScript source it came from.
  const ext = /\.[^.]+$/.exec(abs)?.[0] ?? '';
  for (const tsExt of TS_SIBLING[ext] ?? []) {
    const ts = abs.slice(0, -ext.length) + tsExt;
    if (existsSync(ts)) return ts;
  }
  if (!existsSync(abs)) throw new SynthError(`app entry ${abs} (from "app": "${app}" in ${cdktfJsonPath}) does not exist`);
  return abs;
}
