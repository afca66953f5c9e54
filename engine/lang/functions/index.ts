// The registry of built-in functions and the one entry point the evaluator calls. It applies
// Terraform's generic argument rules (arity, conversion, null, unknown, sensitive) so the
// function implementations only see plain, converted, known values.

import { nfc } from '../nfc.ts';
import { ConversionError } from '../convert.ts';
import { formatType } from '../types.ts';
import { Sensitive, Unknown, type Value } from '../value.ts';
import { FunctionArgumentError, type FunctionContext, type FunctionDef, type Param } from './function.ts';
import { prepareArguments, sentence } from './function-arguments.ts';
import { collectionFunctions } from './collection.ts';
import { conversionFunctions } from './conversion.ts';
import { datetimeFunctions } from './datetime.ts';
import { encodingFunctions } from './encoding.ts';
import { filesystemFunctions } from './filesystem.ts';
import { hashingFunctions } from './hashing.ts';
import { networkFunctions } from './network.ts';
import { numericFunctions } from './numeric.ts';
import { stringFunctions } from './string.ts';
import { textEncodingFunctions } from './text-encoding.ts';

export class UnknownFunctionError extends Error {
  constructor(
    readonly functionName: string,
    readonly detail?: string,
  ) {
    super(`There is no function named "${functionName}".`);
    this.name = 'UnknownFunctionError';
  }
}

const registry: ReadonlyMap<string, FunctionDef> = new Map(
  Object.entries({
    ...stringFunctions,
    ...collectionFunctions,
    ...conversionFunctions,
    ...encodingFunctions,
    ...hashingFunctions,
    ...numericFunctions,
    ...filesystemFunctions,
    ...datetimeFunctions,
    ...networkFunctions,
    ...textEncodingFunctions,
  }),
);

export function hasFunction(name: string): boolean {
  return registry.has(name);
}

export function functionNames(): string[] {
  return [...registry.keys()].sort();
}

/**
 * Calls a built-in function. Throws UnknownFunctionError for a name that does not exist and
 * FunctionArgumentError (argIndex null for arity/general failures) with a complete,
 * Terraform-like message for everything the caller got wrong.
 */
export function callFunction(name: string, args: Value[], ctx: FunctionContext): Value {
  const def = registry.get(name);
  if (!def) throw new UnknownFunctionError(name);
  checkArity(name, def, args.length);

  const { converted, sensitive, unknown } = prepareArguments(args, (i) => (i < def.params.length ? def.params[i] : def.variadic) as Param);

  const wrap = (v: Value): Value => (sensitive && !(v instanceof Sensitive) ? new Sensitive(v) : v);
  if (unknown || (def.impure && !ctx.applying)) return wrap(new Unknown(def.returnType ? formatType(def.returnType) : undefined));
  try {
    const result = def.impl(converted, ctx);
    return wrap(typeof result === 'string' ? nfc(result) : result);
  } catch (e) {
    if (e instanceof FunctionArgumentError) {
      if (e.argIndex === null) throw new FunctionArgumentError(null, `Call to function "${name}" failed: ${sentence(e.message)}`);
      const p = e.argIndex < def.params.length ? def.params[e.argIndex] : def.variadic;
      throw new FunctionArgumentError(e.argIndex, `Invalid value for "${p?.name ?? 'argument'}" parameter: ${sentence(e.message)}`);
    }
    if (e instanceof ConversionError) throw new FunctionArgumentError(null, `Call to function "${name}" failed: ${sentence(e.message)}`);
    throw e;
  }
}

function checkArity(name: string, def: FunctionDef, given: number): void {
  const want = def.params.length;
  if (given < want) {
    const missing = def.params[given].name;
    throw new FunctionArgumentError(null, `Not enough function arguments: function "${name}" expects ${want}${def.variadic ? ' or more' : ''} argument(s). Missing value for "${missing}".`);
  }
  if (given > want && !def.variadic) {
    throw new FunctionArgumentError(null, `Too many function arguments: function "${name}" expects only ${want} argument(s).`);
  }
}
