// Compiles the CLI to JavaScript in dist/: one ESM bundle of Ballast's own code (dependencies stay
// external, resolved from node_modules), split at dynamic imports so each command loads only its
// own chunk, with source maps. Chunks sit beside the entry so `new URL('../package.json',
// import.meta.url)` and the synth hook files resolve the same way from any of them.
// A few small pure-JavaScript dependencies that nearly every command loads are the exception: each
// is pre-bundled into one file, dist/vendor/<name>.js. Node's loader pays per file (resolve, read,
// compile, link) and yargs alone is ~50 files: one file instead halves its start-up CPU.
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

// Pure JavaScript (no native parts, no files read beside their own modules, except yargs' optional
// locale files: the CLI speaks English only and turns locale detection off, engine/cli/main.ts).
const VENDORED = ['yargs', 'jsonc-parser', 'lossless-json'];
/**
 * string-width (yargs' help layout) builds Unicode-property regular expressions and an
 * Intl.Segmenter when its module loads: ~30 ms of CPU on every run, for a function only --help
 * and usage errors call. Its importers get a stand-in that loads it (bundled, initialised on first
 * use: esbuild wraps a required ESM module) the first time a width is measured.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (a) =>
      a.kind === 'require-call' ? undefined : { path: `${a.resolveDir}/string-width (lazy)`, namespace: 'lazy-string-width', pluginData: { resolveDir: a.resolveDir } },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (a) => ({
      contents: "let impl;\nexport default function stringWidth(s, o) {\n  impl ??= require('string-width').default;\n  return impl(s, o);\n}\n",
      resolveDir: a.pluginData.resolveDir,
      loader: 'js',
    }));
  },
};
const vendorFile = (name) => `vendor/${name.replace(/[@/]/g, '_')}.js`;
for (const name of VENDORED) {
  await build({
    absWorkingDir: root,
    stdin: { contents: `export * from '${name}';\n${name === 'yargs' ? `export { default } from '${name}';\n` : ''}`, resolveDir: root, loader: 'js' },
    outfile: `${out}/${vendorFile(name)}`,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // the ESM build of each (jsonc-parser's `main` is a UMD file whose requires esbuild cannot follow)
    mainFields: ['module', 'main'],
    plugins: [lazyStringWidth],
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}
/** `import 'yargs'` in Ballast's code → the pre-bundled file beside the chunks */
const vendored = {
  name: 'vendored',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) => (VENDORED.includes(a.path) ? { path: `./${vendorFile(a.path)}`, external: true } : undefined));
  },
};

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
  plugins: [vendored, bundleClientNode],
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
    if (!imp.external || imp.path.startsWith('node:') || builtins.has(imp.path) || imp.path.startsWith('./vendor/')) continue;
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
