// Entry point of the kubernetes provider for the registry.

import type { ProviderFactory } from '../provider.ts';
import { KubernetesProvider } from './kubernetes-provider.ts';

export const createKubernetesProvider: ProviderFactory = (ctx) => new KubernetesProvider(ctx);
export { KubernetesProvider };
