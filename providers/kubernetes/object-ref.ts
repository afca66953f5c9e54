// Identity of a Kubernetes object (apiVersion, kind, namespace, name), how it is written in
// messages and import ids, and where it lives in the REST API.

import type { Value, ValueObject } from '../../engine/lang/value.ts';
import { isObject } from '../../engine/lang/value.ts';

export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

/** The identity of a manifest; undefined when apiVersion, kind or metadata.name is not a known string. */
export function refOf(manifest: Value | undefined): ObjectRef | undefined {
  if (!isObject(manifest)) return undefined;
  const { apiVersion, kind } = manifest;
  const meta = manifest.metadata;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !isObject(meta) || typeof meta.name !== 'string') return undefined;
  const ns = meta.namespace;
  return { apiVersion, kind, name: meta.name, ...(typeof ns === 'string' && ns !== '' ? { namespace: ns } : {}) };
}

/** "Deployment shop/web (apps/v1)" */
export function describeRef(r: ObjectRef): string {
  return `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name} (${r.apiVersion})`;
}

/** The import id: "apiVersion,kind,namespace,name" (namespace left out for cluster-scoped objects). */
export function formatImportId(r: ObjectRef): string {
  return [r.apiVersion, r.kind, ...(r.namespace ? [r.namespace] : []), r.name].join(',');
}

/**
 * Parses "apps/v1,Deployment,shop,web", "v1,Namespace,shop", or hashicorp's
 * "apiVersion=apps/v1,kind=Deployment,namespace=shop,name=web".
 */
export function parseImportId(id: string): ObjectRef | undefined {
  const parts = id.split(',').map((p) => p.trim());
  if (parts.every((p) => p.includes('='))) {
    const kv = Object.fromEntries(parts.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
    if (!kv.apiVersion || !kv.kind || !kv.name) return undefined;
    return { apiVersion: kv.apiVersion, kind: kv.kind, name: kv.name, ...(kv.namespace ? { namespace: kv.namespace } : {}) };
  }
  if (parts.some((p) => p === '')) return undefined;
  if (parts.length === 4) return { apiVersion: parts[0]!, kind: parts[1]!, namespace: parts[2]!, name: parts[3]! };
  if (parts.length === 3) return { apiVersion: parts[0]!, kind: parts[1]!, name: parts[2]! };
  return undefined;
}

/** The object's own URL path below the group/version path. */
export function objectPath(groupVersionPath: string, resource: string, namespaced: boolean, r: Pick<ObjectRef, 'namespace' | 'name'>): string {
  const ns = namespaced ? `/namespaces/${encodeURIComponent(r.namespace ?? '')}` : '';
  return `${groupVersionPath}${ns}/${resource}/${encodeURIComponent(r.name)}`;
}

/** The collection of a kind: in one namespace, or (no namespace) in the whole cluster. */
export function collectionPath(groupVersionPath: string, resource: string, namespace: string | undefined): string {
  return `${groupVersionPath}${namespace ? `/namespaces/${encodeURIComponent(namespace)}` : ''}/${resource}`;
}

export function metadataOf(obj: ValueObject): ValueObject {
  return isObject(obj.metadata) ? obj.metadata : {};
}
