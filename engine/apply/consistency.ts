// After values learned during apply, a provider's final plan must agree with every value
// that was already known in the plan the user approved ("plans exactly what it applies").

import { isObject, Unknown, valuesEqual, type Path, type Value } from '../lang/value.ts';

export function inconsistentPaths(approved: Value, final: Value, at: Path = [], out: Path[] = []): Path[] {
  if (approved instanceof Unknown) return out;
  if (isObject(approved) && isObject(final)) {
    for (const k of Object.keys(approved)) inconsistentPaths(approved[k], final[k] ?? null, [...at, k], out);
    return out;
  }
  if (Array.isArray(approved) && Array.isArray(final) && approved.length === final.length) {
    approved.forEach((x, i) => inconsistentPaths(x, final[i], [...at, i], out));
    return out;
  }
  if (Array.isArray(approved) && approved.some((x) => containsUnknownShallow(x))) return out; // list whose length depended on unknowns
  if (!valuesEqual(approved, final)) out.push(at);
  return out;
}

function containsUnknownShallow(v: Value): boolean {
  return v instanceof Unknown || (isObject(v) && Object.values(v).some((x) => x instanceof Unknown));
}
