// null_resource: does nothing; a change of `triggers` replaces it (hashicorp/null 3.x).

import type { ResourceSchema } from '../provider.ts';
import type { ManagedResource } from '../schema-provider.ts';
import { randomDecimalId } from './random-decimal-id.ts';

export const nullResourceSchema: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      triggers: { type: { map: 'string' }, optional: true, forceNew: true, description: 'A change of any value replaces the resource.' },
      id: { type: 'string', computed: true },
    },
  },
};

export const nullResource: ManagedResource = {
  schema: nullResourceSchema,
  create: (planned) => ({ ...planned, id: randomDecimalId() }),
};
