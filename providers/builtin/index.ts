// The provider Terraform builds in: terraform.io/builtin/terraform (local name "terraform").

import type { ProviderContext, ProviderFactory } from '../provider.ts';
import { SchemaProvider } from '../schema-provider.ts';
import { terraformData } from './terraform-data.ts';

export class BuiltinProvider extends SchemaProvider {
  constructor(_ctx: ProviderContext) {
    super({ name: 'terraform', stateOnly: true, resources: { terraform_data: terraformData } });
  }
}

export const createBuiltinProvider: ProviderFactory = (ctx) => new BuiltinProvider(ctx);
