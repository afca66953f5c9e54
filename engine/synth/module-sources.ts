// Reads the modules a stack calls and embeds their configuration in the module blocks
// (engine/config/embedded-module.ts). Local sources (./, ../, absolute) are read directly, HCL
// or JSON. Registry and git sources need the network, which Ballast does not use at plan time:
// they are taken from what `terraform init` downloaded (.terraform/modules/modules.json) or
// from a local mirror directory (BALLAST_MODULE_MIRROR), else a clear error names the source.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { EMBEDDED_MODULE } from '../config/embedded-module.ts';
import { readTerraformDirectory } from './hcl-stack.ts';
import { SynthError } from './synth-error.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const MODULE_MIRROR_ENV = 'BALLAST_MODULE_MIRROR';

export const isLocalSource = (s: string): boolean => s.startsWith('./') || s.startsWith('../') || isAbsolute(s);

/** A path inside the mirror for a remote source: `host/ns/name/system` or the source with `::`, `://` and `?` flattened, then `/VERSION` when set. */
export function mirrorPath(mirror: string, source: string, version?: string): string {
  const flat = source
    .replace(/^[a-z0-9]+::/, '')
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[?&=]/g, '_')
    .replace(/\/\/+/g, '/');
  const base = join(mirror, ...flat.split('/').filter((p) => p && p !== '..' && p !== '.'));
  return version && existsSync(join(base, version)) ? join(base, version) : base;
}

interface InitManifestEntry {
  Key: string;
  Source: string;
  Dir: string;
}

/** Embeds every module call of `json` (recursively); `rootDir` is the stack's root, for .terraform/modules. */
export async function embedModules(json: Obj, dir: string, env: NodeJS.ProcessEnv, rootDir = dir, keyPrefix = '', seen: string[] = []): Promise<boolean> {
  const calls = json.module;
  if (!isObj(calls)) return false;
  const initDirs = readInitManifest(rootDir);
  for (const [name, body] of Object.entries(calls)) {
    if (name === '//' || !isObj(body) || typeof body.source !== 'string' || isObj(body[EMBEDDED_MODULE])) continue;
    const source = body.source;
    const key = keyPrefix ? `${keyPrefix}.${name}` : name;
    let moduleDir: string;
    if (isLocalSource(source)) moduleDir = resolve(dir, source);
    else {
      const fromInit = initDirs.get(key);
      const mirror = env[MODULE_MIRROR_ENV];
      const mirrored = mirror ? mirrorPath(mirror, source, typeof body.version === 'string' ? body.version : undefined) : undefined;
      if (fromInit && existsSync(resolve(rootDir, fromInit))) moduleDir = resolve(rootDir, fromInit);
      else if (mirrored && existsSync(mirrored)) moduleDir = mirrored;
      else {
        throw new SynthError(
          `module "${key}": source "${source}" is a ${/^(git::|github\.com|bitbucket\.org|git@)/.test(source) ? 'git' : /^[a-z0-9]+::|^https?:/.test(source) ? 'remote' : 'registry'} module, which needs the network; Ballast does not download modules. ` +
            `Run \`terraform init\` in ${rootDir} (Ballast reads .terraform/modules), or put a copy of the module in ${mirror ? mirrored : `a mirror directory named by ${MODULE_MIRROR_ENV}`}` +
            `${mirror ? '' : ` (at $${MODULE_MIRROR_ENV}/${mirrorPath('', source).replace(/^\//, '')})`}, or use a local path (./modules/...).`,
        );
      }
    }
    if (!existsSync(moduleDir) || !statSync(moduleDir).isDirectory()) throw new SynthError(`module "${key}": source "${source}" is not a directory (${moduleDir})`);
    if (seen.includes(moduleDir)) throw new SynthError(`module "${key}": source "${source}" calls itself (${[...seen, moduleDir].join(' -> ')})`);
    const child = await readTerraformDirectory(moduleDir);
    await embedModules(child.json, moduleDir, env, rootDir, key, [...seen, moduleDir]);
    body[EMBEDDED_MODULE] = { dir: moduleDir, json: child.json };
  }
  return true;
}

function readInitManifest(rootDir: string): Map<string, string> {
  const file = join(rootDir, '.terraform', 'modules', 'modules.json');
  const out = new Map<string, string>();
  if (!existsSync(file)) return out;
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as { Modules?: InitManifestEntry[] };
    for (const m of j.Modules ?? []) if (m.Key && m.Dir) out.set(m.Key, m.Dir);
  } catch (e) {
    throw new SynthError(`cannot read ${file}: ${(e as Error).message}`);
  }
  return out;
}
