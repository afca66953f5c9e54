// Which REST resource serves an apiVersion + kind, and whether it is namespaced. Answers are
// cached per group/version; a miss is asked again, because a CRD applied moments ago adds a
// kind the cache has not seen.

import { type ApiClient, KubeApiError } from './api-client.ts';

export interface ApiResourceInfo {
  readonly name: string;
  readonly namespaced: boolean;
  readonly kind: string;
  readonly verbs: readonly string[];
}

interface ResourceList {
  resources?: { name: string; namespaced: boolean; kind: string; verbs?: string[] }[];
}

export class Discovery {
  private readonly cache = new Map<string, Promise<ApiResourceInfo[] | undefined>>();

  constructor(private readonly api: ApiClient) {}

  /** The resource, or undefined when the server serves no such kind. */
  async find(apiVersion: string, kind: string, signal?: AbortSignal): Promise<ApiResourceInfo | undefined> {
    let list = await this.list(apiVersion, signal);
    let hit = list?.find((r) => r.kind === kind && !r.name.includes('/'));
    if (!hit) {
      this.cache.delete(apiVersion);
      list = await this.list(apiVersion, signal);
      hit = list?.find((r) => r.kind === kind && !r.name.includes('/'));
    }
    return hit;
  }

  /** Kinds the server knows under apiVersion, for "did you mean" messages. */
  async kinds(apiVersion: string): Promise<string[]> {
    return ((await this.list(apiVersion)) ?? []).filter((r) => !r.name.includes('/')).map((r) => r.kind);
  }

  private list(apiVersion: string, signal?: AbortSignal): Promise<ApiResourceInfo[] | undefined> {
    let p = this.cache.get(apiVersion);
    if (!p) {
      p = this.fetch(apiVersion, signal);
      this.cache.set(apiVersion, p);
      // Failures and misses are not remembered.
      p.then(
        (v) => {
          if (!v) this.cache.delete(apiVersion);
        },
        () => this.cache.delete(apiVersion),
      );
    }
    return p;
  }

  private async fetch(apiVersion: string, signal?: AbortSignal): Promise<ApiResourceInfo[] | undefined> {
    try {
      const list = await this.api.request<ResourceList>(groupVersionPath(apiVersion), { signal });
      return (list.resources ?? []).map((r) => ({ name: r.name, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs ?? [] }));
    } catch (e) {
      if (e instanceof KubeApiError && e.code === 404) return undefined;
      throw e;
    }
  }
}

/** "/api/v1" for the core group, "/apis/apps/v1" otherwise. */
export function groupVersionPath(apiVersion: string): string {
  return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
}
