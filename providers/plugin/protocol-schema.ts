// The provider schema as the protocol sends it (GetProviderSchema) turned into Ballast's
// ProviderSchema, plus the cty type each block implies, which the msgpack encoding needs.

import type { Type } from '../../engine/lang/types.ts';
import type { AttributeSchema, BlockSchema, NestedBlockSchema, ProviderSchema, ResourceSchema } from '../provider.ts';
import { typeFromBytes } from './cty-type.ts';

export interface WireAttribute {
  name: string;
  type?: Uint8Array;
  nested_type?: WireObject | null;
  description?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  write_only?: boolean;
}
export interface WireObject {
  attributes?: WireAttribute[];
  nesting?: string;
}
export interface WireNestedBlock {
  type_name: string;
  block?: WireBlock | null;
  nesting?: string;
  min_items?: number;
  max_items?: number;
}
export interface WireBlock {
  version?: number;
  attributes?: WireAttribute[];
  block_types?: WireNestedBlock[];
}
export interface WireSchema {
  version?: number;
  block?: WireBlock | null;
}

/** A converted schema with the implied type of its block and the names of write-only attributes. */
export interface BridgedSchema {
  readonly schema: ResourceSchema;
  readonly type: Type;
  /** paths of write-only attributes (top level), never stored in state */
  readonly writeOnly: readonly string[];
}

function nestedObjectType(o: WireObject): Type {
  const attrs = o.attributes ?? [];
  const obj: Type = {
    object: Object.fromEntries(attrs.map((a) => [a.name, attributeType(a)])),
    optional: attrs.filter((a) => !a.required).map((a) => a.name),
  };
  switch (o.nesting) {
    case 'LIST':
      return { list: obj };
    case 'SET':
      return { set: obj };
    case 'MAP':
      return { map: obj };
    default:
      return obj;
  }
}

function attributeType(a: WireAttribute): Type {
  if (a.nested_type) return nestedObjectType(a.nested_type);
  if (!a.type || a.type.length === 0) throw new Error(`attribute "${a.name}" has no type`);
  return typeFromBytes(a.type);
}

export function blockType(b: WireBlock | null | undefined): Type {
  const out: Record<string, Type> = {};
  for (const a of b?.attributes ?? []) out[a.name] = attributeType(a);
  for (const nb of b?.block_types ?? []) {
    const inner = blockType(nb.block);
    switch (nb.nesting) {
      case 'LIST':
        out[nb.type_name] = { list: inner };
        break;
      case 'SET':
        out[nb.type_name] = { set: inner };
        break;
      case 'MAP':
        out[nb.type_name] = { map: inner };
        break;
      default:
        out[nb.type_name] = inner;
    }
  }
  return { object: out };
}

function convertBlock(b: WireBlock | null | undefined): BlockSchema {
  const attributes: Record<string, AttributeSchema> = {};
  for (const a of b?.attributes ?? []) {
    attributes[a.name] = {
      type: attributeType(a),
      required: a.required || undefined,
      optional: a.optional || undefined,
      computed: a.computed || undefined,
      // a write-only value is a secret the provider uses once; Ballast treats it as sensitive
      sensitive: a.sensitive || a.write_only || undefined,
      description: a.description || undefined,
    };
  }
  const blocks: Record<string, NestedBlockSchema> = {};
  for (const nb of b?.block_types ?? []) {
    if (nb.nesting === 'MAP') {
      // Ballast's blocks have no map nesting: a map of objects as an attribute carries the same value
      attributes[nb.type_name] = { type: { map: blockType(nb.block) }, optional: true };
      continue;
    }
    blocks[nb.type_name] = {
      nesting: nb.nesting === 'LIST' ? 'list' : nb.nesting === 'SET' ? 'set' : 'single',
      block: convertBlock(nb.block),
      minItems: nb.min_items || undefined,
      maxItems: nb.max_items || undefined,
    };
  }
  return Object.keys(blocks).length ? { attributes, blocks } : { attributes };
}

export function bridgeSchema(s: WireSchema | null | undefined): BridgedSchema {
  return {
    schema: { version: Number(s?.version ?? 0), block: convertBlock(s?.block) },
    type: blockType(s?.block),
    writeOnly: (s?.block?.attributes ?? []).filter((a) => a.write_only).map((a) => a.name),
  };
}

export interface BridgedProviderSchema {
  readonly providerSchema: ProviderSchema;
  readonly provider: BridgedSchema;
  readonly resources: ReadonlyMap<string, BridgedSchema>;
  readonly dataSources: ReadonlyMap<string, BridgedSchema>;
}

export function bridgeProviderSchema(resp: { provider?: WireSchema | null; resource_schemas?: Record<string, WireSchema>; data_source_schemas?: Record<string, WireSchema> }): BridgedProviderSchema {
  const provider = bridgeSchema(resp.provider);
  const resources = new Map(Object.entries(resp.resource_schemas ?? {}).map(([k, v]) => [k, bridgeSchema(v)]));
  const dataSources = new Map(Object.entries(resp.data_source_schemas ?? {}).map(([k, v]) => [k, bridgeSchema(v)]));
  return {
    provider,
    resources,
    dataSources,
    providerSchema: {
      provider: provider.schema.block,
      resources: Object.fromEntries([...resources].map(([k, v]) => [k, v.schema])),
      dataSources: Object.fromEntries([...dataSources].map(([k, v]) => [k, v.schema])),
    },
  };
}
