// Provider packages from a registry are trusted the way Terraform trusts them: the registry names
// a SHA256SUMS document, a detached OpenPGP signature of it and the keys that may have made that
// signature. The signature must verify with one of those keys, and the archive's sha256 must be
// the one SHA256SUMS lists for its file name. Every hash in the signed document is returned, so
// the lock file can record the other platforms' zh: hashes as Terraform does.

import { createMessage, readKey, readSignature, verify } from 'openpgp';
import { SignatureError } from './registry-errors.ts';

/** HashiCorp's provider signing key (the registry's official providers are signed with it). */
const HASHICORP_KEY_ID = '34365D9472D7468F';

export interface RegistryKey {
  readonly key_id?: string;
  readonly ascii_armor: string;
}

export interface SignedSums {
  /** sha256 by file name, from the signed SHA256SUMS */
  readonly sums: ReadonlyMap<string, string>;
  /** the key that made the signature, as 16 upper-case hex digits */
  readonly keyId: string;
  /** how Terraform would describe the signer */
  readonly signer: 'HashiCorp' | 'self-signed';
}

export function parseShasums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64})\s+\*?(\S+)\s*$/.exec(line.trim());
    if (m) sums.set(m[2], m[1]);
  }
  return sums;
}

/** Verifies the detached signature of SHA256SUMS with the keys the registry announced. */
export async function verifyShasums(source: string, shasums: Uint8Array, signature: Uint8Array, keys: readonly RegistryKey[]): Promise<SignedSums> {
  if (!keys.length) throw new SignatureError(`The registry announced no signing key for ${source}; Ballast installs only signed provider packages.`);
  let parsedKeys: Awaited<ReturnType<typeof readKey>>[];
  try {
    parsedKeys = await Promise.all(keys.map((k) => readKey({ armoredKey: k.ascii_armor })));
  } catch (e) {
    throw new SignatureError(`A signing key the registry announced for ${source} cannot be read: ${(e as Error).message}`);
  }
  let sig: Awaited<ReturnType<typeof readSignature>>;
  try {
    sig = await readSignature({ binarySignature: signature });
  } catch (e) {
    throw new SignatureError(`The SHA256SUMS signature of ${source} cannot be read: ${(e as Error).message}`);
  }
  const result = await verify({ message: await createMessage({ binary: shasums }), signature: sig, verificationKeys: parsedKeys, format: 'binary' });
  for (const s of result.signatures) {
    try {
      await s.verified;
    } catch {
      continue;
    }
    const keyId = s.keyID.toHex().toUpperCase();
    return { sums: parseShasums(Buffer.from(shasums).toString('utf8')), keyId, signer: keyId === HASHICORP_KEY_ID ? 'HashiCorp' : 'self-signed' };
  }
  const ids = keys.map((k) => k.key_id ?? '?').join(', ');
  throw new SignatureError(`The SHA256SUMS of ${source} is not signed by any key the registry announced (${ids}): the document or its signature was changed. Ballast refuses the package.`);
}

/** The archive must be the one the signed document lists under its file name. */
export function checkArchive(source: string, version: string, filename: string, archiveSha256: string, signed: SignedSums): void {
  const listed = signed.sums.get(filename);
  if (!listed) throw new SignatureError(`The signed SHA256SUMS of ${source} ${version} does not list ${filename}. Ballast refuses the package.`);
  if (listed !== archiveSha256) {
    throw new SignatureError(`The downloaded archive ${filename} of ${source} ${version} has sha256 ${archiveSha256}, but the signed SHA256SUMS lists ${listed}. Ballast refuses the package.`);
  }
}
