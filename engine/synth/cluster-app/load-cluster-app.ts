// Cluster-app stacks: a directory of plain Kubernetes YAML, a kustomization (rendered by
// `kubectl kustomize`), or a cdk8s app (run, then its YAML read). Each becomes one stack of
// Terraform JSON with a kubernetes_manifest per object; nothing after synthesis knows the kind.

import { stackNameForPath } from '../stack-name.ts';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SynthError } from '../synth-error.ts';
import type { SynthResult } from '../synth-result.ts';
import { runApp } from '../run-app.ts';
import { keepsOrigins, locateRendered, originWrapper } from './kustomize-origin.ts';
import { readObjects, type SourcedObject } from './read-objects.ts';
import { YamlCache } from './yaml-cache.ts';
import { resourceName, toStackJson } from './to-stack-json.ts';

export type ClusterAppKind = 'kustomize' | 'cdk8s' | 'yaml';

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const SKIP_DIRS = new Set(['node_modules', 'cdktf.out', 'dist', '.ballast', '.git']);
const isYaml = (n: string) => n.endsWith('.yaml') || n.endsWith('.yml');

export interface ClusterAppOptions {
  outDir?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

/** Which cluster-app kind a directory holds, if any. */
export async function detectClusterApp(dir: string): Promise<ClusterAppKind | undefined> {
  if (KUSTOMIZATION_FILES.some((f) => existsSync(join(dir, f)))) return 'kustomize';
  if (existsSync(join(dir, 'cdk8s.yaml'))) return 'cdk8s';
  return (await yamlFiles(dir)).length ? 'yaml' : undefined;
}

export async function loadClusterApp(dir: string, kind: ClusterAppKind, opts: ClusterAppOptions = {}): Promise<SynthResult> {
  const outDir = opts.outDir ?? join(dir, 'cdktf.out');
  const objects = kind === 'kustomize' ? await kustomize(dir, opts) : kind === 'cdk8s' ? await cdk8s(dir, opts) : await plainYaml(dir, outDir);
  const name = stackNameForPath(dir);
  const json = toStackJson(objects);
  const stackDir = join(outDir, 'stacks', name);
  await mkdir(stackDir, { recursive: true });
  const file = join(stackDir, 'cdk.tf.json');
  const text = JSON.stringify(json, null, 2);
  await writeFile(file, text);
  return { outDir, stacks: [{ name, file, json, bytes: Buffer.from(text), dependencies: [], dir, generic: true, locate: locateObjects(objects) }] };
}

/**
 * Messages about a resource point at the YAML document it came from (file and line), not at the
 * generated JSON: for Kustomize, the overlay or base file its origin annotation names.
 */
function locateObjects(objects: readonly SourcedObject[]): (pointer: string) => { file: string; line: number; column: number } | undefined {
  const at = new Map<string, { file: string; line: number }>();
  for (const o of objects) {
    const name = resourceName(o.object);
    if (o.at && !at.has(name)) at.set(name, o.at);
  }
  return (pointer) => {
    const m = /^\/resource\/kubernetes_manifest\/([^/]+)/.exec(pointer);
    const found = m ? at.get(m[1]!) : undefined;
    return found ? { file: found.file, line: found.line, column: 1 } : undefined;
  };
}

async function yamlFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(join(dir, rel), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory() && !SKIP_DIRS.has(e.name)) out.push(...(await yamlFiles(dir, join(rel, e.name))));
    else if (e.isFile() && isYaml(e.name)) out.push(join(rel, e.name));
  }
  return out;
}

async function plainYaml(dir: string, outDir: string): Promise<SourcedObject[]> {
  const problems: string[] = [];
  const out: SourcedObject[] = [];
  const cache = await YamlCache.open(outDir);
  for (const f of await yamlFiles(dir)) {
    const path = join(dir, f);
    try {
      const text = await readFile(path, 'utf8');
      out.push(...cache.objects(f, path, text, () => readObjects(text, f, path)));
    } catch (e) {
      if (e instanceof SynthError) problems.push(e.message);
      else throw e;
    }
  }
  if (problems.length) throw new SynthError(`cannot read the Kubernetes YAML in ${dir}:\n${problems.join('\n')}`);
  await mkdir(outDir, { recursive: true });
  await cache.save();
  return out;
}

async function kustomize(dir: string, opts: ClusterAppOptions): Promise<SourcedObject[]> {
  const file = join(dir, KUSTOMIZATION_FILES.find((f) => existsSync(join(dir, f)))!);
  // Rendered through a wrapper that asks kustomize for each object's origin, so messages name
  // the overlay or base file that defines an object, not the rendered output.
  const wrapper = await mkdtemp(join(tmpdir(), 'ballast-kustomize-'));
  try {
    await writeFile(join(wrapper, 'kustomization.yaml'), originWrapper(wrapper, dir));
    let text: string;
    try {
      text = await runKustomize(wrapper, file, opts);
    } catch (e) {
      // the user's own kustomization, rendered alone, gives the message about their files
      if (e instanceof SynthError) await runKustomize(dir, file, opts);
      throw e;
    }
    const rendered = readObjects(text, `${relative(process.cwd(), file) || file} (rendered)`);
    return locateRendered(rendered, wrapper, dir, keepsOrigins(await readFile(file, 'utf8')));
  } finally {
    await rm(wrapper, { recursive: true, force: true });
  }
}

function runKustomize(root: string, file: string, opts: ClusterAppOptions): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const child = execFile('kubectl', ['kustomize', root], { env: opts.env ?? process.env, maxBuffer: 256 * 1024 * 1024, signal: opts.signal }, (err, stdout, stderr) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new SynthError(`cannot render ${file}: kubectl is not installed (Ballast runs "kubectl kustomize")`));
        return reject(new SynthError(`kustomize failed for ${file}:\n${(stderr || err.message).trim()}`));
      }
      resolve(stdout);
    });
    child.stdin?.end();
  });
}

async function cdk8s(dir: string, opts: ClusterAppOptions): Promise<SourcedObject[]> {
  const configFile = join(dir, 'cdk8s.yaml');
  let config: unknown;
  try {
    config = parseYaml(await readFile(configFile, 'utf8'));
  } catch (e) {
    throw new SynthError(`malformed ${configFile}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const app = typeof config === 'object' && config !== null ? (config as { app?: unknown }).app : undefined;
  if (typeof app !== 'string' || app.trim() === '') throw new SynthError(`malformed ${configFile}: "app" must name the command that runs the app (e.g. "npx ts-node main.ts")`);
  // The entry is the last .ts/.js/.mjs argument of the command; Ballast runs it with its own tsx.
  const entry = app
    .trim()
    .split(/\s+/)
    .reverse()
    .find((a) => /\.(m?[jt]s)$/.test(a));
  if (!entry) throw new SynthError(`cannot find the app's entry file in "${app}" (${configFile}): expected a .ts or .js file`);
  const outDir = join(opts.outDir ?? join(dir, 'cdktf.out'), 'cdk8s');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await runApp({ cwd: dir, entry, outDir, context: {}, env: { ...(opts.env ?? process.env), CDK8S_OUTDIR: outDir }, signal: opts.signal });
  const files = (await readdir(outDir)).filter(isYaml).sort();
  if (!files.length) throw new SynthError(`the cdk8s app in ${dir} wrote no YAML to ${outDir}: does it call app.synth()?`);
  const out: SourcedObject[] = [];
  for (const f of files) out.push(...readObjects(await readFile(join(outDir, f), 'utf8'), `${f} (synthesized by cdk8s)`, join(outDir, f)));
  return out;
}
