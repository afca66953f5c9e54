// random_pet: a random pet name such as "quickly-brave-otter", for readable unique names.

import type { ResourceSchema } from '../provider.ts';
import type { ManagedResource } from '../schema-provider.ts';
import { error, type Diagnostic } from '../../engine/diagnostics.ts';
import { keepersAttribute } from './keepers.ts';
import { ADJECTIVES, ADVERBS, NAMES } from './pet-words.ts';
import { cryptoSource, type RandomSource } from './random-source.ts';

export const randomPetSchema: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      keepers: keepersAttribute,
      length: { type: 'number', optional: true, computed: true, forceNew: true, default: 2, description: 'Number of words.' },
      prefix: { type: 'string', optional: true, forceNew: true, description: 'Text put before the name.' },
      separator: { type: 'string', optional: true, computed: true, forceNew: true, default: '-', description: 'Text between the words.' },
      id: { type: 'string', computed: true },
    },
  },
};

/** length 1: name; 2: adjective-name; more: adverbs, then an adjective, then a name. */
export function petName(length: number, separator: string, random: RandomSource = cryptoSource): string {
  const pick = (words: readonly string[]) => words[random(words.length)];
  if (length <= 1) return pick(NAMES);
  const words: string[] = [];
  for (let i = 0; i < length - 2; i++) words.push(pick(ADVERBS));
  words.push(pick(ADJECTIVES), pick(NAMES));
  return words.join(separator);
}

export const randomPet: ManagedResource = {
  schema: randomPetSchema,
  validate(config): Diagnostic[] {
    const n = config.length;
    if (typeof n === 'number' && (!Number.isInteger(n) || n < 1)) {
      return [error('Invalid length', 'length must be a whole number of at least 1.', { attribute: 'length' })];
    }
    return [];
  },
  create(planned) {
    const separator = planned.separator as string;
    const pet = petName(planned.length as number, separator);
    const prefix = planned.prefix;
    return { ...planned, id: typeof prefix === 'string' ? `${prefix}${separator}${pet}` : pet };
  },
};
