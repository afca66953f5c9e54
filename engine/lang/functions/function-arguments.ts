// Terraform's generic argument rules, shared by built-in and provider-defined functions: a null
// argument is an error unless the parameter allows it, an unknown one makes the result unknown
// (the call is not made; by default also one with an unknown inside, see allowUnknownInside), sensitive marks are taken off and put back on the whole result, and
// every argument is converted to its parameter's type.

import { convert, ConversionError } from '../convert.ts';
import { containsSensitive, containsUnknown, Unknown, unmark, type Value } from '../value.ts';
import { FunctionArgumentError, type Param } from './function.ts';

export interface PreparedArguments {
  readonly converted: Value[];
  /** some argument was sensitive: the result must be too */
  readonly sensitive: boolean;
  /** some argument was unknown where the parameter does not take unknowns: the result is unknown */
  readonly unknown: boolean;
}

/** `paramAt(i)` is the parameter argument i is for (the variadic one past the fixed ones). */
export function prepareArguments(args: readonly Value[], paramAt: (i: number) => Param): PreparedArguments {
  let sensitive = false;
  let unknown = false;
  const converted: Value[] = [];
  for (let i = 0; i < args.length; i++) {
    const p = paramAt(i);
    let arg = args[i];
    if (!p.allowMarked && containsSensitive(arg)) {
      sensitive = true;
      arg = unmark(arg).value;
    }
    if (arg === null && !p.allowNull) throw new FunctionArgumentError(i, `Invalid value for "${p.name}" parameter: argument must not be null.`);
    if (!p.allowUnknown && (p.allowUnknownInside ? arg instanceof Unknown : containsUnknown(arg))) {
      unknown = true;
      continue;
    }
    try {
      const c = convert(arg, p.type);
      // a set with unknowns converted to a list is itself unknown (its order is not known)
      if (c instanceof Unknown && !p.allowUnknown) {
        unknown = true;
        continue;
      }
      converted.push(c);
    } catch (e) {
      if (e instanceof ConversionError) throw new FunctionArgumentError(i, `Invalid value for "${p.name}" parameter: ${sentence(e.message)}`);
      throw e;
    }
  }
  return { converted, sensitive, unknown };
}

export function sentence(msg: string): string {
  return /[.!?]$/.test(msg) ? msg : `${msg}.`;
}
