// Builds small, valid state versions for the state tests.

import { STATE_FORMAT_VERSION } from '../model.ts';
import type { StateVersion } from '../model.ts';

export function sampleVersion(serial: number, parentDigest: string | null, extra: Partial<StateVersion> = {}): StateVersion {
  return {
    formatVersion: STATE_FORMAT_VERSION,
    lineage: 'lineage-1',
    serial,
    parentDigest,
    stack: 'app',
    sourceRevision: `main@sha1:${'a'.repeat(40)}`,
    configDigest: null,
    reason: 'apply',
    time: '2025-01-01T00:00:00.000Z',
    engineVersion: '0.1.0',
    changes: { add: 1, change: 0, destroy: 0 },
    resources: {
      'random_pet.name': {
        address: 'random_pet.name',
        mode: 'managed',
        type: 'random_pet',
        name: 'name',
        provider: 'provider["registry.terraform.io/hashicorp/random"]',
        attributes: { id: `pet-${serial}`, length: 2, keepers: { b: '2', a: '1' } },
        sensitivePaths: [],
        dependencies: [],
        schemaVersion: 0,
      },
    },
    outputs: { name: { value: `pet-${serial}`, sensitive: false } },
    ...extra,
  };
}
