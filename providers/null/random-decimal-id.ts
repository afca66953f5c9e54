import { randomBytes } from 'node:crypto';

/** A non-negative 63-bit random integer as decimal text, the id form the null provider uses. */
export function randomDecimalId(): string {
  return (randomBytes(8).readBigUInt64BE() & 0x7fffffffffffffffn).toString();
}
