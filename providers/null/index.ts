// hashicorp/null: resources that do nothing, useful for triggers and ordering.

import type { ProviderContext, ProviderFactory } from '../provider.ts';
import { SchemaProvider } from '../schema-provider.ts';
import { nullResource } from './null-resource.ts';
import { nullDataSource } from './null-data-source.ts';

export class NullProvider extends SchemaProvider {
  constructor(_ctx: ProviderContext) {
    super({ name: 'null', stateOnly: true, resources: { null_resource: nullResource }, dataSources: { null_data_source: nullDataSource } });
  }
}

export const createNullProvider: ProviderFactory = (ctx) => new NullProvider(ctx);
