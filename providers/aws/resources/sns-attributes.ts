// SNS topic and subscription attributes read into state. SNS reports an unset attribute as
// missing or as "", and an unset switch means false.

import type { ValueObject } from '../../../engine/lang/value.ts';
import { fromAwsAttribute, type AttributeKind } from '../attribute-map.ts';

/** `prior` with every attribute of `table` set from the SNS attribute map `a`. */
export function snsAttributesToState(table: readonly (readonly [string, string, AttributeKind])[], a: Record<string, string>, prior: ValueObject): ValueObject {
  const out: ValueObject = { ...prior };
  for (const [tf, aws, kind] of table) {
    const raw = a[aws];
    out[tf] = raw === undefined || raw === '' ? (kind === 'bool' ? false : null) : fromAwsAttribute(raw, kind, prior[tf]);
  }
  return out;
}
