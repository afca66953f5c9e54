// Type conversion functions (tostring, tonumber, tobool, tolist, toset, tomap) and the two
// that move the sensitive mark: sensitive() adds it, nonsensitive() removes it.

import { convert, ConversionError, parseNumber } from '../convert.ts';
import type { Type } from '../types.ts';
import { isObject, isSet, Sensitive, type Value } from '../value.ts';

const INSIDE = { allowUnknownInside: true } as const;
import { param } from './define.ts';
import { FunctionArgumentError, type FunctionDef } from './function.ts';

function kindOf(v: Value): string {
  if (Array.isArray(v)) return isSet(v) ? 'set' : 'tuple';
  if (isObject(v)) return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

function converter(type: Type, label: string, flags: { allowUnknownInside?: boolean } = {}): FunctionDef {
  return {
    params: [param('v', 'dynamic', { allowNull: true, ...flags })],
    returnType: type,
    impl: ([v]) => {
      if (v === null) return null;
      try {
        return convert(v, type);
      } catch (e) {
        if (!(e instanceof ConversionError)) throw e;
        if (type === 'number' && typeof v === 'string' && parseNumber(v) === undefined) {
          throw new FunctionArgumentError(0, `cannot convert ${JSON.stringify(v)} to number; given string must be a decimal representation of a number`);
        }
        if (type === 'bool' && typeof v === 'string') {
          throw new FunctionArgumentError(0, `cannot convert ${JSON.stringify(v)} to bool; only the strings "true" or "false" are allowed`);
        }
        const where = e.path.length ? ` (${e.message})` : '';
        throw new FunctionArgumentError(0, `cannot convert ${kindOf(v)} to ${label}${where}`);
      }
    },
  };
}

export const conversionFunctions: Record<string, FunctionDef> = {
  tostring: converter('string', 'string'),
  tonumber: converter('number', 'number'),
  tobool: converter('bool', 'bool'),
  // Terraform's rule for collections: a known one with unknowns inside is converted
  tolist: converter({ list: 'dynamic' }, 'list of any single type', INSIDE),
  toset: converter({ set: 'dynamic' }, 'set of any single type', INSIDE),
  tomap: converter({ map: 'dynamic' }, 'map of any single type', INSIDE),
  sensitive: {
    params: [param('value', 'dynamic', { allowNull: true, allowUnknown: true, allowMarked: true })],
    impl: ([v]) => (v instanceof Sensitive ? v : new Sensitive(v)),
  },
  // Removes the mark from the value itself (marks on elements stay, as in Terraform).
  // Terraform 1.11 returns a value that was not sensitive unchanged (older versions refused).
  nonsensitive: {
    params: [param('value', 'dynamic', { allowNull: true, allowUnknown: true, allowMarked: true })],
    impl: ([v]) => {
      let out = v;
      while (out instanceof Sensitive) out = out.value;
      return out;
    },
  },
  // whether the value itself carries the sensitive mark (marks inside it do not count); known even for an unknown value
  issensitive: {
    params: [param('value', 'dynamic', { allowNull: true, allowUnknown: true, allowMarked: true })],
    returnType: 'bool',
    impl: ([v]) => v instanceof Sensitive,
  },
  // Ballast has no ephemeral values, so every value is returned as it is, like Terraform does for non-ephemeral ones
  ephemeralasnull: {
    params: [param('value', 'dynamic', { allowNull: true, allowUnknown: true, allowMarked: true })],
    impl: ([v]) => v,
  },
};
