// The composition root for providers (with shipped-registry.ts): the only production code that
// imports concrete providers. This set leaves out AWS, whose SDK takes seconds to load, so unit
// tests that need only the small providers stay quick.

import { BUILTIN_SOURCE, createRegistry, type ProviderRegistry, type RegistryEntry } from '../registry.ts';
import { createBuiltinProvider } from '../builtin/index.ts';
import { createLocalProvider } from '../local/index.ts';
import { createNullProvider } from '../null/index.ts';
import { createRandomProvider } from '../random/index.ts';

/** The providers Ballast ships, plus any extra entries (which win over a built-in one of the same source). */
export function defaultRegistry(extra: readonly RegistryEntry[] = []): ProviderRegistry {
  return createRegistry([
    { source: BUILTIN_SOURCE, factory: createBuiltinProvider },
    { source: 'hashicorp/null', factory: createNullProvider },
    { source: 'hashicorp/random', factory: createRandomProvider },
    { source: 'hashicorp/local', factory: createLocalProvider },
    ...extra,
  ]);
}
