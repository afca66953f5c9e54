// Content address of a synthesized config snapshot: the same bytes always give the same name,
// so snapshots are stored once however many versions refer to them.

import { createHash } from 'node:crypto';

const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

export function configDigest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** True for a well-formed `sha256:<64 hex>` digest (guards file names built from digests). */
export function isDigest(text: string): boolean {
  return DIGEST_PATTERN.test(text);
}

/** The hex part of a digest, after checking its form; throws naming the bad text. */
export function digestHex(digest: string): string {
  if (!isDigest(digest)) throw new Error(`"${digest}" is not a sha256 digest (expected sha256:<64 hex digits>)`);
  return digest.slice('sha256:'.length);
}
