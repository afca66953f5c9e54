// A typed resource (kubernetes_config_map_v1, kubernetes_deployment_v1, ...) is its Terraform
// shape converted to a manifest, then the kubernetes_manifest machinery: server-side apply
// under field manager "ballast", drift on the fields the configuration sets, health waits,
// delete with propagation. Like hashicorp/kubernetes' typed resources, Ballast's values win a
// field conflict (a hand edit is reverted), and `id` is "namespace/name".

import { error, type Diagnostic } from '../../engine/diagnostics.ts';
import { Unknown, isObject, isSet, isUnknown, markSet, type Path, type Value, type ValueObject } from '../../engine/lang/value.ts';
import type { BlockSchema, PlanResourceChangeRequest } from '../provider.ts';
import { applyDefaults, normalizeToSchema, planFromSchema, sameValue } from '../schema-plan.ts';
import { KubeUserError } from './errors.ts';
import { applyManifest, importedManifest, planManifest, readManifest, rememberManaged, storedObject, type PlanRun } from './manifest-resource.ts';
import type { ObjectClient } from './object-client.ts';
import { describeRef, refOf, type ObjectRef } from './object-ref.ts';
import type { OpenApiSchemas } from './openapi-schemas.ts';
import { fromKube, toKube } from './typed-convert.ts';
import type { TypedKind } from './typed-kinds.ts';

const first = (v: Value | undefined): ValueObject => (Array.isArray(v) ? (v.find(isObject) ?? {}) : isObject(v) ? v : {});

/** "namespace/name", or "name" for a cluster-scoped object. */
export const typedId = (r: Pick<ObjectRef, 'namespace' | 'name'>) => (r.namespace ? `${r.namespace}/${r.name}` : r.name);

export function validateTyped(t: TypedKind, config: ValueObject): Diagnostic[] {
  const out: Diagnostic[] = [];
  const meta = first(config.metadata);
  if (!isUnknown(meta.name) && (typeof meta.name !== 'string' || meta.name === '')) {
    const why = typeof meta.generate_name === 'string' ? ' (generate_name is not supported: Ballast needs a fixed name to track the object)' : '';
    out.push(error(`${t.typeName} has no metadata.name`, `Set metadata { name = "..." }${why}.`, { attribute: 'metadata.0.name' }));
  }
  for (const k of ['data_wo', 'binary_data_wo']) {
    if (config[k] !== undefined && config[k] !== null) {
      out.push(error(`${k} is not supported`, `Ballast keeps Secret data sensitive in state; use ${k.replace('_wo', '')} instead.`, { attribute: k }));
    }
  }
  return out;
}

/** The Kubernetes object of a typed resource's state or configuration. */
export async function typedManifest(schemas: OpenApiSchemas, t: TypedKind, tf: ValueObject, signal?: AbortSignal): Promise<ValueObject> {
  const doc = await schemas.doc(t.apiVersion, signal);
  const obj = toKube(doc, t.schema.block, tf, doc.kind(t.apiVersion, t.kind), t.settings);
  const out: ValueObject = { apiVersion: t.apiVersion, kind: t.kind, ...obj };
  if (t.kind === 'Secret') {
    // Plain text in Terraform, base64 on the wire; binary_data is base64 already.
    const data: ValueObject = {};
    const d = tf.data;
    if (isUnknown(d)) return { ...out, data: d };
    for (const [k, v] of Object.entries(isObject(d) ? d : {})) data[k] = typeof v === 'string' ? Buffer.from(v, 'utf8').toString('base64') : v;
    const b = tf.binary_data;
    if (isUnknown(b)) return { ...out, data: b };
    for (const [k, v] of Object.entries(isObject(b) ? b : {})) data[k] = v;
    if (Object.keys(data).length || isObject(d) || isObject(b)) out.data = data;
  }
  return out;
}

/**
 * The Terraform state for an object: the arguments read from `manifest` (the configured
 * fields as the cluster has them now), metadata's computed attributes from the live object,
 * the resource's settings from `prior` (or their defaults).
 */
export function typedState(t: TypedKind, manifest: ValueObject, live: ValueObject | null, prior: ValueObject | null): ValueObject {
  const tf = fromKube(t.schema.block, manifest, t.settings);
  const block = t.schema.block;
  for (const k of t.settings) if (k in block.attributes || k in (block.blocks ?? {})) tf[k] = prior?.[k] ?? null;
  if (t.kind === 'Secret') {
    const binaryKeys = new Set(Object.keys(isObject(prior?.binary_data) ? prior.binary_data : {}));
    const data: ValueObject = {};
    const binary: ValueObject = {};
    for (const [k, v] of Object.entries(isObject(manifest.data) ? manifest.data : {})) {
      if (typeof v !== 'string' || binaryKeys.has(k)) binary[k] = v;
      else data[k] = Buffer.from(v, 'base64').toString('utf8');
    }
    tf.data = Object.keys(data).length || isObject(prior?.data) ? data : null;
    tf.binary_data = Object.keys(binary).length || isObject(prior?.binary_data) ? binary : null;
  }
  const liveMeta = live && isObject(live.metadata) ? live.metadata : {};
  const meta = first(tf.metadata);
  tf.metadata = [
    {
      ...meta,
      uid: typeof liveMeta.uid === 'string' ? liveMeta.uid : null,
      resource_version: typeof liveMeta.resourceVersion === 'string' ? liveMeta.resourceVersion : null,
      generation: typeof liveMeta.generation === 'number' ? liveMeta.generation : null,
    },
  ];
  const ref = refOf(manifest);
  tf.id = ref ? typedId(ref) : null;
  return normalizeToSchema(t.schema.block, applyDefaults(t.schema.block, tf));
}

/** What kubernetes_manifest's functions take: the object and the resource's wait/timeouts. */
function manifestState(t: TypedKind, tf: ValueObject, manifest: ValueObject, uid?: Value): ValueObject {
  const flag = t.waitFlag && tf[t.waitFlag.name] === true ? t.waitFlag.wait : undefined;
  const spec = first(tf.spec);
  const wait =
    flag === 'rollout'
      ? [{ rollout: true }]
      : flag === 'bound'
        ? [{ fields: { 'status.phase': 'Bound' } }]
        : flag === 'load-balancer' && (t.kind === 'Ingress' || spec.type === 'LoadBalancer')
          ? [{ fields: { 'status.loadBalancer.ingress': '.+' } }]
          : [];
  return {
    manifest,
    // hashicorp's typed resources overwrite whatever changed by hand: take the fields back.
    field_manager: [{ name: 'ballast', force_conflicts: true }],
    wait,
    timeouts: isObject(tf.timeouts) ? tf.timeouts : null,
    computed_fields: null,
    wait_for: null,
    object: typeof uid === 'string' ? { metadata: { uid } } : null,
  };
}

export async function planTyped(
  client: ObjectClient,
  schemas: OpenApiSchemas,
  run: PlanRun,
  t: TypedKind,
  req: PlanResourceChangeRequest,
  signal?: AbortSignal,
): Promise<{ planned: ValueObject | null; requiresReplace: Path[]; diagnostics: Diagnostic[] }> {
  if (req.proposedNewState === null) return { planned: null, requiresReplace: [], diagnostics: [] };
  const base = planFromSchema(t.schema, req);
  const planned = base.plannedState!;
  const manifest = await typedManifest(schemas, t, planned, signal);
  const prior = req.priorState;
  const priorManifest = prior ? await typedManifest(schemas, t, prior, signal) : null;
  // A change to an immutable field replaces the object; the server's check of the new object
  // against the old one (a dry-run apply) would only say "field is immutable".
  if (base.requiresReplace.length > 0) rememberManaged(run, refOf(priorManifest));
  const m =
    base.requiresReplace.length > 0
      ? { requiresReplace: [], diagnostics: [] }
      : await planManifest(
          client,
          run,
          {
            typeName: 'kubernetes_manifest',
            priorState: priorManifest && manifestState(t, prior!, priorManifest),
            proposedNewState: manifestState(t, planned, manifest),
            config: manifestState(t, planned, manifest),
          },
          signal,
          typedId,
        );
  if (m.diagnostics.length) return { planned: null, requiresReplace: [], diagnostics: m.diagnostics };
  const replace = m.requiresReplace.length > 0 || base.requiresReplace.length > 0;
  const changed = !priorManifest || replace || !sameValue(priorManifest, manifest);
  const ref = refOf(manifest);
  const meta = first(planned.metadata);
  const computed = (k: string) => (!prior || replace ? new Unknown() : changed ? new Unknown() : (first(prior.metadata)[k] ?? null));
  const out: ValueObject = {
    ...underivedNull(t.schema.block, planned),
    id: ref ? typedId(ref) : new Unknown(),
    metadata: [{ ...meta, uid: !prior || replace ? new Unknown() : (first(prior.metadata).uid ?? null), resource_version: computed('resource_version'), generation: computed('generation') }],
  };
  return { planned: out, requiresReplace: replace ? (base.requiresReplace.length ? base.requiresReplace : [['metadata']]) : [], diagnostics: [] };
}

/**
 * Computed-only attributes Ballast does not derive stay null: default_secret_name (no token
 * Secrets since 1.24), and the uid/resource_version of nested metadata (pod templates). The
 * top-level metadata's are set by the caller.
 */
function underivedNull(block: BlockSchema, v: ValueObject): ValueObject {
  const out: ValueObject = { ...v };
  for (const [n, a] of Object.entries(block.attributes)) if (a.computed && !a.optional && n !== 'id' && isUnknown(out[n])) out[n] = null;
  for (const [n, nb] of Object.entries(block.blocks ?? {})) {
    const x = out[n];
    if (Array.isArray(x)) {
      const mapped = x.map((i) => (isObject(i) ? underivedNull(nb.block, i) : i));
      out[n] = isSet(x) ? markSet(mapped) : mapped;
    } else if (isObject(x)) out[n] = underivedNull(nb.block, x);
  }
  return out;
}

export async function applyTyped(
  client: ObjectClient,
  schemas: OpenApiSchemas,
  t: TypedKind,
  prior: ValueObject | null,
  planned: ValueObject | null,
  signal?: AbortSignal,
): Promise<ValueObject | null> {
  const priorM = prior && manifestState(t, prior, await typedManifest(schemas, t, prior, signal), first(prior.metadata).uid);
  if (planned === null) {
    await applyManifest(client, priorM, null, signal);
    return null;
  }
  const manifest = await typedManifest(schemas, t, planned, signal);
  const made = await applyManifest(client, priorM, manifestState(t, planned, manifest), signal);
  return made && withLive(t, planned, isObject(made.object) ? made.object : null);
}

/** The planned state with what only the server knows (uid, resource version, generation). */
export function withLive(t: TypedKind, planned: ValueObject, live: ValueObject | null): ValueObject {
  const liveMeta = live && isObject(live.metadata) ? live.metadata : {};
  const ref = refOf(live);
  return normalizeToSchema(t.schema.block, {
    ...planned,
    id: ref ? typedId(ref) : (planned.id ?? null),
    metadata: [
      {
        ...first(planned.metadata),
        uid: typeof liveMeta.uid === 'string' ? liveMeta.uid : null,
        resource_version: typeof liveMeta.resourceVersion === 'string' ? liveMeta.resourceVersion : null,
        generation: typeof liveMeta.generation === 'number' ? liveMeta.generation : null,
      },
    ],
  });
}

export async function readTyped(client: ObjectClient, schemas: OpenApiSchemas, t: TypedKind, state: ValueObject, signal?: AbortSignal): Promise<{ state: ValueObject | null; warnings: Diagnostic[] }> {
  const manifest = await typedManifest(schemas, t, state, signal);
  const r = await readManifest(client, manifestState(t, state, manifest), signal);
  if (!r.state) return { state: null, warnings: r.warnings };
  const observed = isObject(r.state.manifest) ? r.state.manifest : manifest;
  return { state: typedState(t, observed, isObject(r.state.object) ? r.state.object : null, state), warnings: r.warnings };
}

/** Import by "namespace/name" (or "name" for a cluster-scoped kind), as hashicorp/kubernetes does. */
export async function importTyped(client: ObjectClient, t: TypedKind, id: string, signal?: AbortSignal): Promise<ValueObject> {
  const parts = id.split('/');
  const ok = t.namespaced ? parts.length === 2 && parts.every(Boolean) : parts.length === 1 && parts[0] !== '';
  if (!ok) throw new KubeUserError(`Invalid import id "${id}" for ${t.typeName}`, t.namespaced ? 'Use "namespace/name", e.g. "shop/web".' : "Use the object's name.");
  const ref: ObjectRef = t.namespaced ? { apiVersion: t.apiVersion, kind: t.kind, namespace: parts[0]!, name: parts[1]! } : { apiVersion: t.apiVersion, kind: t.kind, name: parts[0]! };
  const live = await client.get(ref, signal);
  if (!live) throw new KubeUserError(`Cannot import ${describeRef(ref)}: it does not exist`);
  return typedState(t, importedManifest(live), storedObject(live), null);
}
