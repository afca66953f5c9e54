// kubernetes_manifest: any object, custom resources included, applied with server-side apply.
// Plan checks the object against the live API (kind served, namespace present, a dry-run
// apply for the server's own validation) so a bad object fails before anything changes; a CRD
// and its custom resources plan together because CRDs planned earlier in the run count as served.

import { error, type Diagnostic } from '../../engine/diagnostics.ts';
import { Unknown, containsUnknown, isObject, isUnknown, type Path, type Value, type ValueObject } from '../../engine/lang/value.ts';
import type { PlanResourceChangeRequest } from '../provider.ts';
import { normalizeToSchema, sameValue } from '../schema-plan.ts';
import { kubeDiagnostic, KubeUserError } from './errors.ts';
import { duration, isValidDuration, manifestOptions } from './manifest-options.ts';
import { manifestSchema } from './manifest-schema.ts';
import { describeRef, formatImportId, metadataOf, parseImportId, refOf, type ObjectRef } from './object-ref.ts';
import type { ObjectClient } from './object-client.ts';
import { withoutBookkeeping } from './managed-view.ts';
import { driftPolicyOf } from './drift-policy.ts';
import { healthOf, type Health } from './health.ts';
import type { DriftPolicy } from '../provider.ts';

/** What one planning run has seen so far: kinds that CRDs in the run add, namespaces it creates. */
export interface PlanRun {
  readonly plannedKinds: Set<string>;
  readonly plannedNamespaces: Set<string>;
  /** namespaces seen to exist (asked once per run) */
  readonly existingNamespaces: Set<string>;
  /** objects planned with a prior state: Ballast's own, so a replacement's fresh plan may find them in place */
  readonly managed?: Set<string>;
}

const refKey = (r: ObjectRef) => `${kindKey(r.apiVersion, r.kind)}/${r.namespace ?? ''}/${r.name}`;

/** Notes that the run plans `ref` from a prior state (an update or a replacement). */
export function rememberManaged(run: PlanRun, ref: ObjectRef | undefined): void {
  if (ref) run.managed?.add(refKey(ref));
}

export const kindKey = (apiVersion: string, kind: string) => `${apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : ''}/${kind}`;

export function validateManifestConfig(config: ValueObject): Diagnostic[] {
  const m = config.manifest;
  if (isUnknown(m) || m === undefined) return [];
  if (!isObject(m)) return [error('Invalid manifest', 'manifest must be an object (apiVersion, kind, metadata, ...).', { attribute: 'manifest' })];
  const out: Diagnostic[] = [];
  for (const k of ['apiVersion', 'kind'] as const) {
    if (!isUnknown(m[k]) && (typeof m[k] !== 'string' || m[k] === '')) out.push(error(`The manifest has no ${k}`, `Every Kubernetes object needs "${k}".`, { attribute: `manifest.${k}` }));
  }
  const meta = m.metadata;
  if (!isUnknown(meta) && (!isObject(meta) || (!isUnknown(meta.name) && (typeof meta.name !== 'string' || meta.name === '')))) {
    out.push(error('The manifest has no metadata.name', 'Ballast needs a fixed name to track the object (generateName is not supported).', { attribute: 'manifest.metadata.name' }));
  }
  if (isObject(m) && 'status' in m) out.push(error('The manifest sets status', "status belongs to the object's controller; remove it from the manifest.", { attribute: 'manifest.status' }));
  const t = isObject(config.timeouts) ? config.timeouts : {};
  for (const k of ['create', 'update', 'delete']) {
    const v = t[k];
    if (typeof v === 'string' && !isValidDuration(v)) out.push(error(`Invalid timeouts.${k} "${v}"`, 'Use a duration such as "30s", "5m" or "1h".', { attribute: `timeouts.${k}` }));
  }
  return out;
}

export async function planManifest(
  client: ObjectClient,
  run: PlanRun,
  req: PlanResourceChangeRequest,
  signal?: AbortSignal,
  importIdOf: (r: ObjectRef) => string = formatImportId,
): Promise<{ planned: ValueObject | null; requiresReplace: Path[]; diagnostics: Diagnostic[] }> {
  const proposed = req.proposedNewState;
  if (proposed === null) return { planned: null, requiresReplace: [], diagnostics: [] };
  const config = req.config ?? proposed;
  const manifest = config.manifest;
  if (!isObject(manifest)) return { planned: null, requiresReplace: [], diagnostics: [error('Invalid manifest', 'manifest must be an object.')] };
  const ref = refOf(manifest);
  if (!ref) {
    return {
      planned: null,
      requiresReplace: [],
      diagnostics: [error("The manifest's apiVersion, kind and metadata.name must be known at plan time", 'They identify the object; they cannot depend on values known only after apply.')],
    };
  }
  const prior = req.priorState;
  const priorRef = prior ? refOf(prior.manifest) : undefined;
  rememberManaged(run, priorRef);
  // The fresh plan of a replacement (delete then create): the old object is still there.
  const replacing = !prior && (run.managed?.has(refKey(ref)) ?? false);
  const requiresReplace: Path[] = [];
  if (priorRef && (kindKey(priorRef.apiVersion, priorRef.kind) !== kindKey(ref.apiVersion, ref.kind) || priorRef.name !== ref.name || (priorRef.namespace ?? '') !== (ref.namespace ?? ''))) {
    requiresReplace.push(['manifest']);
  }
  const changed = !prior || requiresReplace.length > 0 || !sameValue(prior.manifest ?? null, manifest);
  const planned: ValueObject = normalizeToSchema(manifestSchema.block, {
    ...proposed,
    manifest,
    object: changed ? new Unknown() : (prior!.object ?? null),
  });

  // Remember what this run adds, so a custom resource of a CRD planned above plans too.
  if (ref.kind === 'CustomResourceDefinition' && isObject(manifest.spec)) {
    const spec = manifest.spec;
    const names = isObject(spec.names) ? spec.names : {};
    if (typeof spec.group === 'string' && typeof names.kind === 'string') run.plannedKinds.add(`${spec.group}/${names.kind}`);
  }
  if (ref.kind === 'Namespace' && ref.apiVersion === 'v1') run.plannedNamespaces.add(ref.name);
  if (!changed) return { planned, requiresReplace, diagnostics: [] };

  const opts = manifestOptions(config);
  try {
    if (!(await client.serves(ref, signal))) {
      if (run.plannedKinds.has(kindKey(ref.apiVersion, ref.kind))) return { planned, requiresReplace, diagnostics: [] };
      await client.resolve(ref, signal); // throws the unknown-kind error
    }
    const { info } = await client.resolve(ref, signal);
    const nsExists = async (n: string) => {
      if (run.existingNamespaces.has(n)) return true;
      const yes = await client.namespaceExists(n, signal);
      if (yes) run.existingNamespaces.add(n);
      return yes;
    };
    if (info.namespaced && ref.namespace && !run.plannedNamespaces.has(ref.namespace) && !(await nsExists(ref.namespace))) {
      throw new KubeUserError(
        `Namespace "${ref.namespace}" of ${describeRef(ref)} does not exist`,
        'Create it first, or add the Namespace object to the stack (Ballast applies namespaces before what is in them).',
      );
    }
    if (replacing) return { planned, requiresReplace, diagnostics: [] };
    if (!prior) {
      const live = await client.get(ref, signal);
      if (live) {
        throw new KubeUserError(`${describeRef(ref)} already exists`, `Ballast did not create it. To manage it, import it: ballast import <address> "${importIdOf(ref)}".`);
      }
    }
    // The server's own validation, without a change, unless the namespace is created by this run.
    if (!containsUnknown(manifest) && !(info.namespaced && ref.namespace && !(await nsExists(ref.namespace)))) {
      await client.apply(manifest, { fieldManager: opts.fieldManager, force: opts.force, dryRun: true, signal });
    }
  } catch (e) {
    return { planned: null, requiresReplace: [], diagnostics: [kubeDiagnostic(e, 'planning', ref, secretStrings(manifest))] };
  }
  return { planned, requiresReplace, diagnostics: [] };
}

export async function applyManifest(client: ObjectClient, prior: ValueObject | null, planned: ValueObject | null, signal?: AbortSignal): Promise<ValueObject | null> {
  if (planned === null) {
    if (!prior) return null;
    const ref = refOf(prior.manifest);
    if (!ref) return null;
    const uid = isObject(prior.object) ? metadataOf(prior.object).uid : undefined;
    await client.delete(ref, typeof uid === 'string' ? uid : undefined, signal);
    return null;
  }
  const manifest = planned.manifest;
  const ref = refOf(manifest);
  if (!ref || !isObject(manifest)) throw new KubeUserError('The manifest has no apiVersion, kind or metadata.name');
  const opts = manifestOptions(planned);
  const timeout = prior ? opts.timeouts.update : opts.timeouts.create;
  // A custom resource right after its CRD: wait until the API serves the new kind.
  await client.waitForKind(ref, timeout, signal);
  const live = await client.apply(manifest, { fieldManager: opts.fieldManager, force: opts.force, signal });
  const applied = { ...planned, object: storedObject(live) };
  if (!opts.wait) return applied;
  try {
    return { ...planned, object: storedObject(await client.waitFor(ref, opts.wait, timeout, signal)) };
  } catch (e) {
    throw new AppliedButUnhealthy(applied, e);
  }
}

/** The object was applied but did not become healthy: the state records it all the same. */
export class AppliedButUnhealthy extends Error {
  constructor(
    readonly state: ValueObject,
    readonly reason: unknown,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/**
 * The object as it is now, judged on the fields Ballast manages. The object's own drift policy
 * (label or annotation) goes back to the engine, which reports "alert" drift without reverting
 * it; "ignore" is applied here: the recorded manifest stands, only the live view is refreshed.
 */
export async function readManifest(
  client: ObjectClient,
  state: ValueObject,
  signal?: AbortSignal,
): Promise<{ state: ValueObject | null; warnings: Diagnostic[]; policy?: DriftPolicy; health?: Health }> {
  const manifest = state.manifest;
  const ref = refOf(manifest);
  if (!ref || !isObject(manifest)) return { state, warnings: [] };
  const opts = manifestOptions(state);
  const policy = driftPolicyOf(manifest);
  if (policy === 'ignore') {
    const live = await client.read(ref, signal);
    return { state: live ? { ...state, object: storedObject(live) } : null, warnings: [], policy, health: live ? healthOf(live) : undefined };
  }
  const d = await client.drift(manifest, opts.fieldManager, opts.computedFields, signal);
  if (!d.live) return { state: null, warnings: [], policy };
  return { state: { ...state, manifest: d.observed, object: storedObject(d.live) }, warnings: [], policy, health: healthOf(d.live) };
}

export async function importManifest(client: ObjectClient, id: string, signal?: AbortSignal): Promise<ValueObject> {
  const ref = parseImportId(id);
  if (!ref) {
    throw new KubeUserError(`Invalid import id "${id}"`, 'Use "apiVersion,kind,namespace,name" (e.g. "apps/v1,Deployment,shop,web"), or "apiVersion,kind,name" for a cluster-scoped object.');
  }
  const live = await client.get(ref, signal);
  if (!live) throw new KubeUserError(`Cannot import ${describeRef(ref)}: it does not exist`);
  return normalizeToSchema(manifestSchema.block, { manifest: importedManifest(live), object: storedObject(live) });
}

/** What `object` keeps: no status or bookkeeping (they change all the time), no Secret values. */
export function storedObject(live: ValueObject): ValueObject {
  const out = withoutBookkeeping(live, true);
  if (live.kind === 'Secret' && live.apiVersion === 'v1') {
    delete out.data;
    delete out.stringData;
  }
  return out;
}

/** The manifest of an imported object: what a user would have written. */
export function importedManifest(live: ValueObject): ValueObject {
  const out = withoutBookkeeping(live, true);
  const meta = { ...metadataOf(out) };
  for (const k of ['uid', 'creationTimestamp', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'ownerReferences']) delete meta[k];
  if (isObject(meta.annotations)) {
    const rest = { ...meta.annotations };
    delete rest['kubectl.kubernetes.io/last-applied-configuration'];
    meta.annotations = rest;
    if (Object.keys(rest).length === 0) delete meta.annotations;
  }
  return { ...out, metadata: meta };
}

/** Strings inside a Secret's data, to keep out of messages. */
export function secretStrings(manifest: Value | undefined): string[] {
  if (!isObject(manifest) || manifest.kind !== 'Secret') return [];
  const out: string[] = [];
  for (const k of ['data', 'stringData']) {
    const d = manifest[k];
    if (isObject(d))
      for (const v of Object.values(d))
        if (typeof v === 'string') {
          out.push(v);
          if (k === 'data') out.push(Buffer.from(v, 'base64').toString('utf8'));
        }
  }
  return out;
}

export { duration, refOf, type ObjectRef };
