// random_password: random_string whose result is sensitive, with a bcrypt hash of it.
// The id is the constant "none" so the secret never appears in an address or a log.

import bcrypt from 'bcryptjs';
import type { ResourceSchema } from '../provider.ts';
import { fail, type ManagedResource } from '../schema-provider.ts';
import { characterAttributes, generateCharacters, planCharacters, validateCharacters } from './random-characters.ts';
import { importedCharacters } from './random-string.ts';

export const randomPasswordSchema: ResourceSchema = {
  version: 3,
  block: {
    attributes: {
      ...characterAttributes(true),
      bcrypt_hash: { type: 'string', computed: true, sensitive: true, description: 'A bcrypt hash of result.' },
    },
  },
};

// bcrypt's default cost, as the real provider (golang.org/x/crypto/bcrypt DefaultCost).
const BCRYPT_COST = 10;

export const randomPassword: ManagedResource = {
  schema: randomPasswordSchema,
  validate: validateCharacters,
  plan: (req) => planCharacters(randomPasswordSchema, req),
  async create(planned) {
    const result = generateCharacters(planned);
    return { ...planned, result, bcrypt_hash: await bcrypt.hash(result, BCRYPT_COST), id: 'none' };
  },
  async importState(id) {
    if (id === '') fail('Invalid import id', 'random_password imports by the password itself.');
    return { ...importedCharacters(id), bcrypt_hash: await bcrypt.hash(id, BCRYPT_COST), id: 'none' };
  },
};
