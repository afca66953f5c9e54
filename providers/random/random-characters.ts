// What random_string and random_password share: their arguments, the check that the minimums
// fit the length, the number/numeric pair, and the generator.

import type { BlockSchema, PlanResourceChangeRequest, ResourceSchema } from '../provider.ts';
import { error, type Diagnostic } from '../../engine/diagnostics.ts';
import { isUnknown, type ValueObject } from '../../engine/lang/value.ts';
import { planFromSchema, type SchemaPlan } from '../schema-plan.ts';
import { keepersAttribute } from './keepers.ts';
import { cryptoSource, shuffled, type RandomSource } from './random-source.ts';

export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const NUMERIC = '0123456789';
export const SPECIAL = '!@#$%&*()-_=+[]{}<>:?';

const flag = (description: string) => ({ type: 'bool' as const, optional: true, computed: true, forceNew: true, default: true, description });
const minimum = (description: string) => ({ type: 'number' as const, optional: true, computed: true, forceNew: true, default: 0, description });

export function characterAttributes(sensitive: boolean): BlockSchema['attributes'] {
  return {
    keepers: keepersAttribute,
    length: { type: 'number', required: true, forceNew: true, description: 'At least 1 and at least the sum of the min_* arguments.' },
    lower: flag('Use lowercase letters.'),
    upper: flag('Use uppercase letters.'),
    numeric: flag('Use digits.'),
    number: flag('Use digits (deprecated: use numeric).'),
    special: flag(`Use special characters (${SPECIAL} unless override_special is set).`),
    min_lower: minimum('Minimum count of lowercase letters.'),
    min_upper: minimum('Minimum count of uppercase letters.'),
    min_numeric: minimum('Minimum count of digits.'),
    min_special: minimum('Minimum count of special characters.'),
    override_special: { type: 'string', optional: true, forceNew: true, description: 'Special characters to use instead of the default ones.' },
    result: { type: 'string', computed: true, sensitive },
    id: { type: 'string', computed: true },
  };
}

const MINIMUMS = ['min_lower', 'min_upper', 'min_numeric', 'min_special'] as const;

export function validateCharacters(config: ValueObject): Diagnostic[] {
  const ds: Diagnostic[] = [];
  const length = config.length;
  for (const name of ['length', ...MINIMUMS]) {
    const v = config[name];
    if (typeof v === 'number' && (!Number.isInteger(v) || v < 0)) ds.push(error(`Invalid ${name}`, `${name} must be a whole number of at least 0.`, { attribute: name }));
  }
  if (typeof length === 'number' && length < 1) ds.push(error('Invalid length', 'length must be at least 1.', { attribute: 'length' }));
  if (ds.length === 0 && typeof length === 'number' && MINIMUMS.every((m) => !isUnknown(config[m]))) {
    const sum = MINIMUMS.reduce((s, m) => s + ((config[m] as number | null) ?? 0), 0);
    if (length < sum) {
      ds.push(error('Invalid length', `length (${length}) must be >= min_upper + min_lower + min_numeric + min_special (${sum}).`, { attribute: 'length' }));
    }
  }
  const { number, numeric } = config;
  if (typeof number === 'boolean' && typeof numeric === 'boolean' && number !== numeric) {
    ds.push(error('Conflicting number and numeric', '"number" is the deprecated name of "numeric"; set only numeric, or both to the same value.', { attribute: 'number' }));
  }
  return ds;
}

/**
 * `number` and `numeric` are one setting under two names: an unset one follows the other.
 * Decided from config, since the proposal holds prior values for unset computed arguments.
 */
function numericPair(config: ValueObject | null): ValueObject {
  const numeric = config?.numeric ?? null;
  const number = config?.number ?? null;
  if (numeric === null && number !== null) return { numeric: number, number };
  if (number === null && numeric !== null) return { numeric, number: numeric };
  return {};
}

export function planCharacters(schema: ResourceSchema, req: PlanResourceChangeRequest): SchemaPlan {
  const pair = numericPair(req.config);
  const withPair = (obj: ValueObject | null) => (obj === null ? null : { ...obj, ...pair });
  return planFromSchema(schema, { ...req, config: withPair(req.config), proposedNewState: withPair(req.proposedNewState) });
}

export function generateCharacters(settings: ValueObject, random: RandomSource = cryptoSource): string {
  const length = settings.length as number;
  const special = typeof settings.override_special === 'string' && settings.override_special !== '' ? settings.override_special : SPECIAL;
  const classes: [boolean, string, number][] = [
    [settings.lower !== false, LOWER, (settings.min_lower as number | null) ?? 0],
    [settings.upper !== false, UPPER, (settings.min_upper as number | null) ?? 0],
    [settings.numeric !== false, NUMERIC, (settings.min_numeric as number | null) ?? 0],
    [settings.special !== false, special, (settings.min_special as number | null) ?? 0],
  ];
  const pick = (chars: string) => chars[random(chars.length)];
  const out: string[] = [];
  // The minimums come first (as the real provider does, even for a disabled class), the
  // rest from every enabled class, then the whole is shuffled.
  for (const [, chars, min] of classes) for (let i = 0; i < min; i++) out.push(pick(chars));
  const pool = classes
    .filter(([on]) => on)
    .map(([, chars]) => chars)
    .join('');
  if (out.length < length && pool === '') throw new Error('No characters to choose from: enable at least one of lower, upper, numeric or special.');
  while (out.length < length) out.push(pick(pool));
  return shuffled(out, random).join('');
}
