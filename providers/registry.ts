// Which provider implementation serves a provider source. Sources are matched the way
// Terraform does: "hashicorp/random", "registry.terraform.io/hashicorp/random" and the
// OpenTofu registry's "registry.opentofu.org/hashicorp/random" all name the same provider.

import type { Provider, ProviderContext, ProviderFactory } from './provider.ts';

export interface ProviderRegistry {
  /**
   * the provider for a required_providers entry; without a source, the local name implies
   * hashicorp/<name>; `version` is the entry's version constraint (used by provider binaries)
   */
  resolve(localName: string, source?: string, version?: string): { source: string; factory: ProviderFactory | AsyncProviderFactory } | undefined;
  /** canonical sources of every provider this registry serves */
  sources(): string[];
}

export interface RegistryEntry {
  /** any accepted spelling, e.g. "hashicorp/random" */
  readonly source: string;
  readonly factory: ProviderFactory | AsyncProviderFactory;
}

/** A factory that imports its provider first, so heavy dependencies (the AWS SDK) load only when used. */
export type AsyncProviderFactory = (ctx: ProviderContext) => Promise<Provider>;

const DEFAULT_HOST = 'registry.terraform.io';
/** Registries that mirror the same namespaces: a provider there is the one on the default host. */
const MIRROR_HOSTS = new Set([DEFAULT_HOST, 'registry.opentofu.org']);
export const BUILTIN_SOURCE = 'terraform.io/builtin/terraform';

/** The fully qualified, lower-case form of a source: "registry.terraform.io/hashicorp/random". */
export function canonicalSource(source: string): string {
  const parts = source.trim().toLowerCase().split('/');
  if (parts.length === 1) return `${DEFAULT_HOST}/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `${DEFAULT_HOST}/${parts[0]}/${parts[1]}`;
  const [host, ...rest] = parts;
  return `${MIRROR_HOSTS.has(host) ? DEFAULT_HOST : host}/${rest.join('/')}`;
}

/** Terraform's state form of a provider: provider["registry.terraform.io/hashicorp/random"]. */
export function formatProviderAddress(source: string): string {
  return `provider["${canonicalSource(source)}"]`;
}

export function createRegistry(entries: readonly RegistryEntry[]): ProviderRegistry {
  const bySource = new Map(entries.map((e) => [canonicalSource(e.source), e.factory]));
  return {
    resolve(localName, source) {
      // The local name "terraform" always means the built-in provider, as in Terraform.
      const wanted = canonicalSource(source ?? (localName === 'terraform' ? BUILTIN_SOURCE : localName));
      const factory = bySource.get(wanted);
      return factory ? { source: wanted, factory } : undefined;
    },
    sources: () => [...bySource.keys()].sort(),
  };
}
