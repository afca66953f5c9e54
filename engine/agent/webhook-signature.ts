// GitHub's webhook signature scheme: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw
// body with the shared secret>`. Compared in constant time so the secret cannot be probed.

import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hub-signature-256';

export function signBody(secret: string | Buffer, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** True only for a well-formed header carrying the body's HMAC under `secret`. */
export function verifySignature(secret: string | Buffer, body: Buffer | string, header: string | undefined): boolean {
  if (!header) return false;
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(m[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
