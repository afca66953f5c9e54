// The content hashes local_file and its data source report, all of the file's bytes.

import { createHash } from 'node:crypto';
import type { ValueObject } from '../../engine/lang/value.ts';

export function fileDigests(bytes: Buffer): ValueObject {
  const hex = (alg: string) => createHash(alg).update(bytes).digest('hex');
  const b64 = (alg: string) => createHash(alg).update(bytes).digest('base64');
  return {
    // id is the SHA-1 of the content, as in hashicorp/local.
    id: hex('sha1'),
    content_md5: hex('md5'),
    content_sha1: hex('sha1'),
    content_sha256: hex('sha256'),
    content_base64sha256: b64('sha256'),
    content_sha512: hex('sha512'),
    content_base64sha512: b64('sha512'),
  };
}

export const DIGEST_ATTRIBUTES = ['id', 'content_md5', 'content_sha1', 'content_sha256', 'content_base64sha256', 'content_sha512', 'content_base64sha512'] as const;
