// random_string: random characters from the chosen classes; `id` is the result itself.

import type { ResourceSchema } from '../provider.ts';
import { fail, type ManagedResource } from '../schema-provider.ts';
import { characterAttributes, generateCharacters, planCharacters, validateCharacters } from './random-characters.ts';

export const randomStringSchema: ResourceSchema = { version: 2, block: { attributes: characterAttributes(false) } };

/** The state an imported string gets: its characters as result, every option at its default. */
export function importedCharacters(result: string) {
  return {
    keepers: null,
    length: result.length,
    lower: true,
    upper: true,
    numeric: true,
    number: true,
    special: true,
    min_lower: 0,
    min_upper: 0,
    min_numeric: 0,
    min_special: 0,
    override_special: null,
    result,
  };
}

export const randomString: ManagedResource = {
  schema: randomStringSchema,
  validate: validateCharacters,
  plan: (req) => planCharacters(randomStringSchema, req),
  create(planned) {
    const result = generateCharacters(planned);
    return { ...planned, result, id: result };
  },
  importState(id) {
    if (id === '') fail('Invalid import id', 'random_string imports by the string itself.');
    return { ...importedCharacters(id), id };
  },
};
