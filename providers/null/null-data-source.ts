// data "null_data_source" (deprecated in hashicorp/null 3.x, still served): echoes inputs as outputs.

import type { ResourceSchema } from '../provider.ts';
import type { DataSource } from '../schema-provider.ts';
import { randomDecimalId } from './random-decimal-id.ts';

export const nullDataSourceSchema: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      inputs: { type: { map: 'string' }, optional: true },
      outputs: { type: { map: 'string' }, computed: true },
      random: { type: 'string', computed: true },
      has_computed_default: { type: 'string', optional: true, computed: true },
      id: { type: 'string', computed: true },
    },
  },
};

export const nullDataSource: DataSource = {
  schema: nullDataSourceSchema,
  read: (config) => ({
    inputs: config.inputs ?? null,
    outputs: config.inputs ?? null,
    random: randomDecimalId(),
    has_computed_default: config.has_computed_default ?? 'default',
    id: 'static',
  }),
};
