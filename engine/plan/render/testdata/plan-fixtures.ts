// Plans built by hand for the renderer tests: one resource change, and a plan around changes.

import { formatInstance, parseInstance } from '../../../addrs.ts';
import type { ValueObject } from '../../../lang/value.ts';
import type { Action } from '../../actions.ts';
import type { Plan, ResourceChange } from '../../plan.ts';

export function change(address: string, action: Action, before: ValueObject | null, after: ValueObject | null, more: Partial<ResourceChange> = {}): ResourceChange {
  const addr = parseInstance(address);
  return {
    addr,
    address: formatInstance(addr),
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    action,
    before,
    after,
    beforeSensitive: [],
    afterSensitive: [],
    requiresReplace: [],
    dependencies: [],
    schemaVersion: 0,
    ...more,
  };
}

export function plan(changes: ResourceChange[], more: Partial<Plan> = {}): Plan {
  return {
    stack: 'app',
    mode: 'normal',
    changes,
    drift: [],
    outputs: [],
    diagnostics: [],
    priorSerial: 3,
    priorLineage: 'L',
    configDigest: 'sha256:x',
    sourceRevision: 'main@sha1:abc',
    prior: {},
    priorDigest: null,
    ...more,
  };
}
