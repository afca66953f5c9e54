// Every provider Ballast ships, as the CLI and the agent serve them, plus real provider
// binaries (providers/plugin) for sources no built-in serves or that the user asks to run as
// binaries (--use-plugin / BALLAST_USE_PLUGINS; --plugin-dir / BALLAST_PLUGIN_DIRS). The AWS and
// Kubernetes providers (and with them the AWS SDK and the Kubernetes client, the slowest things
// to load) are imported only when a stack configures them.

import { pluginSettingsFromEnv, withPlugins } from '../plugin/plugin-registry.ts';
import type { ProviderRegistry } from '../registry.ts';
import { defaultRegistry } from './default-registry.ts';

export interface ShippedRegistryOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** absolute directories in Terraform's mirror layout; the only places binaries are looked for */
  readonly pluginDirs?: readonly string[];
  /** sources (or "*") whose binary replaces the built-in provider */
  readonly usePlugins?: readonly string[];
}

export function shippedRegistry(o: ShippedRegistryOptions = {}): ProviderRegistry {
  return withPlugins(
    defaultRegistry([
      { source: 'hashicorp/aws', factory: async (ctx) => (await import('../aws/index.ts')).createAwsProvider(ctx) },
      { source: 'hashicorp/kubernetes', factory: async (ctx) => (await import('../kubernetes/index.ts')).createKubernetesProvider(ctx) },
    ]),
    pluginSettingsFromEnv(o.env ?? process.env, { pluginDirs: o.pluginDirs, usePlugins: o.usePlugins }),
  );
}
