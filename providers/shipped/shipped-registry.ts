// Every provider Ballast ships, as the CLI and the agent serve them. The AWS provider (and with
// it the AWS SDK, the slowest thing to load) is imported only when a stack configures it.

import type { ProviderRegistry } from '../registry.ts';
import { defaultRegistry } from './default-registry.ts';

export function shippedRegistry(): ProviderRegistry {
  return defaultRegistry([{ source: 'hashicorp/aws', factory: async (ctx) => (await import('../aws/index.ts')).createAwsProvider(ctx) }]);
}
