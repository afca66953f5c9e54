// random_id: random bytes presented as base64url (the id), standard base64, hex and decimal,
// each after the optional prefix (except `id`, which is the bare base64url form).

import { randomBytes } from 'node:crypto';
import type { ResourceSchema } from '../provider.ts';
import { fail, type ManagedResource } from '../schema-provider.ts';
import { error, type Diagnostic } from '../../engine/diagnostics.ts';
import type { ValueObject } from '../../engine/lang/value.ts';
import { keepersAttribute } from './keepers.ts';

export const randomIdSchema: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      keepers: keepersAttribute,
      byte_length: { type: 'number', required: true, forceNew: true, description: 'Number of random bytes; at least 1.' },
      prefix: { type: 'string', optional: true, forceNew: true, description: 'Text put before every form except `id`.' },
      id: { type: 'string', computed: true },
      b64_url: { type: 'string', computed: true },
      b64_std: { type: 'string', computed: true },
      hex: { type: 'string', computed: true },
      dec: { type: 'string', computed: true },
    },
  },
};

function forms(bytes: Buffer, prefix: string): ValueObject {
  const b64url = bytes.toString('base64url');
  return {
    id: b64url,
    b64_url: prefix + b64url,
    b64_std: prefix + bytes.toString('base64'),
    hex: prefix + bytes.toString('hex'),
    dec: prefix + BigInt('0x' + (bytes.toString('hex') || '0')).toString(),
  };
}

export const randomId: ManagedResource = {
  schema: randomIdSchema,
  validate(config): Diagnostic[] {
    const n = config.byte_length;
    if (typeof n === 'number' && (!Number.isInteger(n) || n < 1)) {
      return [error('Invalid byte_length', 'byte_length must be a whole number of at least 1.', { attribute: 'byte_length' })];
    }
    return [];
  },
  create(planned) {
    const bytes = randomBytes(planned.byte_length as number);
    return { ...planned, ...forms(bytes, (planned.prefix as string | null) ?? '') };
  },
  importState(importId) {
    // "<b64url>" or "<prefix>,<b64url>", as the real provider takes it.
    const sep = importId.lastIndexOf(',');
    const prefix = sep >= 0 ? importId.slice(0, sep) : null;
    const b64 = sep >= 0 ? importId.slice(sep + 1) : importId;
    if (!/^[A-Za-z0-9_-]+$/.test(b64)) fail('Invalid import id', 'random_id imports by its base64url id, optionally as "<prefix>,<id>".');
    const bytes = Buffer.from(b64, 'base64url');
    return { keepers: null, byte_length: bytes.length, prefix, ...forms(bytes, prefix ?? '') };
  },
};
