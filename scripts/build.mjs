// Compiles the CLI to JavaScript in dist/: one ESM bundle of Ballast's own code (dependencies stay
// external, resolved from node_modules), split at dynamic imports so each command loads only its
// own chunk, with source maps. Chunks sit beside the entry so `new URL('../package.json',
// import.meta.url)` and the synth hook files resolve the same way from any of them.
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
// built beside dist/ and swapped in, so a CLI already running from dist/ never sees it half-written
const out = `${root}dist.${process.pid}.tmp`;

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: { ballast: 'engine/cli/main.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
});
// run at synth time by a child node process, next to the chunk that references them
for (const f of ['register-module-fallback.mjs', 'module-fallback-hook.mjs']) {
  await copyFile(`${root}engine/synth/${f}`, `${out}/${f}`);
}
await rm(`${dist}.old`, { recursive: true, force: true });
await rename(dist, `${dist}.old`).catch((e) => {
  if (e.code !== 'ENOENT') throw e;
});
await rename(out, dist);
await rm(`${dist}.old`, { recursive: true, force: true });
