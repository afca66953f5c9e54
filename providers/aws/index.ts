// Entry point of the AWS provider for the registry.

import type { ProviderFactory } from '../provider.ts';
import { AwsProvider } from './aws-provider.ts';

export const createAwsProvider: ProviderFactory = (ctx) => new AwsProvider(ctx);
export { AwsProvider };
