// Per-object drift policy, set on the object itself with the label or annotation
// `ballast.dev/drift`: revert puts hand edits back, alert only reports them, ignore does not
// look. It wins over the drift policies configured by address (engine/plan/drift-policy.ts).

import { isObject, type Value } from '../../engine/lang/value.ts';
import type { DriftPolicy } from '../provider.ts';

export const DRIFT_KEY = 'ballast.dev/drift';

/** The policy the object sets for itself; undefined when it sets none (the configuration decides). */
export function driftPolicyOf(manifest: Value | undefined): DriftPolicy | undefined {
  if (!isObject(manifest) || !isObject(manifest.metadata)) return undefined;
  const meta = manifest.metadata;
  for (const bag of [meta.annotations, meta.labels]) {
    const v = isObject(bag) ? bag[DRIFT_KEY] : undefined;
    if (v === 'alert' || v === 'ignore' || v === 'revert') return v;
  }
  return undefined;
}
