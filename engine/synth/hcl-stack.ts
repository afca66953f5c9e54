// A directory of Terraform files (*.tf and *.tf.json) is one stack, exactly as for terraform:
// every file is parsed (HCL through @cdktf/hcl2json, a maintained parser), turned into the
// Terraform JSON form the rest of the engine evaluates, and merged. terraform.tfvars and
// *.auto.tfvars(.json) are the stack's automatic variable files.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HclLocator, type SourcePosition } from './hcl-locate.ts';
import { parseJsonText } from './read-json-file.ts';
import { SynthError } from './synth-error.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface TerraformDirectory {
  /** merged Terraform JSON */
  readonly json: Obj;
  /** the files that made it, sorted */
  readonly files: readonly string[];
  /** automatic variable files in the order Terraform loads them */
  readonly varFiles: readonly string[];
  readonly locate: (pointer: string) => SourcePosition | undefined;
}

export const isTerraformFile = (name: string): boolean => (name.endsWith('.tf') || name.endsWith('.tf.json')) && !name.startsWith('.');

export function autoVarFiles(names: readonly string[]): string[] {
  const auto = names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort();
  const base = ['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n));
  return [...base, ...auto];
}

/** Reads and merges the Terraform files of `dir`; all parse errors of all files are reported together. */
export async function readTerraformDirectory(dir: string): Promise<TerraformDirectory> {
  const names = (await readdir(dir)).sort();
  const files = names.filter(isTerraformFile);
  const locator = new HclLocator();
  const problems: string[] = [];
  const merged: Obj = {};
  const origin = new Map<string, string>();
  for (const name of files) {
    const path = join(dir, name);
    const text = await readFile(path, 'utf8');
    let json: Obj;
    if (name.endsWith('.tf.json')) {
      try {
        const parsed = parseJsonText(text, path, 'Terraform JSON');
        if (!isObj(parsed)) {
          problems.push(`${path}: expected a JSON object at the top level`);
          continue;
        }
        json = parsed;
      } catch (e) {
        problems.push((e as Error).message);
        continue;
      }
    } else {
      try {
        // imported on first .tf file: the parser starts a Go WebAssembly runtime when loaded
        const { hclToJson } = await import('./hcl-to-json.ts');
        json = normalizeHcl((await hclToJson(path, text)) as Obj);
      } catch (e) {
        problems.push(...hclErrors(String((e as Error).message ?? e)));
        continue;
      }
      locator.addFile(path, text);
    }
    mergeInto(merged, json, path, origin, problems, locator);
  }
  if (problems.length) throw new SynthError(`cannot read the Terraform files in ${dir}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return { json: merged, files: files.map((f) => join(dir, f)), varFiles: autoVarFiles(names).map((f) => join(dir, f)), locate: (p) => locator.locate(p) };
}

/** hcl2json reports `parse config: [a.tf:2,7-3,1: Summary; Detail, b.tf:...]`: one line per problem, file:line:col first. */
function hclErrors(message: string): string[] {
  const body = message.replace(/^.*?parse config: \[/s, '').replace(/\]\s*$/, '');
  const out: string[] = [];
  for (const m of body.matchAll(/([^\s,\[][^:\n]*?):(\d+),(\d+)-(?:\d+,)?\d+: ([^;]+);\s*([^\n]*?)(?=(?:, [^\s,][^:\n]*?:\d+,\d+-)|$)/g)) {
    out.push(`${m[1]}:${m[2]}:${m[3]}: ${m[4].trim()}: ${m[5].trim()}`);
  }
  return out.length ? out : [message];
}

/**
 * hcl2json writes every block as a list of bodies (`"b": [{...}]`). Terraform JSON writes a
 * labeled block as an object; nested blocks inside resources may stay lists.
 */
export function normalizeHcl(json: Record<string, unknown>): Obj {
  const out: Obj = {};
  for (const [key, value] of Object.entries(json)) {
    switch (key) {
      case 'resource':
      case 'data':
        out[key] = mapValues(value, (byName) => mapValues(byName, (b) => resourceBody(single(b))));
        break;
      case 'variable':
        out[key] = mapValues(value, (b) => {
          const v = single(b);
          return isObj(v) && typeof v.type === 'string' ? { ...v, type: unwrap(v.type) } : v;
        });
        break;
      case 'output':
        out[key] = mapValues(value, single);
        break;
      case 'module':
        out[key] = mapValues(value, (b) => {
          const m = single(b);
          return isObj(m) && typeof m.source === 'string' ? { ...m, source: unwrap(m.source) } : m;
        });
        break;
      case 'terraform': {
        const t: Obj = {};
        for (const b of Array.isArray(value) ? value : [value]) {
          if (!isObj(b)) continue;
          for (const [k, v] of Object.entries(b)) {
            if (k === 'required_providers') t[k] = { ...(t[k] as Obj | undefined), ...(single(v) as Obj) };
            else if (k === 'backend' || k === 'cloud') t[k] = mapValues(v, single);
            else t[k] = single(v);
          }
        }
        out[key] = t;
        break;
      }
      case 'check':
        out[key] = mapValues(value, (b) => {
          const c = single(b);
          if (!isObj(c)) return c;
          const r: Obj = { ...c };
          if (isObj(c.data)) r.data = mapValues(c.data, (byName) => mapValues(byName, (d) => resourceBody(single(d))));
          return r;
        });
        break;
      default:
        out[key] = value;
    }
  }
  return out;
}

function resourceBody(b: unknown): unknown {
  if (!isObj(b)) return b;
  const r: Obj = { ...b };
  if (Array.isArray(r.lifecycle)) r.lifecycle = single(r.lifecycle);
  if (typeof r.provider === 'string') r.provider = unwrap(r.provider);
  return r;
}

const single = (v: unknown): unknown => (Array.isArray(v) && v.length === 1 ? v[0] : v);
const unwrap = (s: string): string => (s.startsWith('${') && s.endsWith('}') && !s.includes('${', 2) ? s.slice(2, -1).trim() : s);

function mapValues(v: unknown, f: (x: unknown) => unknown): unknown {
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, f(x)]));
}

/** Labeled blocks merge by label; a label declared twice is an error naming both files. */
function mergeInto(target: Obj, json: Obj, file: string, origin: Map<string, string>, problems: string[], locator: HclLocator): void {
  const where = (pointer: string) => {
    const p = locator.locate(pointer, file);
    return p ? `${p.file}:${p.line}:${p.column}` : file;
  };
  const claim = (pointer: string, what: string) => {
    const before = origin.get(pointer);
    if (before) problems.push(`${where(pointer)}: Duplicate ${what}: it is also declared in ${before}`);
    else origin.set(pointer, file);
  };
  for (const [key, value] of Object.entries(json)) {
    if (key === '//') continue;
    if (key === 'resource' || key === 'data') {
      const section = (target[key] ??= {}) as Obj;
      for (const [type, byName] of Object.entries(isObj(value) ? value : {})) {
        const t = (section[type] ??= {}) as Obj;
        for (const [name, body] of Object.entries(isObj(byName) ? byName : {})) {
          claim(`/${key}/${type}/${name}`, `${key === 'data' ? 'data source' : 'resource'} "${key === 'data' ? 'data.' : ''}${type}.${name}"`);
          t[name] = body;
        }
      }
    } else if (key === 'variable' || key === 'output' || key === 'module' || key === 'check') {
      const section = (target[key] ??= {}) as Obj;
      for (const [name, body] of Object.entries(isObj(value) ? value : {})) {
        claim(`/${key}/${name}`, `${key} "${name}"`);
        section[name] = body;
      }
    } else if (key === 'provider') {
      const section = (target[key] ??= {}) as Obj;
      for (const [name, blocks] of Object.entries(isObj(value) ? value : {})) {
        section[name] = [...((section[name] as unknown[] | undefined) ?? []), ...(Array.isArray(blocks) ? blocks : [blocks])];
      }
    } else if (key === 'locals' || key === 'moved' || key === 'removed' || key === 'import') {
      target[key] = [...((target[key] as unknown[] | undefined) ?? []), ...(Array.isArray(value) ? value : [value])];
    } else if (key === 'terraform') {
      const t = (target[key] ??= {}) as Obj;
      for (const [k, v] of Object.entries(isObj(value) ? value : {})) {
        t[k] = isObj(v) && isObj(t[k]) ? { ...(t[k] as Obj), ...v } : v;
      }
    } else target[key] = value;
  }
}
