// random_integer: a whole number in [min, max]; with `seed` the result is deterministic.

import type { ResourceSchema } from '../provider.ts';
import { fail, type ManagedResource } from '../schema-provider.ts';
import { error, type Diagnostic } from '../../engine/diagnostics.ts';
import { fromBigInt, isNum, type Num, toBigInt } from '../../engine/lang/big-number.ts';
import { keepersAttribute } from './keepers.ts';
import { sourceFor } from './random-source.ts';

export const randomIntegerSchema: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      keepers: keepersAttribute,
      min: { type: 'number', required: true, forceNew: true, int64: true, description: 'The smallest possible result.' },
      max: { type: 'number', required: true, forceNew: true, int64: true, description: 'The largest possible result.' },
      seed: { type: 'string', optional: true, forceNew: true, description: 'Makes the result deterministic.' },
      result: { type: 'number', computed: true },
      id: { type: 'string', computed: true },
    },
  },
};

const MAX_SPAN = 2n ** 48n;

export const randomInteger: ManagedResource = {
  schema: randomIntegerSchema,
  validate(config): Diagnostic[] {
    // min and max are int64 attributes: the schema boundary has checked they are whole and fit
    const ds: Diagnostic[] = [];
    if (isNum(config.min) && isNum(config.max)) {
      const min = toBigInt(config.min);
      const max = toBigInt(config.max);
      if (max < min) ds.push(error('Invalid random_integer range', `min (${min}) must be less than or equal to max (${max}).`, { attribute: 'max' }));
      else if (max - min + 1n > MAX_SPAN) ds.push(error('Invalid random_integer range', `max - min must be below 2^48.`, { attribute: 'max' }));
    }
    return ds;
  },
  create(planned) {
    // every digit of large bounds (snowflake-style ids) survives: the span is small, the bounds need not be
    const min = toBigInt(planned.min as Num);
    const max = toBigInt(planned.max as Num);
    const result = min + BigInt(sourceFor(planned.seed)(Number(max - min + 1n)));
    return { ...planned, result: fromBigInt(result), id: result.toString() };
  },
  importState(id) {
    // "<result>,<min>,<max>" or "<result>,<min>,<max>,<seed>", as the real provider takes it.
    const parts = id.split(',');
    if (parts.length < 3 || parts.length > 4 || parts.slice(0, 3).some((p) => !/^[+-]?\d+$/.test(p.trim()))) {
      fail('Invalid import id', 'random_integer imports by "<result>,<min>,<max>" or "<result>,<min>,<max>,<seed>".');
    }
    const [result, min, max] = parts.slice(0, 3).map((p) => BigInt(p.trim()));
    if (result < min || result > max) fail('Invalid import id', 'The result must lie between min and max.');
    return { keepers: null, result: fromBigInt(result), min: fromBigInt(min), max: fromBigInt(max), seed: parts[3] ?? null, id: result.toString() };
  },
};
