// The provider registry protocol (service discovery, then providers.v1 versions and download)
// for machines with network access. The archive's sha256 is checked against the registry's
// answer and recorded as a zh: hash; without network the error says where to put providers.

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newestMatching } from './version-constraints.ts';

export class RegistryUnreachableError extends Error {}

async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.json();
}

export interface Downloaded {
  readonly version: string;
  readonly zipPath: string;
  readonly zh: string;
}

export async function downloadFromRegistry(source: string, constraint: string | undefined, platform: { os: string; arch: string }, cacheDir: string, timeoutMs = 15_000): Promise<Downloaded> {
  const [host, ns, type] = source.split('/');
  let base: string;
  try {
    const disco = (await getJson(`https://${host}/.well-known/terraform.json`, timeoutMs)) as Record<string, string>;
    if (!disco['providers.v1']) throw new Error(`${host} does not offer providers.v1`);
    base = new URL(disco['providers.v1'], `https://${host}/`).toString();
  } catch (e) {
    throw new RegistryUnreachableError(
      `Provider ${source} was not found locally and its registry ${host} cannot be reached (${(e as Error).message}). ` +
        'On a machine without network access, put the provider in a directory given with --plugin-dir, in a filesystem_mirror ' +
        'of the CLI configuration (TF_CLI_CONFIG_FILE), or in an implied local mirror such as ~/.terraform.d/plugins, using ' +
        `the layout ${source}/VERSION/${platform.os}_${platform.arch}/terraform-provider-${type}_vVERSION.`,
    );
  }
  const versions = (await getJson(`${base}${ns}/${type}/versions`, timeoutMs)) as { versions?: { version: string; platforms?: { os: string; arch: string }[] }[] };
  const usable = (versions.versions ?? []).filter((v) => v.platforms?.some((p) => p.os === platform.os && p.arch === platform.arch)).map((v) => v.version);
  const version = newestMatching(usable, constraint);
  if (!version) throw new Error(`The registry has no version of ${source} for ${platform.os}_${platform.arch} matching "${constraint ?? 'any'}"`);
  const dl = (await getJson(`${base}${ns}/${type}/${version}/download/${platform.os}/${platform.arch}`, timeoutMs)) as { download_url: string; shasum: string; filename: string };
  const res = await fetch(new URL(dl.download_url, base), { signal: AbortSignal.timeout(timeoutMs * 20) });
  if (!res.ok) throw new Error(`download of ${source} ${version} failed: ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  const sum = createHash('sha256').update(body).digest('hex');
  if (sum !== dl.shasum) throw new Error(`the downloaded archive of ${source} ${version} has sha256 ${sum}, the registry announced ${dl.shasum}`);
  mkdirSync(cacheDir, { recursive: true });
  const zipPath = join(cacheDir, dl.filename);
  writeFileSync(zipPath, body);
  return { version, zipPath, zh: `zh:${sum}` };
}
