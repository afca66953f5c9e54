// random_bytes: random bytes as base64 and hex, both sensitive (random 3.6+).

import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import type { ResourceSchema } from '../provider.ts';
import { fail, type ManagedResource } from '../schema-provider.ts';
import { error } from '../../engine/diagnostics.ts';
import { keepersAttribute } from './keepers.ts';

export const randomBytesSchema: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      keepers: keepersAttribute,
      length: { type: 'number', required: true, forceNew: true, description: 'Number of bytes; at least 1.' },
      base64: { type: 'string', computed: true, sensitive: true },
      hex: { type: 'string', computed: true, sensitive: true },
    },
  },
};

export const randomBytes: ManagedResource = {
  schema: randomBytesSchema,
  validate(config) {
    const n = config.length;
    if (typeof n === 'number' && (!Number.isInteger(n) || n < 1)) {
      return [error('Invalid length', 'length must be a whole number of at least 1.', { attribute: 'length' })];
    }
    return [];
  },
  create(planned) {
    const bytes = cryptoRandomBytes(planned.length as number);
    return { ...planned, base64: bytes.toString('base64'), hex: bytes.toString('hex') };
  },
  importState(id) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(id)) fail('Invalid import id', 'random_bytes imports by the standard base64 form of its bytes.');
    const bytes = Buffer.from(id, 'base64');
    return { keepers: null, length: bytes.length, base64: bytes.toString('base64'), hex: bytes.toString('hex') };
  },
};
