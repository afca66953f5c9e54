// The live object as seen through the manifest Ballast applied: only the paths the manifest
// sets, so server defaults, other controllers' fields and status never read as drift.

import { isObject, type Value, type ValueObject } from '../../engine/lang/value.ts';

/** `live` projected onto the shape of `manifest`; a path the live object lacks reads null. */
export function project(live: Value | undefined, manifest: Value): Value {
  if (isObject(manifest)) {
    const src = isObject(live) ? live : {};
    const out: ValueObject = {};
    for (const k of Object.keys(manifest)) out[k] = project(src[k], manifest[k]);
    return out;
  }
  if (Array.isArray(manifest)) {
    // Same length: element by element (containers, ports); otherwise the list as it is.
    if (Array.isArray(live) && live.length === manifest.length) return manifest.map((m, i) => project(live[i], m));
    return live === undefined ? null : live;
  }
  return live === undefined ? null : live;
}

/** Fields that change on every write or belong to the server; not part of any comparison. */
export function withoutBookkeeping(obj: ValueObject, dropStatus = false): ValueObject {
  const meta = isObject(obj.metadata) ? { ...obj.metadata } : undefined;
  if (meta) {
    delete meta.managedFields;
    delete meta.resourceVersion;
    delete meta.generation;
  }
  const out: ValueObject = { ...obj, ...(meta ? { metadata: meta } : {}) };
  if (dropStatus) delete out.status;
  return out;
}

/** Sets `value` at a dotted path ("metadata.annotations", "spec.replicas") in a copy of `obj`. */
export function setPath(obj: ValueObject, path: string, value: Value): ValueObject {
  const [head, ...rest] = splitPath(path);
  if (head === undefined) return obj;
  if (rest.length === 0) return { ...obj, [head]: value };
  const inner = isObject(obj[head]) ? (obj[head] as ValueObject) : {};
  return { ...obj, [head]: setPath(inner, rest.join('.'), value) };
}

export function getPath(obj: Value, path: string): Value | undefined {
  let cur: Value | undefined = obj;
  for (const part of splitPath(path)) {
    if (Array.isArray(cur) && /^\d+$/.test(part)) cur = cur[Number(part)];
    else if (isObject(cur)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

/** "metadata.annotations[\"a.b/c\"]" and "spec.template.spec.containers[0].image" both work. */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["([^"]*)"\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}
