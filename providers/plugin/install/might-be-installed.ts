// Whether a provider could be installed at all, answered from the file system and settings only:
// the provider registry asks this for every provider a stack names that is not built in, so it
// must not load the installer (zip, hashing, downloads) to answer.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type CliConfig, matchesPatterns } from './cli-config.ts';
import { impliedMirrorDirs } from './locate.ts';

/** The part of the installer's options these answers need. */
export interface InstallProbe {
  readonly workingDir: string;
  readonly pluginDirs: readonly string[];
  readonly cliConfig: CliConfig;
  readonly env: NodeJS.ProcessEnv;
  readonly canonical: (s: string) => string;
}

/**
 * Downloads happen only when asked for: a `direct {}` block in provider_installation, or
 * BALLAST_PROVIDER_DOWNLOAD=1 without one. An agent applying from git should not fetch code
 * nobody put there; --plugin-dir means local only, as with `terraform init -plugin-dir`.
 */
export function registryAllowed(source: string, o: Omit<InstallProbe, 'workingDir'>): boolean {
  if (o.pluginDirs.length) return false;
  if (!o.cliConfig.methods) return o.env.BALLAST_PROVIDER_DOWNLOAD === '1';
  return o.cliConfig.methods.some((m) => m.kind === 'direct' && matchesPatterns(source, m, o.canonical));
}

/** Whether any place Ballast may look could hold the provider (cheap, for the registry's resolve). */
export function mightBeInstalled(source: string, o: InstallProbe): boolean {
  if (o.cliConfig.devOverrides.has(source) || registryAllowed(source, o)) return true;
  const dirs = o.pluginDirs.length
    ? o.pluginDirs
    : o.cliConfig.methods
      ? o.cliConfig.methods.filter((m) => m.kind === 'filesystem_mirror' && m.path).map((m) => m.path!)
      : impliedMirrorDirs(o.workingDir, o.env);
  return dirs.some((d) => existsSync(join(d, ...source.split('/'))));
}
