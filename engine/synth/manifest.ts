// cdktf's manifest.json: which stacks an app synthesized, where each one's JSON and working
// directory are (relative to the out dir), and which stacks each depends on. Dependencies are
// written as construct paths ("base", or "Parent/base" for nested stacks); they are mapped
// back to stack names here so the rest of the engine only deals in names.

import { SynthError } from './synth-error.ts';
import { stackNameProblem } from './stack-name.ts';

export const MANIFEST_FILE = 'manifest.json';

export interface ManifestStack {
  name: string;
  constructPath: string;
  /** relative to the out dir, e.g. stacks/app/cdk.tf.json */
  synthesizedStackPath: string;
  /** relative to the out dir, e.g. stacks/app */
  workingDirectory: string;
  /** stack names, not construct paths */
  dependencies: string[];
}

export interface Manifest {
  version: string;
  stacks: ManifestStack[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Validates the parsed manifest; `file` is only used to name it in errors. */
export function parseManifest(json: unknown, file: string): Manifest {
  const bad = (why: string) => new SynthError(`malformed manifest ${file}: ${why}`);
  if (!isObject(json)) throw bad('expected a JSON object');
  if (!isObject(json.stacks)) throw bad('"stacks" must be an object keyed by stack name');
  const raw = Object.entries(json.stacks);
  const stacks: ManifestStack[] = [];
  for (const [key, entry] of raw) {
    if (!isObject(entry)) throw bad(`stacks["${key}"] must be an object`);
    const str = (field: string, fallback?: string): string => {
      const v = entry[field] ?? fallback;
      if (typeof v !== 'string' || v === '') throw bad(`stacks["${key}"].${field} must be a non-empty string`);
      return v;
    };
    const name = str('name', key);
    // a name becomes a state directory or key: `x/../victim` must never reach a store
    const problem = stackNameProblem(name);
    if (problem) throw bad(`stack name ${JSON.stringify(name)} ${problem}`);
    if (key !== name && stackNameProblem(key)) throw bad(`stack key ${JSON.stringify(key)} ${stackNameProblem(key)}`);
    const synthesizedStackPath = str('synthesizedStackPath');
    if (!synthesizedStackPath.endsWith('.json')) {
      throw bad(`stack "${name}" was synthesized as HCL (${synthesizedStackPath}); Ballast reads JSON output — unset SYNTH_HCL_OUTPUT / hclOutput`);
    }
    const deps = entry.dependencies ?? [];
    if (!Array.isArray(deps) || deps.some((d) => typeof d !== 'string')) throw bad(`stacks["${key}"].dependencies must be a list of strings`);
    stacks.push({
      name,
      constructPath: str('constructPath', name),
      synthesizedStackPath,
      workingDirectory: str('workingDirectory', dirnamePosix(synthesizedStackPath)),
      dependencies: deps as string[],
    });
  }
  // Map each dependency (construct path or name) to a stack name.
  const byPath = new Map<string, string>();
  for (const s of stacks) {
    byPath.set(s.constructPath, s.name);
    byPath.set(s.name, s.name);
  }
  for (const s of stacks) {
    s.dependencies = s.dependencies.map((d) => {
      const n = byPath.get(d);
      if (!n) throw bad(`stack "${s.name}" depends on "${d}", which is not a stack in this manifest (stacks: ${stacks.map((x) => x.name).join(', ')})`);
      return n;
    });
    s.dependencies = [...new Set(s.dependencies)];
  }
  return { version: typeof json.version === 'string' ? json.version : '', stacks };
}

function dirnamePosix(p: string): string {
  const parts = p.split(/[\\/]/);
  parts.pop();
  return parts.join('/') || '.';
}
