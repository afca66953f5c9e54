// Every provider Ballast ships, as the CLI and the agent serve them, plus real provider
// binaries (providers/plugin) for sources no built-in serves or that the user asks to run as
// binaries (--use-plugin / BALLAST_USE_PLUGINS; --plugin-dir / BALLAST_PLUGIN_DIRS).

import { createAwsProvider } from '../aws/index.ts';
import { createKubernetesProvider } from '../kubernetes/index.ts';
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
      { source: 'hashicorp/aws', factory: createAwsProvider },
      { source: 'hashicorp/kubernetes', factory: createKubernetesProvider },
    ]),
    pluginSettingsFromEnv(o.env ?? process.env, { pluginDirs: o.pluginDirs, usePlugins: o.usePlugins }),
  );
}
