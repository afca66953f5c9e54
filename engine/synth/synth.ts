// Synthesis: turn an input (a cdktf app directory, an already synthesized out dir, a directory
// of Terraform files, or a single *.tf.json; see stack-kinds.ts) into stacks of Terraform JSON in dependency order.

import { readdir, rm, mkdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { resolveAppEntry } from './app-entry.ts';
import { MANIFEST_FILE, parseManifest } from './manifest.ts';
import { readJsonFile } from './read-json-file.ts';
import { runApp } from './run-app.ts';
import { orderByDependencies, selectOrdered } from './stack-order.ts';
import { SynthError } from './synth-error.ts';
import { readTerraformDirectory } from './hcl-stack.ts';
import { embedModules } from './module-sources.ts';
import { STACK_KINDS, stackKindOf } from './stack-kinds.ts';
import { stackNameForPath, stackNameProblem } from './stack-name.ts';
import type { SynthResult, SynthStack } from './synth-result.ts';

export { SynthError } from './synth-error.ts';
export type { SynthResult, SynthStack } from './synth-result.ts';

export const CDKTF_JSON = 'cdktf.json';
const DEFAULT_OUT_DIR = 'cdktf.out';

export interface SynthOptions {
  /** where the app writes its output (default: cdktf.json "output", else <stackdir>/cdktf.out); only used for app directories */
  outDir?: string;
  /** base environment for the app process (default process.env) */
  env?: NodeJS.ProcessEnv;
  /** aborting kills the app process */
  signal?: AbortSignal;
}

export async function synthesize(input: string, opts: SynthOptions = {}): Promise<SynthResult> {
  const result = await synthesizeInput(input, opts);
  // modules the stacks call are read now, so the recorded configuration is self-contained
  for (const s of result.stacks) {
    if (isRecord(s.json) && (await embedModules(s.json, s.dir, opts.env ?? process.env))) s.bytes = Buffer.from(JSON.stringify(s.json));
  }
  return result;
}

function relativeModules(list: unknown): { cdktfRelativeModules?: string[] } {
  if (!Array.isArray(list)) return {};
  const sources = list.map((m) => (typeof m === 'string' ? m : isRecord(m) && typeof m.source === 'string' ? m.source : '')).filter((s) => s.startsWith('./') || s.startsWith('../'));
  return sources.length ? { cdktfRelativeModules: sources } : {};
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

async function synthesizeInput(input: string, opts: SynthOptions): Promise<SynthResult> {
  const path = resolve(input);
  const st = await stat(path).catch(() => undefined);
  if (!st) throw new SynthError(`stack input ${path} does not exist`);
  if (st.isFile()) {
    const name = basename(path);
    if (name === CDKTF_JSON) return synthesizeApp(dirname(path), opts);
    if (name === MANIFEST_FILE) return readSynthesized(dirname(path));
    if (name.endsWith('.tf.json')) return readSingleFile(path);
    throw new SynthError(`cannot synthesize ${path}: expected a directory, a ${CDKTF_JSON}, a ${MANIFEST_FILE} or a *.tf.json file`);
  }
  if (!st.isDirectory()) throw new SynthError(`stack input ${path} is neither a file nor a directory`);
  const names = await readdir(path);
  const kind = stackKindOf(names);
  switch (kind?.name) {
    case 'cdktf-app':
      return synthesizeApp(path, opts);
    case 'synthesized':
      return readSynthesized(path);
    case 'terraform-directory':
      return readDirectory(path);
    case 'terraform-json': {
      const tfJson = names.filter((n) => n.endsWith('.tf.json'));
      return readSingleFile(join(path, tfJson[0]!));
    }
    case 'kustomize':
      return (await clusterApps()).loadClusterApp(path, 'kustomize', { outDir: opts.outDir, env: opts.env, signal: opts.signal });
    case 'cdk8s-app':
      return (await clusterApps()).loadClusterApp(path, 'cdk8s', { outDir: opts.outDir, env: opts.env, signal: opts.signal });
    case 'kubernetes-yaml':
      return (await clusterApps()).loadClusterApp(path, 'yaml', { outDir: opts.outDir, env: opts.env, signal: opts.signal });
    default: {
      // manifests only in subdirectories are still a cluster app
      const { detectClusterApp, loadClusterApp } = await clusterApps();
      if ((await detectClusterApp(path)) === 'yaml') return loadClusterApp(path, 'yaml', { outDir: opts.outDir, env: opts.env, signal: opts.signal });
      throw new SynthError(`nothing to synthesize in ${path}: looked for ${STACK_KINDS.map((k) => k.describe).join(', ')}`);
    }
  }
}

/** Cluster apps (YAML, kustomize, cdk8s) load their readers only when a stack is one. */
const clusterApps = () => import('./cluster-app/load-cluster-app.ts');

/** The named stacks (all when `names` is empty), in dependency order; unknown names are an error listing the available stacks. */
export function selectStacks(result: SynthResult, names: string[]): SynthStack[] {
  return selectOrdered(result.stacks, names);
}

async function synthesizeApp(stackDir: string, opts: SynthOptions): Promise<SynthResult> {
  const cdktfJsonPath = join(stackDir, CDKTF_JSON);
  const { json: config } = await readJsonFile(cdktfJsonPath, CDKTF_JSON);
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new SynthError(`malformed ${CDKTF_JSON} ${cdktfJsonPath}: expected a JSON object`);
  }
  const c = config as { app?: unknown; output?: unknown; context?: unknown; terraformModules?: unknown };
  const entry = resolveAppEntry(stackDir, c.app, cdktfJsonPath);
  if (c.output !== undefined && typeof c.output !== 'string') throw new SynthError(`malformed ${CDKTF_JSON} ${cdktfJsonPath}: "output" must be a string`);
  if (c.context !== undefined && (typeof c.context !== 'object' || c.context === null || Array.isArray(c.context))) {
    throw new SynthError(`malformed ${CDKTF_JSON} ${cdktfJsonPath}: "context" must be an object`);
  }
  const outDir = opts.outDir ? resolve(opts.outDir) : resolve(stackDir, (c.output as string | undefined) ?? DEFAULT_OUT_DIR);
  // A stale manifest must not pass for this run's output if the app never calls synth().
  await mkdir(outDir, { recursive: true });
  await rm(join(outDir, MANIFEST_FILE), { force: true });
  await runApp({
    cwd: stackDir,
    entry,
    outDir,
    // What the cdktf CLI passes: the user's context plus where cdktf.json is (TerraformAsset needs it).
    // and, as the cdktf CLI does, the local modules of "terraformModules" (TerraformHclModule with a ./ source needs them)
    context: { ...relativeModules(c.terraformModules), ...(c.context as Record<string, unknown> | undefined), cdktfJsonPath },
    env: opts.env,
    signal: opts.signal,
  });
  if (!existsSync(join(outDir, MANIFEST_FILE))) {
    throw new SynthError(`synthesis in ${stackDir} produced no ${MANIFEST_FILE} in ${outDir}: does the app call app.synth()?`);
  }
  return readSynthesized(outDir);
}

async function readSynthesized(outDir: string): Promise<SynthResult> {
  const manifestPath = join(outDir, MANIFEST_FILE);
  const { json } = await readJsonFile(manifestPath, 'manifest');
  const manifest = parseManifest(json, manifestPath);
  const stacks: SynthStack[] = [];
  for (const m of manifest.stacks) {
    const file = resolve(outDir, m.synthesizedStackPath);
    for (const p of [file, resolve(outDir, m.workingDirectory)]) {
      if (relative(outDir, p).startsWith('..') || isAbsolute(relative(outDir, p))) throw new SynthError(`malformed manifest ${manifestPath}: stack "${m.name}" points outside ${outDir} (${p})`);
    }
    const { json: stackJson, bytes } = await readJsonFile(file, `stack "${m.name}" JSON`);
    assertObject(stackJson, file);
    stacks.push({ name: m.name, file, json: stackJson, bytes, dependencies: m.dependencies, dir: resolve(outDir, m.workingDirectory) });
  }
  return { outDir, stacks: orderByDependencies(stacks) };
}

async function readSingleFile(file: string): Promise<SynthResult> {
  const { json, bytes } = await readJsonFile(file, 'Terraform JSON');
  assertObject(json, file);
  const name = basename(file).replace(/\.tf\.json$/, '');
  const problem = stackNameProblem(name);
  if (problem) throw new SynthError(`${file}: the stack name ${JSON.stringify(name)} taken from the file name ${problem}; rename the file`);
  return { outDir: dirname(file), stacks: [{ name, file, json, bytes, dependencies: [], dir: dirname(file), generic: true }] };
}

/** A directory of Terraform files is one stack, as for terraform; its JSON is the merged, normalized configuration. */
async function readDirectory(dir: string): Promise<SynthResult> {
  const d = await readTerraformDirectory(dir);
  const bytes = Buffer.from(JSON.stringify(d.json, null, 2));
  return {
    outDir: dir,
    stacks: [{ name: stackNameForPath(dir), file: dir, json: d.json, bytes, dependencies: [], dir, varFiles: d.varFiles, locate: d.locate, generic: true }],
  };
}

function assertObject(json: unknown, file: string): void {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new SynthError(`malformed Terraform JSON ${file}: expected a JSON object at the top level`);
  }
}
