// Reads for a refresh in bulk: one paged LIST per kind and namespace instead of one GET per
// object, when a refresh reads several objects of one kind in one namespace (550 objects: a few
// requests instead of 550). A LIST without resourceVersion is a consistent read, as current as a
// GET, and an object missing from it is gone. Each listed object is handed out once, to the
// refresh read it was fetched for; everything else (plan checks, waits) asks the server.

import { isObject, type ValueObject } from '../../engine/lang/value.ts';
import type { ApiClient } from './api-client.ts';
import { type Discovery, groupVersionPath } from './discovery.ts';
import { collectionPath, type ObjectRef } from './object-ref.ts';

/** Fewer objects of a kind in a namespace than this are read one by one. */
const MIN_BATCH = 3;
const PAGE_SIZE = 500;

interface ListPage {
  items?: ValueObject[];
  metadata?: { continue?: string };
}

/** undefined: no bulk answer (not listed, or the list failed), read the object on its own */
type Prefetched = Promise<ValueObject | null | undefined>;

const refKey = (r: ObjectRef) => `${r.apiVersion}\n${r.kind}\n${r.namespace ?? ''}\n${r.name}`;

export class BulkReads {
  private pending = new Map<string, Prefetched>();

  constructor(
    private readonly api: ApiClient,
    private readonly discovery: Discovery,
  ) {}

  /** Starts the lists for `refs` (without waiting for them); forgets what an earlier refresh left. */
  start(refs: readonly ObjectRef[], signal?: AbortSignal): void {
    this.pending = new Map();
    const groups = new Map<string, ObjectRef[]>();
    for (const r of refs) {
      const key = `${r.apiVersion}\n${r.kind}\n${r.namespace ?? ''}`;
      const group = groups.get(key);
      if (group) group.push(r);
      else groups.set(key, [r]);
    }
    for (const group of groups.values()) {
      if (group.length < MIN_BATCH) continue;
      const listed = this.list(group[0]!, new Set(group.map((r) => r.name)), signal);
      for (const r of group)
        this.pending.set(
          refKey(r),
          listed.then((found) => (found === undefined ? undefined : (found.get(r.name) ?? null))),
        );
    }
  }

  /** The listed object (null: it is gone), or undefined when there is no bulk answer for `ref`. */
  async take(ref: ObjectRef): Promise<ValueObject | null | undefined> {
    const key = refKey(ref);
    const p = this.pending.get(key);
    if (!p) return undefined;
    this.pending.delete(key);
    return p;
  }

  /** After a write, nothing listed before it may be handed out. */
  clear(): void {
    if (this.pending.size) this.pending = new Map();
  }

  /**
   * The objects named `names` of ref's kind in ref's namespace. Any failure (RBAC allows get but
   * not list, the server went away) gives undefined: each object is then read on its own, and
   * that read reports the error for its object.
   */
  private async list(ref: ObjectRef, names: ReadonlySet<string>, signal?: AbortSignal): Promise<Map<string, ValueObject> | undefined> {
    try {
      const info = await this.discovery.find(ref.apiVersion, ref.kind, signal);
      if (!info?.verbs.includes('list') || (info.namespaced && !ref.namespace)) return undefined;
      const path = collectionPath(groupVersionPath(ref.apiVersion), info.name, info.namespaced ? ref.namespace : undefined);
      const found = new Map<string, ValueObject>();
      let scanned = 0;
      let cont: string | undefined;
      do {
        const page = await this.api.request<ListPage>(path, { query: { limit: String(PAGE_SIZE), continue: cont }, signal, list: true });
        for (const item of page.items ?? []) {
          scanned++;
          const name = isObject(item.metadata) ? item.metadata.name : undefined;
          // list items carry no apiVersion/kind; a GET's answer starts with them
          if (typeof name === 'string' && names.has(name)) found.set(name, { apiVersion: ref.apiVersion, kind: ref.kind, ...item });
        }
        cont = page.metadata?.continue || undefined;
        // a namespace holding far more of the kind than Ballast reads: one GET each costs less
        if (cont && scanned >= Math.max(4 * PAGE_SIZE, 20 * names.size)) return undefined;
      } while (cont);
      return found;
    } catch {
      return undefined;
    }
  }
}
