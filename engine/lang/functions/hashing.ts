// Hashing and identifier functions: md5, sha*, base64sha*, uuid (impure), uuidv5, bcrypt (impure).

import { createHash, randomUUID } from 'node:crypto';
import type bcryptjsModule from 'bcryptjs';
import { lazyRequire } from '../../lazy-require.ts';
import { num, param, str } from './define.ts';
import { FunctionArgumentError, type FunctionDef } from './function.ts';

const bcryptjs = lazyRequire<typeof bcryptjsModule>('bcryptjs');

function hashFn(algorithm: string, encoding: 'hex' | 'base64'): FunctionDef {
  return {
    params: [param('str', 'string')],
    returnType: 'string',
    impl: ([s]) => createHash(algorithm).update(str(s, 0), 'utf8').digest(encoding),
  };
}

const NAMESPACES: Record<string, string> = {
  dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
  x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
};

/** RFC 4122 version 5 (SHA-1, name-based) UUID. */
export function uuidV5(namespace: string, name: string): string {
  const ns = NAMESPACES[namespace] ?? namespace;
  const nsHex = ns.replace(/^urn:uuid:/i, '').replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(nsHex)) throw new FunctionArgumentError(0, `uuidv5() doesn't support namespace ${JSON.stringify(namespace)}`);
  const bytes = createHash('sha1').update(Buffer.from(nsHex, 'hex')).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const hashingFunctions: Record<string, FunctionDef> = {
  md5: hashFn('md5', 'hex'),
  sha1: hashFn('sha1', 'hex'),
  sha256: hashFn('sha256', 'hex'),
  sha512: hashFn('sha512', 'hex'),
  base64sha256: hashFn('sha256', 'base64'),
  base64sha512: hashFn('sha512', 'base64'),
  uuid: { params: [], impure: true, returnType: 'string', impl: () => randomUUID() },
  uuidv5: {
    params: [param('namespace', 'string'), param('name', 'string')],
    returnType: 'string',
    impl: ([ns, name]) => uuidV5(str(ns, 0), str(name, 1)),
  },
  bcrypt: {
    params: [param('str', 'string')],
    variadic: param('cost', 'number'),
    // a random salt makes every call differ: unknown while planning, like uuid(), as in Terraform
    impure: true,
    returnType: 'string',
    impl: (args) => bcryptHash(str(args[0], 0), args.length > 1 ? num(args[1], 1) : DEFAULT_BCRYPT_COST),
  },
};

const DEFAULT_BCRYPT_COST = 10;

/** Go's bcrypt.GenerateFromPassword as Terraform calls it: $2a$ hashes, cost below 4 means 10. */
export function bcryptHash(password: string, requested: number): string {
  if (Buffer.byteLength(password, 'utf8') > 72) throw new FunctionArgumentError(null, 'error occured generating password bcrypt: password length exceeds 72 bytes');
  const cost = Math.trunc(requested) < 4 ? DEFAULT_BCRYPT_COST : Math.trunc(requested);
  if (cost > 31) throw new FunctionArgumentError(null, `error occured generating password crypto/bcrypt: cost ${cost} is outside allowed range (4,31)`);
  // $2a$ and $2b$ hash identically below 256 bytes; Terraform's hashes say $2a$
  const salt = bcryptjs()
    .genSaltSync(cost)
    .replace(/^\$2b\$/, '$2a$');
  return bcryptjs().hashSync(password, salt);
}
