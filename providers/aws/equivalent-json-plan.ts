// JSON document attributes (policies and the like) keep their prior text in the plan when the
// new text means the same, so that reformatting alone is no change.

import { keepEquivalentJson } from './policy-json.ts';
import type { PlanAdjustment } from './resource-type.ts';

/** A resource's `plan` step for its JSON document attributes. */
export function keepEquivalentJsonAttributes(...names: string[]): (p: PlanAdjustment) => void {
  return (p) => {
    for (const a of names) p.planned[a] = keepEquivalentJson(p.planned[a], p.prior?.[a]);
  };
}
