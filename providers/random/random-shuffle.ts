// random_shuffle: a random permutation of `input`, optionally shorter or longer
// (result_count); with `seed` the order is deterministic.

import type { ResourceSchema } from '../provider.ts';
import type { ManagedResource } from '../schema-provider.ts';
import { error, type Diagnostic } from '../../engine/diagnostics.ts';
import type { Value } from '../../engine/lang/value.ts';
import { keepersAttribute } from './keepers.ts';
import { shuffled, sourceFor } from './random-source.ts';

export const randomShuffleSchema: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      keepers: keepersAttribute,
      input: { type: { list: 'string' }, required: true, forceNew: true, description: 'The list to shuffle.' },
      result_count: { type: 'number', optional: true, forceNew: true, description: 'How many items to return; defaults to all.' },
      seed: { type: 'string', optional: true, forceNew: true, description: 'Makes the order deterministic.' },
      result: { type: { list: 'string' }, computed: true },
      id: { type: 'string', computed: true },
    },
  },
};

export const randomShuffle: ManagedResource = {
  schema: randomShuffleSchema,
  validate(config): Diagnostic[] {
    const n = config.result_count;
    if (typeof n === 'number' && (!Number.isInteger(n) || n < 0)) {
      return [error('Invalid result_count', 'result_count must be a whole number of at least 0.', { attribute: 'result_count' })];
    }
    return [];
  },
  create(planned) {
    const input = planned.input as Value[];
    const count = (planned.result_count as number | null) ?? input.length;
    const random = sourceFor(planned.seed);
    // More items than the input repeat it, each round in a fresh order.
    const result: Value[] = [];
    while (result.length < count && input.length > 0) result.push(...shuffled(input, random));
    return { ...planned, result: result.slice(0, count), id: '-' };
  },
};
