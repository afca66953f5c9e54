// The plugin SDK cannot tell an unset primitive from its zero value, and neither can most AWS
// APIs ("" / 0 / false / [] / {} come back for what was never set). After a read, a zero
// value where the prior state had null stays null, so an untouched argument is not drift.

import { isObject, isSet, markSet, type Value, type ValueObject } from '../../engine/lang/value.ts';
import type { BlockSchema } from '../provider.ts';
import { blockItems } from '../schema-plan.ts';

function isZero(v: Value): boolean {
  return v === '' || v === 0 || v === false || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
}

export function reconcileZeroValues(block: BlockSchema, read: ValueObject, prior: ValueObject | null): ValueObject {
  if (!prior) return read;
  const out: ValueObject = { ...read };
  for (const name of Object.keys(block.attributes)) {
    const v = out[name];
    if (v !== undefined && v !== null && prior[name] === null && isZero(v)) out[name] = null;
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const v = out[name];
    if (nested.nesting === 'single') {
      if (isObject(v) && isObject(prior[name])) out[name] = reconcileZeroValues(nested.block, v, prior[name] as ValueObject);
      continue;
    }
    if (!Array.isArray(v)) continue;
    const priors = blockItems(prior[name] ?? null);
    const items = v.map((item, i) => (isObject(item) && isObject(priors[i]) ? reconcileZeroValues(nested.block, item, priors[i] as ValueObject) : item));
    out[name] = isSet(v) || nested.nesting === 'set' ? markSet(items) : items;
  }
  return out;
}
