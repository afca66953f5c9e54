// The server-side apply core every Kubernetes resource type goes through: resolve an object's
// REST path, apply it under a field manager, read it, judge drift on the fields the manifest
// owns, wait for health, delete it. kubernetes_manifest uses it directly; typed resources
// (kubernetes_deployment_v1, ...) convert their schema to an object and use it the same way.

import { isObject, type Value, type ValueObject } from '../../engine/lang/value.ts';
import { type ApiClient, KubeApiError } from './api-client.ts';
import { BulkReads } from './bulk-reads.ts';
import { Discovery, groupVersionPath, type ApiResourceInfo } from './discovery.ts';
import { KubeUserError } from './errors.ts';
import { healthOf, type Health } from './health.ts';
import { project, withoutBookkeeping } from './managed-view.ts';
import { describeRef, objectPath, refOf, type ObjectRef } from './object-ref.ts';
import { sameValue } from '../schema-plan.ts';

export interface ApplyOptions {
  readonly fieldManager: string;
  readonly force: boolean;
  readonly dryRun?: boolean;
  readonly signal?: AbortSignal;
}

export interface DriftResult {
  /** the live object, or null when it is gone */
  readonly live: ValueObject | null;
  /** the manifest as it is in the cluster now (equal to `manifest` when nothing drifted) */
  readonly observed: ValueObject;
  readonly drifted: boolean;
}

export interface WaitSpec {
  /** kstatus: rolled out / complete / Ready */
  readonly rollout?: boolean;
  /** dotted path → expected value (a regular expression matched against the whole value) */
  readonly fields?: Readonly<Record<string, string>>;
  readonly conditions?: readonly { type: string; status: string }[];
}

export class ObjectClient {
  readonly discovery: Discovery;
  private readonly bulk: BulkReads;

  constructor(readonly api: ApiClient) {
    this.discovery = new Discovery(api);
    this.bulk = new BulkReads(api, this.discovery);
  }

  /** Starts fetching the objects a refresh is about to read, a list per kind and namespace (see bulk-reads.ts). */
  prefetch(refs: readonly ObjectRef[], signal?: AbortSignal): void {
    this.bulk.start(refs, signal);
  }

  /** The object for a refresh: from its prefetched list when there is one, else its own GET. */
  async read(ref: ObjectRef, signal?: AbortSignal): Promise<ValueObject | null> {
    const listed = await this.bulk.take(ref);
    return listed !== undefined ? listed : this.get(ref, signal);
  }

  /** The REST resource of an object; a clear error for an unknown kind or a missing namespace. */
  async resolve(ref: ObjectRef, signal?: AbortSignal): Promise<{ info: ApiResourceInfo; path: string }> {
    const info = await this.discovery.find(ref.apiVersion, ref.kind, signal);
    if (!info) throw unknownKind(ref, await this.discovery.kinds(ref.apiVersion).catch(() => []));
    if (info.namespaced && !ref.namespace) {
      throw new KubeUserError(`${describeRef(ref)} has no metadata.namespace`, `${ref.kind} is a namespaced kind; set metadata.namespace (kustomize: "namespace:").`);
    }
    return { info, path: objectPath(groupVersionPath(ref.apiVersion), info.name, info.namespaced, ref) };
  }

  /** Whether the server serves the kind now (without waiting). */
  async serves(ref: ObjectRef, signal?: AbortSignal): Promise<boolean> {
    return (await this.discovery.find(ref.apiVersion, ref.kind, signal)) !== undefined;
  }

  async get(ref: ObjectRef, signal?: AbortSignal): Promise<ValueObject | null> {
    const { path } = await this.resolve(ref, signal);
    try {
      return await this.api.request<ValueObject>(path, { signal });
    } catch (e) {
      if (e instanceof KubeApiError && e.code === 404) return null;
      throw e;
    }
  }

  async namespaceExists(name: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.api.request(`/api/v1/namespaces/${encodeURIComponent(name)}`, { signal });
      return true;
    } catch (e) {
      if (e instanceof KubeApiError && e.code === 404) return false;
      throw e;
    }
  }

  /** Server-side apply of the whole manifest; returns the object as stored (or as it would be, for a dry run). */
  async apply(manifest: ValueObject, opts: ApplyOptions): Promise<ValueObject> {
    const ref = refOf(manifest);
    if (!ref) throw new KubeUserError('The manifest has no apiVersion, kind or metadata.name');
    const { path } = await this.resolve(ref, opts.signal);
    if (!opts.dryRun) this.bulk.clear();
    return this.api.request<ValueObject>(path, {
      method: 'PATCH',
      body: manifest,
      contentType: 'application/apply-patch+yaml',
      query: { fieldManager: opts.fieldManager, force: String(opts.force), dryRun: opts.dryRun ? 'All' : undefined },
      signal: opts.signal,
    });
  }

  /**
   * Drift on the fields the manifest sets. The live object projected onto the manifest is the
   * quick answer; when it differs (often only because the server normalized a value, e.g.
   * "0.5" CPU to "500m") a dry-run apply decides: if applying the manifest again would change
   * nothing, there is no drift.
   */
  async drift(manifest: ValueObject, fieldManager: string, ignorePaths: readonly string[], signal?: AbortSignal): Promise<DriftResult> {
    const ref = refOf(manifest);
    if (!ref) throw new KubeUserError('The manifest has no apiVersion, kind or metadata.name');
    const live = await this.read(ref, signal);
    if (!live) return { live: null, observed: manifest, drifted: true };
    let observed = project(live, manifest) as ValueObject;
    for (const p of ignorePaths) observed = copyPath(observed, manifest, p);
    if (sameValue(observed, manifest)) return { live, observed: manifest, drifted: false };
    const wouldBe = await this.apply(manifest, { fieldManager, force: true, dryRun: true, signal });
    if (sameValue(withoutBookkeeping(wouldBe), withoutBookkeeping(live))) return { live, observed: manifest, drifted: false };
    return { live, observed, drifted: true };
  }

  /** Deletes with background propagation, only if the object is still the one Ballast made (same uid). */
  async delete(ref: ObjectRef, uid: string | undefined, signal?: AbortSignal): Promise<void> {
    const { path } = await this.resolve(ref, signal);
    this.bulk.clear();
    try {
      await this.api.request(path, {
        method: 'DELETE',
        body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background', ...(uid ? { preconditions: { uid } } : {}) },
        signal,
      });
    } catch (e) {
      // Gone already, or replaced by an object Ballast did not create: nothing of ours to delete.
      if (e instanceof KubeApiError && (e.code === 404 || (e.code === 409 && uid))) return;
      throw e;
    }
  }

  /** Polls until the object satisfies `wait`, or throws with the object's own reason after `timeoutMs`. */
  async waitFor(ref: ObjectRef, wait: WaitSpec, timeoutMs: number, signal?: AbortSignal): Promise<ValueObject> {
    const deadline = Date.now() + timeoutMs;
    let delay = 100;
    for (;;) {
      const live = await this.get(ref, signal);
      if (!live) throw new KubeUserError(`${describeRef(ref)} disappeared while Ballast waited for it`);
      const pending = unmet(live, wait);
      if (pending === undefined) return live;
      if (pending.failed) throw new KubeUserError(`${describeRef(ref)} failed`, pending.message);
      if (Date.now() >= deadline) {
        throw new KubeUserError(`${describeRef(ref)} did not become ready within ${Math.round(timeoutMs / 1000)}s`, pending.message);
      }
      await sleep(Math.min(delay, Math.max(0, deadline - Date.now())), signal);
      delay = Math.min(delay * 2, 1000);
    }
  }

  /** Waits until a kind (a CRD's custom resource) is served, for a CR applied right after its CRD. */
  async waitForKind(ref: ObjectRef, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.serves(ref, signal))) {
      if (Date.now() >= deadline) throw unknownKind(ref, await this.discovery.kinds(ref.apiVersion).catch(() => []));
      await sleep(250, signal);
    }
  }

  close(): void {
    this.api.close();
  }
}

/** What is still missing before `live` satisfies `wait`; undefined when nothing is. */
export function unmet(live: ValueObject, wait: WaitSpec): { message: string; failed: boolean } | undefined {
  if (wait.rollout) {
    const h: Health = healthOf(live);
    if (h.status !== 'Current') return { message: h.message, failed: h.status === 'Failed' };
  }
  for (const [path, want] of Object.entries(wait.fields ?? {})) {
    const got = getPathValue(live, path);
    const text = got === undefined || got === null ? '' : typeof got === 'object' ? JSON.stringify(got) : String(got);
    if (!new RegExp(`^(?:${want})$`).test(text)) return { message: `${path} is "${text}", waiting for "${want}"`, failed: false };
  }
  const conds = isObject(live.status) && Array.isArray(live.status.conditions) ? live.status.conditions.filter(isObject) : [];
  for (const c of wait.conditions ?? []) {
    const got = conds.find((x) => x.type === c.type);
    if (!got || got.status !== c.status) {
      const why = got ? [got.reason, got.message].filter((x) => typeof x === 'string' && x).join(': ') : 'not reported yet';
      return { message: `condition ${c.type} is ${got ? String(got.status) : 'absent'}, waiting for ${c.status}${why ? ` (${why})` : ''}`, failed: false };
    }
  }
  return undefined;
}

function getPathValue(obj: Value, path: string): Value | undefined {
  let cur: Value | undefined = obj;
  for (const part of path.split('.').flatMap((p) => p.split(/\[(\d+)\]/).filter(Boolean))) {
    if (Array.isArray(cur) && /^\d+$/.test(part)) cur = cur[Number(part)];
    else if (isObject(cur)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

function copyPath(into: ValueObject, from: ValueObject, path: string): ValueObject {
  const parts = path.split('.');
  const walk = (a: ValueObject, b: ValueObject, i: number): ValueObject => {
    const k = parts[i]!;
    if (!(k in b)) return a;
    if (i === parts.length - 1) return { ...a, [k]: b[k]! };
    const an = a[k];
    const bn = b[k];
    return isObject(an) && isObject(bn) ? { ...a, [k]: walk(an, bn, i + 1) } : a;
  };
  return walk(into, from, 0);
}

function unknownKind(ref: ObjectRef, known: string[]): KubeUserError {
  const hint = known.length
    ? `The API server serves these kinds under ${ref.apiVersion}: ${known.slice(0, 20).join(', ')}.`
    : `The API server serves nothing under ${ref.apiVersion}; is a CustomResourceDefinition missing?`;
  return new KubeUserError(`Unknown kind: no API serves ${ref.kind} in ${ref.apiVersion} (for ${describeRef(ref)})`, hint);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
