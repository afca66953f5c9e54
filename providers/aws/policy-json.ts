// IAM-style JSON documents compared by meaning, as the Terraform AWS provider does, so that
// AWS reformatting a policy (whitespace, key order, one-item lists) is not a change.

import { isUnknown, type Value } from '../../engine/lang/value.ts';

function normalize(v: unknown, parentKey = ''): unknown {
  if (Array.isArray(v)) {
    const items = v.map((x) => normalize(x, parentKey));
    // A one-item list means the same as its item, and order inside these lists does not matter.
    if (items.length === 1) return items[0];
    return unorderedKeys.has(parentKey)
      ? items
          .map((x) => JSON.stringify(x))
          .sort()
          .map((s) => JSON.parse(s))
      : items;
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = normalize((v as Record<string, unknown>)[k], k);
    return out;
  }
  return v;
}
const unorderedKeys = new Set(['Action', 'NotAction', 'Resource', 'NotResource', 'AWS', 'Service', 'Federated', 'CanonicalUser']);

export function parseJsonOrUndefined(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** True when both strings are JSON documents with the same meaning (or equal text). */
export function equivalentJson(a: Value | undefined, b: Value | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return a === b;
  if (a === b) return true;
  const pa = parseJsonOrUndefined(a);
  const pb = parseJsonOrUndefined(b);
  if (pa === undefined || pb === undefined) return false;
  return JSON.stringify(normalize(pa)) === JSON.stringify(normalize(pb));
}

/** The planned value of a JSON attribute: the prior text when the new one means the same. */
export function keepEquivalentJson(planned: Value, prior: Value | undefined): Value {
  if (isUnknown(planned) || prior === undefined || prior === null) return planned;
  return equivalentJson(planned, prior) ? prior : planned;
}

/** AWS IAM returns documents URL-encoded. */
export function decodePolicy(doc: string | undefined): string | undefined {
  if (doc === undefined) return undefined;
  return doc.trimStart().startsWith('%') ? decodeURIComponent(doc) : doc;
}
