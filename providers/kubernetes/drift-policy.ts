// Per-object drift policy, set on the object itself with the label or annotation
// `ballast.dev/drift`: revert (default) puts hand edits back, alert only reports them, ignore
// does not look. The agent reads the same policy for alerting.

import { isObject, type Value } from '../../engine/lang/value.ts';

export type DriftPolicy = 'revert' | 'alert' | 'ignore';
export const DRIFT_KEY = 'ballast.dev/drift';

export function driftPolicyOf(manifest: Value | undefined): DriftPolicy {
  if (!isObject(manifest) || !isObject(manifest.metadata)) return 'revert';
  const meta = manifest.metadata;
  for (const bag of [meta.annotations, meta.labels]) {
    const v = isObject(bag) ? bag[DRIFT_KEY] : undefined;
    if (v === 'alert' || v === 'ignore' || v === 'revert') return v;
  }
  return 'revert';
}
