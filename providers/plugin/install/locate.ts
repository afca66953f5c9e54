// Finds provider packages in Terraform's local layouts:
//   unpacked: DIR/HOST/NAMESPACE/TYPE/VERSION/OS_ARCH/terraform-provider-TYPE[_vVERSION…]
//   packed:   DIR/HOST/NAMESPACE/TYPE/terraform-provider-TYPE_VERSION_OS_ARCH.zip
// in --plugin-dir directories, the CLI configuration's filesystem mirrors, or the implied local
// mirror directories Terraform searches when there is no provider_installation block.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Platform {
  readonly os: string;
  readonly arch: string;
}

export function currentPlatform(): Platform {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch === 'ia32' ? '386' : process.arch;
  return { os: process.platform === 'win32' ? 'windows' : process.platform, arch };
}

export interface FoundPackage {
  readonly version: string;
  readonly kind: 'unpacked' | 'packed';
  /** the package directory (unpacked) or the zip (packed) */
  readonly path: string;
  readonly dir: string;
}

/** Terraform's implied local mirrors on Unix-like systems, in search order. */
export function impliedMirrorDirs(workingDir: string, env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME ?? homedir();
  const dataHome = env.XDG_DATA_HOME ?? join(home, '.local', 'share');
  const dataDirs = (env.XDG_DATA_DIRS ?? '/usr/local/share:/usr/share').split(':').filter(Boolean);
  return [join(workingDir, 'terraform.d', 'plugins'), join(home, '.terraform.d', 'plugins'), join(dataHome, 'terraform', 'plugins'), ...dataDirs.map((d) => join(d, 'terraform', 'plugins'))];
}

const isDir = (p: string) => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

export function findPackages(dir: string, source: string, platform: Platform): FoundPackage[] {
  const [host, ns, type] = source.split('/');
  const base = join(dir, host, ns, type);
  if (!isDir(base)) return [];
  const plat = `${platform.os}_${platform.arch}`;
  const out: FoundPackage[] = [];
  for (const name of readdirSync(base)) {
    const p = join(base, name);
    if (isDir(p)) {
      if (isDir(join(p, plat))) out.push({ version: name, kind: 'unpacked', path: join(p, plat), dir });
      continue;
    }
    const m = new RegExp(`^terraform-provider-${type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_(.+)_${plat}\\.zip$`).exec(name);
    if (m) out.push({ version: m[1], kind: 'packed', path: p, dir });
  }
  return out;
}

/** The provider executable inside an unpacked package directory. */
export function findExecutable(pkgDir: string, type: string): string | undefined {
  if (!existsSync(pkgDir)) return undefined;
  const names = readdirSync(pkgDir)
    .filter((n) => n.startsWith(`terraform-provider-${type}`) && !n.endsWith('.zip'))
    .sort();
  for (const n of names) {
    const st = statSync(join(pkgDir, n));
    if (st.isFile() && (st.mode & 0o111) !== 0) return join(pkgDir, n);
  }
  return undefined;
}
