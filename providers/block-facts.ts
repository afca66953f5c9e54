// Facts about a block schema that hot paths ask once per instance but that only depend on the
// schema: computed once per BlockSchema object (schemas are built once per provider and kept).

import type { BlockSchema } from './provider.ts';

const cache = new WeakMap<BlockSchema, { numbers: boolean; sensitive: boolean }>();

function factsOf(block: BlockSchema): { numbers: boolean; sensitive: boolean } {
  let f = cache.get(block);
  if (!f) {
    const attrs = Object.values(block.attributes);
    const nested = Object.values(block.blocks ?? {}).map((b) => factsOf(b.block));
    f = {
      numbers: attrs.some((a) => a.type === 'number') || nested.some((n) => n.numbers),
      sensitive: attrs.some((a) => a.sensitive) || nested.some((n) => n.sensitive),
    };
    cache.set(block, f);
  }
  return f;
}

/** Whether the block or a block nested in it has an attribute of type number. */
export const hasNumberAttributes = (block: BlockSchema): boolean => factsOf(block).numbers;

/** Whether the block or a block nested in it declares an attribute sensitive. */
export const hasSensitiveAttributes = (block: BlockSchema): boolean => factsOf(block).sensitive;
