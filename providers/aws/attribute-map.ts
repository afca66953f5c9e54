// Services whose settings are a map of string attributes (SNS, SQS): each Terraform attribute
// has an AWS attribute name and a kind that says how its string value is read back.

import type { Value } from '../../engine/lang/value.ts';
import { keepEquivalentJson } from './policy-json.ts';

export type AttributeKind = 'number' | 'bool' | 'string' | 'json';

/** The state value of an AWS attribute that is present; a JSON one keeps the prior text when it means the same. */
export function fromAwsAttribute(raw: string, kind: AttributeKind, prior: Value | undefined): Value {
  return kind === 'number' ? Number(raw) : kind === 'bool' ? raw === 'true' : kind === 'json' ? keepEquivalentJson(raw, prior) : raw;
}
