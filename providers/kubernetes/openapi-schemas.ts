// The API server's own OpenAPI v3 schemas, which the typed resources use to turn Terraform
// names into Kubernetes field names (`container` → `containers`) and to know which fields are
// lists, objects, integers or int-or-strings. Fetched once per group/version and kept for the
// provider's lifetime (one run), so a plan of hundreds of objects asks the server once.

import { type ApiClient, KubeApiError } from './api-client.ts';

/** One node of an OpenAPI v3 schema, as the API server serves it. */
export interface OpenApiNode {
  readonly type?: string;
  readonly format?: string;
  readonly properties?: { readonly [name: string]: OpenApiNode };
  readonly items?: OpenApiNode;
  readonly additionalProperties?: OpenApiNode | boolean;
  readonly allOf?: readonly OpenApiNode[];
  readonly $ref?: string;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-group-version-kind'?: readonly { group: string; version: string; kind: string }[];
}

/** The schemas of one group/version document, with `$ref` and single `allOf` wrappers resolved. */
export class OpenApiDoc {
  constructor(private readonly schemas: { readonly [name: string]: OpenApiNode }) {}

  resolve(node: OpenApiNode | undefined): OpenApiNode | undefined {
    let n = node;
    for (let i = 0; n && i < 20; i++) {
      if (n.$ref) n = this.schemas[n.$ref.replace('#/components/schemas/', '')];
      else if (n.allOf?.length === 1 && !n.type && !n.properties) n = n.allOf[0];
      else return n;
    }
    return n;
  }

  /** The root schema of a kind ("apps/v1", "Deployment"). */
  kind(apiVersion: string, kind: string): OpenApiNode | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return Object.values(this.schemas).find((s) => s['x-kubernetes-group-version-kind']?.some((g) => g.group === group && g.version === version && g.kind === kind));
  }

  property(node: OpenApiNode | undefined, name: string): OpenApiNode | undefined {
    return this.resolve(this.resolve(node)?.properties?.[name]);
  }
}

interface OpenApiIndex {
  paths?: { [path: string]: { serverRelativeURL?: string } };
}

export class OpenApiSchemas {
  private index: Promise<OpenApiIndex> | undefined;
  private readonly docs = new Map<string, Promise<OpenApiDoc>>();

  constructor(private readonly api: ApiClient) {}

  /** The document that describes `apiVersion`; a clear error when the server serves none. */
  async doc(apiVersion: string, signal?: AbortSignal): Promise<OpenApiDoc> {
    let p = this.docs.get(apiVersion);
    if (!p) {
      p = this.fetch(apiVersion, signal);
      this.docs.set(apiVersion, p);
      p.catch(() => this.docs.delete(apiVersion));
    }
    return p;
  }

  private async fetch(apiVersion: string, signal?: AbortSignal): Promise<OpenApiDoc> {
    this.index ??= this.api.request<OpenApiIndex>('/openapi/v3', { signal });
    const index = await this.index.catch((e: unknown) => {
      this.index = undefined;
      throw e;
    });
    const key = apiVersion.includes('/') ? `apis/${apiVersion}` : `api/${apiVersion}`;
    const url = index.paths?.[key]?.serverRelativeURL;
    if (!url) throw new KubeApiError(404, undefined, `the API server publishes no OpenAPI v3 schema for ${apiVersion}`, this.api.server);
    const body = await this.api.request<{ components?: { schemas?: { [name: string]: OpenApiNode } } }>(url, { signal });
    return new OpenApiDoc(body.components?.schemas ?? {});
  }
}
