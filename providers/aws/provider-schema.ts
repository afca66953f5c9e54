// The `provider "aws"` configuration schema: the full argument list of the Terraform AWS
// provider (from the bindings) with the secrets marked sensitive.

import { overlayBlock } from './schema-overlay.ts';
import { bindingSchemas } from './binding-schemas.ts';

export const providerSchema = overlayBlock(bindingSchemas.provider, {
  attributes: {
    secret_key: { sensitive: true },
    token: { sensitive: true },
  },
});
