// The provider registry protocol (service discovery, then providers.v1 versions and download)
// for machines with network access. The archive must match the SHA256SUMS the registry's signing
// key signed (registry-signature.ts); every zh: hash of that signed document is returned for the
// lock file. Without network the error says where to put providers.

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryError, RegistryUnreachableError } from './registry-errors.ts';
import type { RegistryKey } from './registry-signature.ts';
import { newestMatching } from '../../../engine/version-constraints.ts';

async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  if (!res.ok) throw new RegistryError(`${url} answered ${res.status}`);
  return res.json();
}

async function getBytes(url: URL, what: string, timeoutMs: number): Promise<Buffer> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new RegistryError(`download of ${what} from ${url} failed: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

interface DownloadAnswer {
  readonly filename: string;
  readonly download_url: string;
  readonly shasum: string;
  readonly shasums_url?: string;
  readonly shasums_signature_url?: string;
  readonly signing_keys?: { readonly gpg_public_keys?: readonly RegistryKey[] };
}

export interface Downloaded {
  readonly version: string;
  readonly zipPath: string;
  /** zh: hashes of every platform's archive listed in the signed SHA256SUMS (this one first) */
  readonly zh: readonly string[];
  /** who signed the SHA256SUMS, for the install origin */
  readonly signedBy: string;
}

export async function downloadFromRegistry(source: string, constraint: string | undefined, platform: { os: string; arch: string }, cacheDir: string, timeoutMs = 15_000): Promise<Downloaded> {
  const [host, ns, type] = source.split('/');
  let base: string;
  try {
    const disco = (await getJson(`https://${host}/.well-known/terraform.json`, timeoutMs)) as Record<string, string>;
    if (!disco['providers.v1']) throw new RegistryError(`${host} does not offer providers.v1`);
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
  if (!version) throw new RegistryError(`The registry has no version of ${source} for ${platform.os}_${platform.arch} matching "${constraint ?? 'any'}"`);
  const dl = (await getJson(`${base}${ns}/${type}/${version}/download/${platform.os}/${platform.arch}`, timeoutMs)) as DownloadAnswer;
  const what = `${source} ${version}`;
  if (!dl.shasums_url || !dl.shasums_signature_url) throw new RegistryError(`The registry gives no signed SHA256SUMS for ${what}; Ballast installs only signed provider packages.`);
  const [body, shasums, signature] = await Promise.all([
    getBytes(new URL(dl.download_url, base), what, timeoutMs * 20),
    getBytes(new URL(dl.shasums_url, base), `the SHA256SUMS of ${what}`, timeoutMs),
    getBytes(new URL(dl.shasums_signature_url, base), `the SHA256SUMS signature of ${what}`, timeoutMs),
  ]);
  // openpgp is large: loaded only when a package is actually downloaded.
  const { checkArchive, verifyShasums } = await import('./registry-signature.ts');
  const signed = await verifyShasums(source, shasums, signature, dl.signing_keys?.gpg_public_keys ?? []);
  const sum = createHash('sha256').update(body).digest('hex');
  checkArchive(source, version, dl.filename, sum, signed);
  if (sum !== dl.shasum) throw new RegistryError(`the downloaded archive of ${what} has sha256 ${sum}, the registry announced ${dl.shasum}`);
  mkdirSync(cacheDir, { recursive: true });
  const zipPath = join(cacheDir, dl.filename);
  writeFileSync(zipPath, body);
  const others = [...signed.sums.values()].filter((h) => h !== sum).map((h) => `zh:${h}`);
  return { version, zipPath, zh: [`zh:${sum}`, ...others], signedBy: `${signed.signer === 'HashiCorp' ? 'HashiCorp' : 'key'} ${signed.keyId}` };
}
