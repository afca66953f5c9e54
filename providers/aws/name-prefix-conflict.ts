// `name` and `name_prefix` (or `bucket` and `bucket_prefix`) both name the object, so a
// configuration may set only one of them.

import { error, type Diagnostic } from '../../engine/diagnostics.ts';
import type { ValueObject } from '../../engine/lang/value.ts';

/** The error for a configuration that sets both `name` and `<name>_prefix`, else nothing. */
export function nameAndPrefixConflict(config: ValueObject, name = 'name'): Diagnostic[] {
  const prefix = `${name}_prefix`;
  if (typeof config[name] === 'string' && typeof config[prefix] === 'string') return [error('Conflicting configuration arguments', `"${name}": conflicts with ${prefix}`, { attribute: name })];
  return [];
}
