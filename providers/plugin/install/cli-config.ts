// The Terraform CLI configuration's provider_installation block (TF_CLI_CONFIG_FILE, else
// ~/.terraformrc): filesystem_mirror and dev_overrides are what Ballast uses; network_mirror
// and direct mean the registry download protocol.

import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { type HclBlock, type HclValue, parseHcl } from './hcl-subset.ts';

export interface InstallationMethod {
  readonly kind: 'filesystem_mirror' | 'network_mirror' | 'direct';
  readonly path?: string;
  readonly url?: string;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

export interface CliConfig {
  readonly file?: string;
  /** source → directory holding the provider binary, used as-is (no version, no lock) */
  readonly devOverrides: ReadonlyMap<string, string>;
  /** undefined: no provider_installation block (Terraform's implied defaults apply) */
  readonly methods?: readonly InstallationMethod[];
}

export function cliConfigFile(env: NodeJS.ProcessEnv): string | undefined {
  if (env.TF_CLI_CONFIG_FILE) return resolve(env.TF_CLI_CONFIG_FILE);
  const rc = join(env.HOME ?? homedir(), '.terraformrc');
  return existsSync(rc) ? rc : undefined;
}

const strings = (v: HclValue | undefined): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

export function readCliConfig(env: NodeJS.ProcessEnv, canonical: (s: string) => string): CliConfig {
  const file = cliConfigFile(env);
  if (!file || !existsSync(file)) return { file, devOverrides: new Map() };
  const body = parseHcl(readFileSync(file, 'utf8'), file);
  const pi = body.blocks.find((b) => b.type === 'provider_installation');
  if (!pi) return { file, devOverrides: new Map() };
  const devOverrides = new Map<string, string>();
  const methods: InstallationMethod[] = [];
  for (const b of pi.body.blocks as HclBlock[]) {
    if (b.type === 'dev_overrides') {
      for (const [k, v] of b.body.attributes) if (typeof v.value === 'string') devOverrides.set(canonical(k), resolve(v.value));
      continue;
    }
    if (b.type !== 'filesystem_mirror' && b.type !== 'network_mirror' && b.type !== 'direct') continue;
    const a = (k: string) => b.body.attributes.get(k)?.value;
    methods.push({
      kind: b.type,
      path: typeof a('path') === 'string' ? resolve(a('path') as string) : undefined,
      url: typeof a('url') === 'string' ? (a('url') as string) : undefined,
      include: strings(a('include')),
      exclude: strings(a('exclude')),
    });
  }
  return { file, devOverrides, methods };
}

// Terraform include/exclude patterns: "hashicorp/STAR", "registry.terraform.io/STAR/STAR", "example.com/ns/type" (STAR = any).
export function matchesPatterns(source: string, m: InstallationMethod, canonical: (s: string) => string): boolean {
  const test = (pat: string) => {
    const [ph, pn, pt] = canonical(pat).split('/');
    const [h, n, t] = source.split('/');
    return (ph === '*' || ph === h) && (pn === '*' || pn === n) && (pt === '*' || pt === t);
  };
  if (m.include && !m.include.some(test)) return false;
  if (m.exclude && m.exclude.some(test)) return false;
  return true;
}
