import type { AttributeSchema } from '../provider.ts';

/** Every random resource has `keepers`: arbitrary values whose change makes a new random value. */
export const keepersAttribute: AttributeSchema = {
  type: { map: 'string' },
  optional: true,
  forceNew: true,
  description: 'Arbitrary values that, when changed, replace the resource (and so its random value).',
};
