// random_password: random_string whose result is sensitive, with a bcrypt hash of it.
// The id is the constant "none" so the secret never appears in an address or a log.

import type bcryptModule from 'bcryptjs';
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

// loaded when a password is made, not when the random provider is
const loadBcrypt = async (): Promise<typeof bcryptModule> => (await import('bcryptjs')).default;

// bcrypt's default cost, as the real provider (golang.org/x/crypto/bcrypt DefaultCost).
const BCRYPT_COST = 10;

export const randomPassword: ManagedResource = {
  schema: randomPasswordSchema,
  validate: validateCharacters,
  plan: (req) => planCharacters(randomPasswordSchema, req),
  async create(planned) {
    const result = generateCharacters(planned);
    return { ...planned, result, bcrypt_hash: await (await loadBcrypt()).hash(result, BCRYPT_COST), id: 'none' };
  },
  async importState(id) {
    if (id === '') fail('Invalid import id', 'random_password imports by the password itself.');
    return { ...importedCharacters(id), bcrypt_hash: await (await loadBcrypt()).hash(id, BCRYPT_COST), id: 'none' };
  },
};
