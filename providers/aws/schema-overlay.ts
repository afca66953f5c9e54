// Resource schemas = the attribute catalog generated from the cdktf bindings plus the
// semantics each resource file declares (computed, forceNew, defaults, sensitive).

import type { AttributeSchema, BlockSchema, NestedBlockSchema, ResourceSchema } from '../provider.ts';
import { bindingSchemas } from './binding-schemas.ts';

export interface BlockOverlay {
  readonly attributes?: { readonly [name: string]: Partial<AttributeSchema> };
  readonly blocks?: { readonly [name: string]: Partial<Omit<NestedBlockSchema, 'block'>> & { block?: BlockOverlay } };
}

export function overlayBlock(base: BlockSchema, o: BlockOverlay): BlockSchema {
  const attributes: Record<string, AttributeSchema> = { ...base.attributes };
  for (const [name, a] of Object.entries(o.attributes ?? {})) {
    const merged = { ...(attributes[name] ?? { type: 'string' }), ...a } as AttributeSchema & { optional?: boolean; required?: boolean };
    // Declaring computed-only or required replaces what the bindings guessed.
    if (a.required) delete (merged as { optional?: boolean }).optional;
    if (a.optional) delete (merged as { required?: boolean }).required;
    attributes[name] = merged;
  }
  const blocks: Record<string, NestedBlockSchema> = { ...(base.blocks ?? {}) };
  for (const [name, b] of Object.entries(o.blocks ?? {})) {
    const prev = blocks[name] ?? { nesting: 'list', block: { attributes: {} } };
    const { block: inner, ...rest } = b;
    blocks[name] = { ...prev, ...rest, block: inner ? overlayBlock(prev.block, inner) : prev.block };
  }
  return { attributes, blocks };
}

/** The schema for a type: its binding catalog with the overlay applied. `id` is always provider-computed. */
export function resourceSchema(typeName: string, o: BlockOverlay, version = 0): ResourceSchema {
  const base = bindingSchemas[typeName];
  if (!base) throw new Error(`internal error: no binding schema for ${typeName}`);
  const withId: BlockOverlay = { ...o, attributes: { id: { type: 'string', optional: true, computed: true }, ...o.attributes } };
  return { version, block: overlayBlock(base, withId) };
}

/** `tags` (optional) and `tags_all` (computed: default_tags merged in). */
export const TAGS: BlockOverlay['attributes'] = {
  tags: { type: { map: 'string' }, optional: true },
  tags_all: { type: { map: 'string' }, optional: true, computed: true },
};

/** Region argument of provider v6 resources: accepted, must be the provider's region. */
export const REGION: BlockOverlay['attributes'] = { region: { type: 'string', optional: true, computed: true } };
