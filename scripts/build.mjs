// Compiles the CLI to JavaScript in dist/: one ESM bundle of Ballast's own code (dependencies stay
// external, resolved from node_modules), split at dynamic imports so each command loads only its
// own chunk, with source maps. Chunks sit beside the entry so `new URL('../package.json',
// import.meta.url)` and the synth hook files resolve the same way from any of them.
import { copyFile, cp, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
// built beside dist/ and swapped in, so a CLI already running from dist/ never sees it half-written
const out = `${root}dist.${process.pid}.tmp`;

// @kubernetes/client-node is bundled, not external: its index loads ~830 modules (every API
// model) on import, half a second of CPU on each CLI run with a Kubernetes stack, while Ballast
// uses KubeConfig and, in the agent, the Lease API. Its files only define things, so they are
// marked free of side effects and esbuild keeps what is used; its own dependencies stay external
// (and are declared in package.json, like every external).
const clientNodeDir = dirname(createRequire(import.meta.url).resolve('@kubernetes/client-node'));
const bundleClientNode = {
  name: 'bundle-client-node',
  setup(b) {
    b.onResolve({ filter: /^@kubernetes\/client-node$/ }, () => ({ path: join(clientNodeDir, 'index.js'), sideEffects: false }));
    b.onResolve({ filter: /^\.\.?\// }, (args) => (args.importer.startsWith(clientNodeDir + sep) ? { path: join(dirname(args.importer), args.path), sideEffects: false } : undefined));
  },
};

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const result = await build({
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
  metafile: true,
  plugins: [bundleClientNode],
});
// Dependencies stay external, so each one the bundle imports must be a declared dependency: a
// package that is only in node_modules by chance (hoisted from another's dependencies) would be
// missing from a user's install.
const pkg = JSON.parse(await readFile(`${root}package.json`, 'utf8'));
const declared = new Set(Object.keys(pkg.dependencies ?? {}));
const builtins = new Set(builtinModules);
const undeclared = new Set();
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  for (const imp of output.imports) {
    if (!imp.external || imp.path.startsWith('node:') || builtins.has(imp.path)) continue;
    const name = imp.path.startsWith('@') ? imp.path.split('/').slice(0, 2).join('/') : imp.path.split('/')[0];
    if (!declared.has(name)) undeclared.add(`${name} (imported by ${file.replace(/^.*\//, 'dist/')})`);
  }
}
if (undeclared.size) {
  await rm(out, { recursive: true, force: true });
  process.stderr.write(`build: the compiled CLI imports packages package.json does not list in "dependencies":\n  ${[...undeclared].join('\n  ')}\n`);
  process.exit(1);
}
// run at synth time by a child node process, next to the chunk that references them
for (const f of ['register-module-fallback.mjs', 'module-fallback-hook.mjs']) {
  await copyFile(`${root}engine/synth/${f}`, `${out}/${f}`);
}
// read at run time by the plugin bridge (providers/plugin/plugin-process.ts: proto/ beside its chunk)
await cp(`${root}providers/plugin/proto`, `${out}/proto`, { recursive: true });
// read at start by the web UI (engine/ui/ui-server.ts: assets/ beside its chunk)
await cp(`${root}engine/ui/assets`, `${out}/assets`, { recursive: true });
await rm(`${dist}.old`, { recursive: true, force: true });
await rename(dist, `${dist}.old`).catch((e) => {
  if (e.code !== 'ENOENT') throw e;
});
await rename(out, dist);
await rm(`${dist}.old`, { recursive: true, force: true });
