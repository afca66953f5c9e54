// hashicorp/random: random values generated once at apply and kept in state until replaced.

import type { ProviderContext, ProviderFactory } from '../provider.ts';
import { SchemaProvider } from '../schema-provider.ts';
import { randomBytes } from './random-bytes.ts';
import { randomId } from './random-id.ts';
import { randomInteger } from './random-integer.ts';
import { randomPassword } from './random-password.ts';
import { randomPet } from './random-pet.ts';
import { randomShuffle } from './random-shuffle.ts';
import { randomString } from './random-string.ts';
import { randomUuid } from './random-uuid.ts';

export class RandomProvider extends SchemaProvider {
  constructor(_ctx: ProviderContext) {
    super({
      name: 'random',
      stateOnly: true,
      resources: {
        random_bytes: randomBytes,
        random_id: randomId,
        random_integer: randomInteger,
        random_password: randomPassword,
        random_pet: randomPet,
        random_shuffle: randomShuffle,
        random_string: randomString,
        random_uuid: randomUuid,
      },
    });
  }
}

export const createRandomProvider: ProviderFactory = (ctx) => new RandomProvider(ctx);
