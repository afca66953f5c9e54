// Where a provider binary comes from, checked against .terraform.lock.hcl:
//   1. dev_overrides in the CLI configuration (used as-is, never locked, as in Terraform)
//   2. --plugin-dir directories, else the CLI configuration's filesystem mirrors, else the
//      implied local mirror directories
//   3. the registry download protocol (network access needed)
// A package whose hash is not among the lock's hashes for that provider is refused.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { type CliConfig, matchesPatterns } from './cli-config.ts';
import { registryAllowed } from './might-be-installed.ts';
import { type FoundPackage, findExecutable, findPackages, impliedMirrorDirs, type Platform } from './locate.ts';
import { type LockEntry, LOCK_FILE, readLockFile, writeLockFile } from './lock-file.ts';
import { hashDirectory, hashZipContents, hashZipFile } from './package-hash.ts';
import { downloadFromRegistry } from './registry-download.ts';
import { newestMatching, satisfies } from '../../../engine/version-constraints.ts';

export class InstallError extends Error {}

export interface InstallOptions {
  readonly workingDir: string;
  readonly pluginDirs: readonly string[];
  readonly cliConfig: CliConfig;
  readonly env: NodeJS.ProcessEnv;
  readonly platform: Platform;
  /** where packed archives are unpacked and downloads kept */
  readonly cacheDir: string;
  readonly canonical: (s: string) => string;
}

export interface Installed {
  readonly source: string;
  readonly version?: string;
  readonly binary: string;
  /** hashes of this package: h1 always, zh for an archive */
  readonly hashes: readonly string[];
  readonly origin: string;
  readonly devOverride: boolean;
}

function searchDirs(source: string, o: InstallOptions): { dir: string; origin: string }[] {
  if (o.pluginDirs.length) return o.pluginDirs.map((dir) => ({ dir, origin: `--plugin-dir ${dir}` }));
  if (o.cliConfig.methods) {
    return o.cliConfig.methods.filter((m) => m.kind === 'filesystem_mirror' && m.path && matchesPatterns(source, m, o.canonical)).map((m) => ({ dir: m.path!, origin: `filesystem_mirror ${m.path}` }));
  }
  return impliedMirrorDirs(o.workingDir, o.env).map((dir) => ({ dir, origin: `local mirror ${dir}` }));
}

function unpack(pkg: FoundPackage, source: string, o: InstallOptions): string {
  const dir = join(o.cacheDir, 'unpacked', ...source.split('/'), pkg.version, `${o.platform.os}_${o.platform.arch}`);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    new AdmZip(pkg.path).extractAllTo(dir, true, true);
  }
  return dir;
}

function packageOf(source: string, pkg: FoundPackage, origin: string, o: InstallOptions): Installed {
  const type = source.split('/')[2];
  const dir = pkg.kind === 'packed' ? unpack(pkg, source, o) : pkg.path;
  const binary = findExecutable(dir, type);
  if (!binary) throw new InstallError(`The package of ${source} ${pkg.version} in ${pkg.path} holds no executable named terraform-provider-${type}*.`);
  const hashes = pkg.kind === 'packed' ? [hashZipContents(pkg.path), hashZipFile(pkg.path)] : [hashDirectory(pkg.path)];
  return { source, version: pkg.version, binary, hashes, origin, devOverride: false };
}

/** Finds the package locally (synchronous: file system only); undefined when none is there. */
export function locateProvider(source: string, constraint: string | undefined, o: InstallOptions): Installed | undefined {
  const dev = o.cliConfig.devOverrides.get(source);
  if (dev) {
    const binary = findExecutable(dev, source.split('/')[2]);
    if (!binary) throw new InstallError(`dev_overrides in ${o.cliConfig.file} points ${source} at ${dev}, which holds no terraform-provider-${source.split('/')[2]} executable.`);
    return { source, binary, hashes: [], origin: `dev_overrides ${dev}`, devOverride: true };
  }
  const locked = readLockFile(o.workingDir).get(source);
  for (const { dir, origin } of searchDirs(source, o)) {
    const found = findPackages(dir, source, o.platform);
    if (!found.length) continue;
    const version =
      locked && found.some((f) => f.version === locked.version) && satisfies(locked.version, constraint)
        ? locked.version
        : newestMatching(
            found.map((f) => f.version),
            constraint,
          );
    if (!version) {
      throw new InstallError(`${origin} has ${source} versions ${found.map((f) => f.version).join(', ')}, none matching the constraint "${constraint}".`);
    }
    return packageOf(source, found.find((f) => f.version === version)!, origin, o);
  }
  return undefined;
}

/** Locates, or downloads from the registry when allowed. */
export async function installProvider(source: string, constraint: string | undefined, o: InstallOptions): Promise<Installed> {
  const local = locateProvider(source, constraint, o);
  if (local) return local;
  if (!registryAllowed(source, o)) {
    const where = searchDirs(source, o).map((d) => d.dir);
    throw new InstallError(
      `Provider ${source}${constraint ? ` (${constraint})` : ''} was not found in ${where.join(', ') || 'any configured mirror'} for ${o.platform.os}_${o.platform.arch}, and no registry download is allowed (a direct {} block in provider_installation, or BALLAST_PROVIDER_DOWNLOAD=1).`,
    );
  }
  const dl = await downloadFromRegistry(source, constraint, o.platform, join(o.cacheDir, 'downloads'));
  const pkg: FoundPackage = { version: dl.version, kind: 'packed', path: dl.zipPath, dir: o.cacheDir };
  const installed = packageOf(source, pkg, `registry ${source.split('/')[0]} (signed by ${dl.signedBy})`, o);
  // The signed SHA256SUMS vouches for the other platforms' archives too; locking them keeps the
  // lock file valid on every platform, as terraform init does.
  return { ...installed, hashes: [...installed.hashes, ...dl.zh.filter((h) => !installed.hashes.includes(h))] };
}

/**
 * Checks the package against the lock file in the working directory and records it there when
 * the provider is not locked yet. Returns an error message when the package must be refused.
 */
export function checkLock(installed: Installed, constraint: string | undefined, workingDir: string): string | undefined {
  if (installed.devOverride) return undefined;
  const entries = readLockFile(workingDir);
  const locked = entries.get(installed.source);
  if (locked) {
    if (locked.version !== installed.version) {
      return `${LOCK_FILE} locks ${installed.source} to version ${locked.version}, but ${installed.origin} offers ${installed.version}. Put version ${locked.version} there, or remove the provider's entry from ${LOCK_FILE} to accept the new one.`;
    }
    if (!installed.hashes.some((h) => locked.hashes.includes(h))) {
      return `The package of ${installed.source} ${installed.version} from ${installed.origin} has hash ${installed.hashes[0]}, which is not one of the hashes ${LOCK_FILE} records for it. It may have been changed or replaced; Ballast refuses to run it.`;
    }
    const missing = installed.hashes.filter((h) => !locked.hashes.includes(h));
    if (missing.length) entries.set(installed.source, { ...locked, hashes: [...locked.hashes, ...missing] });
    else return undefined;
  } else {
    const entry: LockEntry = { version: installed.version ?? '0.0.0', constraints: constraint, hashes: [...installed.hashes] };
    entries.set(installed.source, entry);
  }
  writeLockFile(workingDir, entries);
  return undefined;
}
