// Every provider Ballast ships, as the CLI and the agent serve them.

import { createAwsProvider } from '../aws/index.ts';
import type { ProviderRegistry } from '../registry.ts';
import { defaultRegistry } from './default-registry.ts';

export function shippedRegistry(): ProviderRegistry {
  return defaultRegistry([{ source: 'hashicorp/aws', factory: createAwsProvider }]);
}
