// random_uuid: a random (version 4) UUID, generated at apply and kept until replaced.

import { randomUUID } from 'node:crypto';
import type { ResourceSchema } from '../provider.ts';
import { fail, type ManagedResource } from '../schema-provider.ts';
import { keepersAttribute } from './keepers.ts';

export const randomUuidSchema: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      keepers: keepersAttribute,
      result: { type: 'string', computed: true },
      id: { type: 'string', computed: true },
    },
  },
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const randomUuid: ManagedResource = {
  schema: randomUuidSchema,
  create(planned) {
    const uuid = randomUUID();
    return { ...planned, result: uuid, id: uuid };
  },
  importState(id) {
    if (!uuidPattern.test(id)) fail('Invalid import id', `random_uuid imports by a UUID such as "aabbccdd-eeff-0011-2233-445566778899".`);
    const uuid = id.toLowerCase();
    return { keepers: null, result: uuid, id: uuid };
  },
};
