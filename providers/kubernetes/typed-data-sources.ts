// hashicorp/kubernetes' data sources: kubernetes_resource (one object of any kind),
// kubernetes_resources (a list, by label/field selector), kubernetes_namespace_v1 and
// kubernetes_secret_v1 (data decoded, always sensitive). Schemas from the bindings.

import { isObject, type Value, type ValueObject } from '../../engine/lang/value.ts';
import type { AttributeSchema, BlockSchema, ResourceSchema } from '../provider.ts';
import { normalizeToSchema } from '../schema-plan.ts';
import { bindingSchemas } from './binding-schemas.ts';
import { groupVersionPath } from './discovery.ts';
import { KubeUserError } from './errors.ts';
import { withoutBookkeeping } from './managed-view.ts';
import type { ObjectClient } from './object-client.ts';
import { collectionPath, describeRef, type ObjectRef } from './object-ref.ts';
import { fromKube } from './typed-convert.ts';

export interface KubeDataSource {
  readonly schema: ResourceSchema;
  read(client: ObjectClient, config: ValueObject, signal?: AbortSignal): Promise<ValueObject>;
}

const first = (v: Value | undefined): ValueObject => (Array.isArray(v) ? (v.find(isObject) ?? {}) : isObject(v) ? v : {});

function schemaOf(name: string, attrs: { [n: string]: Partial<AttributeSchema> }, metaAttrs: { [n: string]: Partial<AttributeSchema> } = {}): ResourceSchema {
  const b = bindingSchemas[`data:${name}`];
  if (!b) throw new Error(`no binding schema for data source ${name}`);
  const over = (block: BlockSchema, o: { [n: string]: Partial<AttributeSchema> }): BlockSchema => {
    const attributes: { [n: string]: AttributeSchema } = { ...block.attributes };
    for (const [n, x] of Object.entries(o)) {
      const a: AttributeSchema = attributes[n] ?? { type: 'string' };
      // An overlay that makes an attribute computed-only drops the binding's "optional".
      attributes[n] = { ...((x.computed && !x.optional) || x.required ? { type: a.type } : a), ...x };
    }
    return { ...block, attributes };
  };
  const blocks = b.blocks && Object.fromEntries(Object.entries(b.blocks).map(([n, nb]) => [n, n === 'metadata' ? { ...nb, block: over(nb.block, metaAttrs) } : nb]));
  return { version: 1, block: { ...over(b, attrs), ...(blocks ? { blocks } : {}) } };
}

/** What a read object shows: no managed fields or resource version, no Secret values. */
function shown(live: ValueObject): ValueObject {
  const out = withoutBookkeeping(live);
  if (out.kind === 'Secret') {
    delete out.data;
    delete out.stringData;
  }
  return out;
}

async function mustGet(client: ObjectClient, ref: ObjectRef, signal?: AbortSignal): Promise<ValueObject> {
  const live = await client.get(ref, signal);
  if (!live) throw new KubeUserError(`${describeRef(ref)} does not exist`);
  return live;
}

function metaState(block: BlockSchema, live: ValueObject): ValueObject {
  const meta = isObject(live.metadata) ? live.metadata : {};
  const tf = fromKube(block, meta);
  return { ...tf, resource_version: meta.resourceVersion ?? null, generation: meta.generation ?? null, uid: meta.uid ?? null };
}

const metaBlock = (s: ResourceSchema) => s.block.blocks!.metadata!.block;

const resourceSchema = schemaOf('kubernetes_resource', { object: { type: 'dynamic', computed: true } });
const resourcesSchema = schemaOf('kubernetes_resources', { objects: { type: 'dynamic', computed: true } });
const namespaceSchema = schemaOf('kubernetes_namespace_v1', { id: { computed: true } }, { name: { required: true } });
const secretSchema = schemaOf(
  'kubernetes_secret_v1',
  {
    id: { computed: true },
    data: { type: { map: 'string' }, computed: true, sensitive: true },
    binary_data: { optional: true, computed: true, sensitive: true },
  },
  { name: { required: true } },
);

export const dataSources: { readonly [typeName: string]: KubeDataSource } = {
  kubernetes_resource: {
    schema: resourceSchema,
    async read(client, config, signal) {
      const meta = first(config.metadata);
      const ref: ObjectRef = {
        apiVersion: String(config.api_version),
        kind: String(config.kind),
        name: String(meta.name),
        ...(typeof meta.namespace === 'string' && meta.namespace ? { namespace: meta.namespace } : {}),
      };
      return normalizeToSchema(resourceSchema.block, { ...config, object: shown(await mustGet(client, ref, signal)) });
    },
  },
  kubernetes_resources: {
    schema: resourcesSchema,
    async read(client, config, signal) {
      const apiVersion = String(config.api_version);
      const kind = String(config.kind);
      const info = await client.discovery.find(apiVersion, kind, signal);
      if (!info) throw new KubeUserError(`Unknown kind: no API serves ${kind} in ${apiVersion}`);
      const str = (v: Value | undefined) => (typeof v === 'string' && v !== '' ? v : undefined);
      const path = collectionPath(groupVersionPath(apiVersion), info.name, info.namespaced ? str(config.namespace) : undefined);
      const list = await client.api.request<{ items?: ValueObject[] }>(path, {
        query: { labelSelector: str(config.label_selector), fieldSelector: str(config.field_selector), limit: typeof config.limit === 'number' ? String(config.limit) : undefined },
        signal,
        list: true,
      });
      const objects = (list.items ?? []).map((o) => shown({ apiVersion, kind, ...o }));
      return normalizeToSchema(resourcesSchema.block, { ...config, objects });
    },
  },
  kubernetes_namespace_v1: {
    schema: namespaceSchema,
    async read(client, config, signal) {
      const name = String(first(config.metadata).name);
      const live = await mustGet(client, { apiVersion: 'v1', kind: 'Namespace', name }, signal);
      return normalizeToSchema(namespaceSchema.block, { id: name, metadata: [metaState(metaBlock(namespaceSchema), live)] });
    },
  },
  kubernetes_secret_v1: {
    schema: secretSchema,
    async read(client, config, signal) {
      const meta = first(config.metadata);
      const namespace = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : 'default';
      const live = await mustGet(client, { apiVersion: 'v1', kind: 'Secret', namespace, name: String(meta.name) }, signal);
      // Keys named in binary_data stay base64; the rest is decoded, as hashicorp/kubernetes does.
      const binaryKeys = new Set(Object.keys(isObject(config.binary_data) ? config.binary_data : {}));
      const data: ValueObject = {};
      const binary: ValueObject = {};
      for (const [k, v] of Object.entries(isObject(live.data) ? live.data : {})) {
        if (typeof v !== 'string') continue;
        if (binaryKeys.has(k)) binary[k] = v;
        else data[k] = Buffer.from(v, 'base64').toString('utf8');
      }
      return normalizeToSchema(secretSchema.block, {
        id: `${namespace}/${String(meta.name)}`,
        metadata: [{ ...metaState(metaBlock(secretSchema), live), namespace }],
        data,
        binary_data: binaryKeys.size ? binary : null,
        type: typeof live.type === 'string' ? live.type : null,
        immutable: typeof live.immutable === 'boolean' ? live.immutable : null,
      });
    },
  },
};
