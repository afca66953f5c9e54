// The shape of a built-in function. The registry (functions/index.ts) maps names to these.

import type { Type } from '../types.ts';
import type { Value, ValueObject } from '../value.ts';

export interface FunctionContext {
  /** directory that relative paths in file(), templatefile(), fileexists() resolve against */
  readonly baseDir: string;
  /** parses and evaluates a template file's text with the given variables (for templatefile) */
  renderTemplate(source: string, vars: ValueObject, fileName: string): Value;
  /**
   * True while applying: impure functions (uuid, timestamp) then return real values.
   * Absent or false (planning): they return Unknown, as Terraform does during plan.
   */
  readonly applying?: boolean;
  /** the time the plan was made (RFC 3339, UTC), for plantimestamp(); absent outside a plan */
  readonly planTimestamp?: string;
  /** provider-defined functions (provider::NAME::FN); absent where no provider is open */
  providerFunctions?: ProviderFunctionCaller;
}

/**
 * Calls provider-defined functions from the synchronous evaluator. A call whose result is not
 * known yet gives an unknown value and is recorded; the caller then runs the recorded calls
 * (asynchronously, through the provider) and evaluates again, now reading the results.
 */
export interface ProviderFunctionCaller {
  /** Throws UnknownFunctionError, FunctionArgumentError or ProviderFunctionError. */
  call(provider: string, name: string, args: Value[]): Value;
}

/** A provider function reported that it failed (CallFunction's error without an argument). */
export class ProviderFunctionError extends Error {}

export interface Param {
  readonly name: string;
  /** the argument is converted to this type before the call ('dynamic' = as is) */
  readonly type: Type;
  /** the function handles null itself; otherwise a null argument is an error */
  readonly allowNull?: boolean;
  /** the function handles Unknown (anywhere inside) itself; otherwise an unknown argument makes the result unknown */
  readonly allowUnknown?: boolean;
  /**
   * Terraform's (cty's) rule: only an argument that is itself unknown makes the result unknown; a
   * known collection with unknowns inside is passed in, and the function handles them. Without
   * it, an unknown anywhere inside makes the result unknown (kept for functions not yet checked
   * against Terraform).
   */
  readonly allowUnknownInside?: boolean;
  /** the function handles Sensitive marks inside the value itself; otherwise marks are stripped and re-applied to the whole result */
  readonly allowMarked?: boolean;
}

export interface FunctionDef {
  readonly params: readonly Param[];
  readonly variadic?: Param;
  /** a hint for the unknown result produced when an argument is unknown */
  readonly returnType?: Type;
  /** impure functions (uuid, timestamp) return Unknown during plan */
  readonly impure?: boolean;
  impl(args: Value[], ctx: FunctionContext): Value;
}

/** Thrown by a function implementation for a bad argument; the evaluator adds the position. */
export class FunctionArgumentError extends Error {
  constructor(
    readonly argIndex: number | null,
    message: string,
  ) {
    super(message);
  }
}
