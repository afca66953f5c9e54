// random_integer: a whole number in [min, max]; with `seed` the result is deterministic.

import type { ResourceSchema } from '../provider.ts';
import { fail, type ManagedResource } from '../schema-provider.ts';
import { error, type Diagnostic } from '../../engine/diagnostics.ts';
import { keepersAttribute } from './keepers.ts';
import { sourceFor } from './random-source.ts';

export const randomIntegerSchema: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      keepers: keepersAttribute,
      min: { type: 'number', required: true, forceNew: true, description: 'The smallest possible result.' },
      max: { type: 'number', required: true, forceNew: true, description: 'The largest possible result.' },
      seed: { type: 'string', optional: true, forceNew: true, description: 'Makes the result deterministic.' },
      result: { type: 'number', computed: true },
      id: { type: 'string', computed: true },
    },
  },
};

const MAX_SPAN = 2 ** 48;

export const randomInteger: ManagedResource = {
  schema: randomIntegerSchema,
  validate(config): Diagnostic[] {
    const { min, max } = config;
    const ds: Diagnostic[] = [];
    for (const [name, v] of [
      ['min', min],
      ['max', max],
    ] as const) {
      if (typeof v === 'number' && !Number.isSafeInteger(v)) ds.push(error(`Invalid ${name}`, `${name} must be a whole number.`, { attribute: name }));
    }
    if (ds.length === 0 && typeof min === 'number' && typeof max === 'number') {
      if (max < min) ds.push(error('Invalid random_integer range', `min (${min}) must be less than or equal to max (${max}).`, { attribute: 'max' }));
      else if (max - min + 1 > MAX_SPAN) ds.push(error('Invalid random_integer range', `max - min must be below 2^48.`, { attribute: 'max' }));
    }
    return ds;
  },
  create(planned) {
    const min = planned.min as number;
    const max = planned.max as number;
    const result = min + sourceFor(planned.seed)(max - min + 1);
    return { ...planned, result, id: String(result) };
  },
  importState(id) {
    // "<result>,<min>,<max>" or "<result>,<min>,<max>,<seed>", as the real provider takes it.
    const parts = id.split(',');
    const nums = parts.slice(0, 3).map(Number);
    if (parts.length < 3 || parts.length > 4 || nums.some((n) => !Number.isSafeInteger(n)) || parts.slice(0, 3).some((p) => p.trim() === '')) {
      fail('Invalid import id', 'random_integer imports by "<result>,<min>,<max>" or "<result>,<min>,<max>,<seed>".');
    }
    const [result, min, max] = nums;
    if (result < min || result > max) fail('Invalid import id', 'The result must lie between min and max.');
    return { keepers: null, result, min, max, seed: parts[3] ?? null, id: String(result) };
  },
};
