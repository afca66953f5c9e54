// Recorded state made safe to show (CLI, web UI): every sensitive value replaced by a marker,
// provider private data dropped.

import { isObject, markPaths, Sensitive, type Path, type Value } from '../lang/value.ts';
import type { StateVersion } from '../../state/model.ts';
import { followSensitive } from '../eval/follow-sensitive.ts';

export const REDACTED = '(sensitive value)';

/** A copy of the version safe to print: sensitive attributes and outputs replaced by a marker. */
export function redactedVersion(v: StateVersion): StateVersion {
  const resources: Record<string, StateVersion['resources'][string]> = {};
  for (const [addr, inst] of Object.entries(v.resources)) {
    const { private: _private, ...rest } = inst;
    // versions recorded before marks followed computed values still hide what holds a secret
    resources[addr] = { ...rest, attributes: redactPaths(inst.attributes, followSensitive(inst.attributes, inst.sensitivePaths)) as typeof inst.attributes };
  }
  const outputs: Record<string, StateVersion['outputs'][string]> = {};
  for (const [name, o] of Object.entries(v.outputs)) outputs[name] = { sensitive: o.sensitive, value: o.sensitive ? REDACTED : o.value };
  return { ...v, resources, outputs };
}

export function redactPaths(v: Value, paths: readonly Path[]): Value {
  return paths.length ? replaceMarked(markPaths(v, paths)) : v;
}

function replaceMarked(v: Value): Value {
  if (v instanceof Sensitive) return REDACTED;
  if (Array.isArray(v)) return v.map(replaceMarked);
  if (isObject(v)) {
    const out: Record<string, Value> = {};
    for (const k of Object.keys(v)) out[k] = replaceMarked(v[k]);
    return out;
  }
  return v;
}
