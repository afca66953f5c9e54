// Kubernetes objects → the Terraform JSON of one stack: one kubernetes_manifest per object, with
// a readable, stable name (Deployment_shop_web), Namespaces and CRDs ordered before what uses
// them, Secret values marked sensitive, and health waits so an apply ends when objects are ready.

import { SynthError } from '../synth-error.ts';
import type { KubeObject, SourcedObject } from './read-objects.ts';

export interface ClusterStackOptions {
  /** how objects are waited for after apply (default 5m) */
  readonly timeout?: string;
}

/** The Terraform resource name of an object: Kind_namespace_name, dots as underscores. */
export function resourceName(o: KubeObject): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');
  return [o.kind, o.metadata.namespace, o.metadata.name]
    .filter((x): x is string => !!x)
    .map(clean)
    .join('_');
}

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');

export function toStackJson(objects: readonly SourcedObject[], opts: ClusterStackOptions = {}): Record<string, unknown> {
  const byName = new Map<string, SourcedObject>();
  const problems: string[] = [];
  for (const so of objects) {
    const name = resourceName(so.object);
    const seen = byName.get(name);
    if (seen) problems.push(`${so.source}: ${so.object.kind} "${so.object.metadata.name}" is defined twice (also at ${seen.source})`);
    else byName.set(name, so);
  }
  if (problems.length) throw new SynthError(problems.join('\n'));

  const namespaces = new Map<string, string>();
  const crds = new Map<string, string>();
  for (const [name, { object: o }] of byName) {
    if (o.kind === 'Namespace' && o.apiVersion === 'v1') namespaces.set(o.metadata.name, name);
    if (o.kind === 'CustomResourceDefinition') {
      const spec = (o.spec ?? {}) as { group?: string; names?: { kind?: string } };
      if (spec.group && spec.names?.kind) crds.set(`${spec.group}/${spec.names.kind}`, name);
    }
  }

  const timeout = opts.timeout ?? '5m';
  const resources: Record<string, unknown> = {};
  for (const name of [...byName.keys()].sort()) {
    const { object: o, source } = byName.get(name)!;
    const deps: string[] = [];
    const ns = o.metadata.namespace;
    if (ns && namespaces.has(ns)) deps.push(`kubernetes_manifest.${namespaces.get(ns)}`);
    const crd = crds.get(`${groupOf(o.apiVersion)}/${o.kind}`);
    if (crd) deps.push(`kubernetes_manifest.${crd}`);
    resources[name] = {
      '//': { source },
      manifest: manifestJson(o),
      field_manager: { name: 'ballast', force_conflicts: true },
      wait: o.kind === 'CustomResourceDefinition' ? { condition: [{ type: 'Established', status: 'True' }] } : { rollout: true },
      timeouts: { create: timeout, update: timeout },
      ...(deps.length ? { depends_on: deps } : {}),
    };
  }
  return {
    '//': { metadata: { generator: 'ballast cluster-app loader' } },
    terraform: { required_providers: { kubernetes: { source: 'hashicorp/kubernetes' } } },
    provider: { kubernetes: [{}] },
    ...(Object.keys(resources).length ? { resource: { kubernetes_manifest: resources } } : {}),
  };
}

/** The object as Terraform JSON: literal strings escaped, a Secret's values wrapped in sensitive(). */
function manifestJson(o: KubeObject): unknown {
  const out = escapeStrings(o) as Record<string, unknown>;
  if (o.kind === 'Secret' && o.apiVersion === 'v1') {
    for (const k of ['data', 'stringData']) {
      if (o[k] !== undefined && o[k] !== null) {
        const encoded = Buffer.from(JSON.stringify(o[k])).toString('base64');
        out[k] = `\${sensitive(jsondecode(base64decode("${encoded}")))}`;
      }
    }
  }
  return out;
}

/** Strings in Terraform JSON are templates: "${" and "%{" in YAML text are literal, so double them. */
export function escapeStrings(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/\$\{/g, '$$$${').replace(/%\{/g, '%%{');
  if (Array.isArray(v)) return v.map(escapeStrings);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, escapeStrings(x)]));
  return v;
}
