// Evaluates an expression against a Scope, synchronously, with Terraform's semantics.
// Values are the ones of value.ts: Unknown propagates through every operation, Sensitive
// marks survive every operation that uses a marked value. Iterator variables of `for`
// expressions and template `%{for}` directives, and the current element of a splat, are
// bound in a small linked list of locals that shadows the scope's roots.
// Hot path: one switch per node, no closures and no try/catch except around function calls
// and inside try()/can().

import { isNum } from './big-number.ts';
import type { Conditional as ConditionalExprLike, Expr, ForExpr, FunctionCall, TemplateExpr, TemplateFor } from './ast.ts';
import { convert, ConversionError } from './convert.ts';
import { errorAt, ExpressionError, type Located } from './expression-error.ts';
import { FunctionArgumentError, ProviderFunctionError } from './functions/function.ts';
import { ArithmeticError } from './number-arithmetic.ts';
import { callFunction, hasFunction, UnknownFunctionError } from './functions/index.ts';
import { nfc } from './nfc.ts';
import { applyStep, binaryOp, index, isSetValue, mark, strip, typeLabel, unaryOp } from './operators.ts';
import type { Scope } from './scope.ts';
import { containsSensitive, containsUnknown, isObject, Unknown, type Value, type ValueObject } from './value.ts';

interface Local {
  readonly name: string;
  readonly value: Value;
  readonly next: Local | null;
}

/** the name under which a splat's current element is bound (not a valid identifier) */
const SPLAT_ITEM = '[*]';
const UNKNOWN_STRING = new Unknown('string');
const UNKNOWN_BOOL = new Unknown('bool');
const UNKNOWN_ANY = new Unknown();

export function evaluate(expr: Expr, scope: Scope): Value {
  return ev(expr, scope, null);
}

function lookup(locals: Local | null, name: string): Local | null {
  for (let l = locals; l !== null; l = l.next) if (l.name === name) return l;
  return null;
}

function ev(e: Expr, scope: Scope, locals: Local | null): Value {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'template-wrap':
    case 'parens':
      return ev(e.inner, scope, locals);
    case 'template':
      return evTemplate(e, scope, locals);
    case 'template-if': {
      const c = condition(ev(e.condition, scope, locals), e.condition, 'template if directive');
      const sensitive = conditionSensitive;
      if (c === null) return mark(UNKNOWN_STRING, sensitive);
      const chosen = c ? e.then : e.else;
      return mark(chosen ? ev(chosen, scope, locals) : '', sensitive);
    }
    case 'template-for':
      return evTemplateFor(e, scope, locals);
    case 'scope-traversal': {
      let v: Value;
      let i = 0;
      const local = locals === null ? null : lookup(locals, e.root);
      if (local !== null) v = local.value;
      else {
        const r = scope.resolve(e.root, e.steps, e.range);
        v = r.value;
        i = r.consumed;
      }
      for (; i < e.steps.length; i++) v = applyStep(v, e.steps[i], e);
      return v;
    }
    case 'relative-traversal': {
      let v = ev(e.source, scope, locals);
      for (let i = 0; i < e.steps.length; i++) v = applyStep(v, e.steps[i], e);
      return v;
    }
    case 'index':
      return index(ev(e.collection, scope, locals), ev(e.key, scope, locals), e);
    case 'splat': {
      const sm = ev(e.source, scope, locals);
      const s = strip(sm);
      const sensitive = s !== sm;
      if (s === null) return mark([], sensitive);
      if (s instanceof Unknown) return mark(UNKNOWN_ANY, sensitive);
      if (!Array.isArray(s)) return mark([ev(e.each, scope, { name: SPLAT_ITEM, value: s, next: locals })], sensitive);
      const out: Value[] = new Array(s.length);
      for (let i = 0; i < s.length; i++) out[i] = ev(e.each, scope, { name: SPLAT_ITEM, value: s[i], next: locals });
      return mark(out, sensitive);
    }
    case 'splat-item': {
      const l = lookup(locals, SPLAT_ITEM);
      if (l === null) throw errorAt(e, 'internal error: splat item outside a splat');
      return l.value;
    }
    case 'function-call':
      return evCall(e, scope, locals);
    case 'conditional':
      return evConditional(e, scope, locals);
    case 'binary-op':
      return binaryOp(e.op, ev(e.left, scope, locals), ev(e.right, scope, locals), e);
    case 'unary-op':
      return unaryOp(e.op, ev(e.operand, scope, locals), e);
    case 'for':
      return evFor(e, scope, locals);
    case 'tuple': {
      const out: Value[] = new Array(e.items.length);
      for (let i = 0; i < e.items.length; i++) out[i] = ev(e.items[i], scope, locals);
      return out;
    }
    case 'object': {
      const out: ValueObject = {};
      let sensitive = false;
      for (const item of e.items) {
        const k = item.key;
        let key: string;
        if (k.kind === 'literal' && typeof k.value === 'string') key = k.value;
        else {
          const km = ev(k, scope, locals);
          const kv = strip(km);
          if (kv !== km) sensitive = true;
          if (kv instanceof Unknown) return mark(UNKNOWN_ANY, sensitive);
          key = objectKey(kv, k, 'object key');
        }
        setKey(out, key, ev(item.value, scope, locals));
      }
      return mark(out, sensitive);
    }
  }
}

/** Converts an evaluated key to a string key, or fails naming why. */
function objectKey(k: Value, node: Located, what: string): string {
  if (typeof k === 'string') return k;
  if (isNum(k) || typeof k === 'boolean') return convert(k, 'string') as string;
  if (k === null) throw errorAt(node, `Invalid ${what}: the key expression produced null; a string is required`);
  throw errorAt(node, `Invalid ${what}: a string is required, got ${typeLabel(k)}`);
}

/** Assigns without tripping over `__proto__` (keys come from user data). */
function setKey(o: ValueObject, key: string, v: Value): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
  else o[key] = v;
}

/** set by condition(): whether the condition value was sensitive */
let conditionSensitive = false;

/** A condition's value as a bool, or null when unknown; null and non-bools fail. Sets conditionSensitive. */
function condition(vm: Value, node: Located, what: string): boolean | null {
  const v = strip(vm);
  conditionSensitive = v !== vm;
  if (v instanceof Unknown) return null;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  if (v === null) throw errorAt(node, `Null condition: the ${what} condition is null; it must be true or false`);
  throw errorAt(node, `Incorrect condition type: the ${what} condition must be a bool, got ${typeLabel(v)}`);
}

function evConditional(e: ConditionalExprLike, scope: Scope, locals: Local | null): Value {
  const b = condition(ev(e.condition, scope, locals), e.condition, 'conditional expression');
  const sensitive = conditionSensitive;
  if (b === null) return mark(UNKNOWN_ANY, sensitive);
  // only the chosen branch is evaluated (Terraform drops the other branch's errors too)
  let v = ev(b ? e.trueResult : e.falseResult, scope, locals);
  // Terraform unifies the two result types: `c ? 1 : "a"` gives the string "1"
  const inner = strip(v);
  if ((isNum(inner) || typeof inner === 'boolean') && isStringTyped(b ? e.falseResult : e.trueResult)) v = convert(v, 'string');
  return mark(v, sensitive);
}

/** True for expressions that always produce a string (templates and string literals). */
function isStringTyped(e: Expr): boolean {
  return e.kind === 'template' || (e.kind === 'literal' && typeof e.value === 'string');
}

/** Appends one interpolated value to a template result; returns false for an unknown value. */
function templatePart(v: Value, node: Located): string | null {
  if (typeof v === 'string') return v;
  if (isNum(v) || typeof v === 'boolean') return convert(v, 'string') as string;
  if (v instanceof Unknown) return null;
  if (v === null) throw errorAt(node, 'Invalid template interpolation value: the expression result is null; a null value cannot be included in a string template');
  throw errorAt(node, `Invalid template interpolation value: cannot include ${typeLabel(v)} in a string template; a string is required`);
}

function evTemplate(e: TemplateExpr, scope: Scope, locals: Local | null): Value {
  let out = '';
  let unknown = false;
  let sensitive = false;
  for (let i = 0; i < e.parts.length; i++) {
    const part = e.parts[i];
    if (part.kind === 'literal' && typeof part.value === 'string') {
      out += part.value;
      continue;
    }
    const vm = ev(part, scope, locals);
    const v = strip(vm);
    if (v !== vm) sensitive = true;
    const s = templatePart(v, part);
    if (s === null) unknown = true;
    else out += s;
  }
  return mark(unknown ? UNKNOWN_STRING : nfc(out), sensitive);
}

/** The entries of a collection for iteration: list/tuple by index, set by value, map/object by sorted key. */
function entries(c: Value, node: Located): { keys: Value[]; values: Value[] } {
  if (Array.isArray(c)) {
    if (isSetValue(c)) return { keys: c, values: c };
    const keys: Value[] = new Array(c.length);
    for (let i = 0; i < c.length; i++) keys[i] = i;
    return { keys, values: c };
  }
  if (isObject(c)) {
    const keys = Object.keys(c).sort();
    const values: Value[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) values[i] = c[keys[i]];
    return { keys, values };
  }
  if (c === null) throw errorAt(node, 'Iteration over null value: a null value cannot be used as the collection in a for expression');
  throw errorAt(node, `Iteration over non-iterable value: ${typeLabel(c)} cannot be used as the collection in a for expression`);
}

function bind(e: ForExpr | TemplateFor, key: Value, value: Value, locals: Local | null): Local {
  const withValue: Local = { name: e.valueVar, value, next: locals };
  return e.keyVar === undefined ? withValue : { name: e.keyVar, value: key, next: withValue };
}

function evFor(e: ForExpr, scope: Scope, locals: Local | null): Value {
  const cm = ev(e.collection, scope, locals);
  const c = strip(cm);
  let sensitive = c !== cm;
  if (c instanceof Unknown) return mark(UNKNOWN_ANY, sensitive);
  const { keys, values } = entries(c, e.collection);
  const list: Value[] | null = e.keyExpr ? null : [];
  const obj: ValueObject | null = e.keyExpr ? {} : null;
  for (let i = 0; i < keys.length; i++) {
    const inner = bind(e, keys[i], values[i], locals);
    if (e.condition) {
      const keep = condition(ev(e.condition, scope, inner), e.condition, 'for expression "if"');
      if (conditionSensitive) sensitive = true;
      if (keep === null) return mark(UNKNOWN_ANY, sensitive);
      if (!keep) continue;
    }
    if (list !== null) {
      list.push(ev(e.valueExpr, scope, inner));
      continue;
    }
    const km = ev(e.keyExpr!, scope, inner);
    const kv = strip(km);
    if (kv !== km) sensitive = true;
    if (kv instanceof Unknown) return mark(UNKNOWN_ANY, sensitive);
    const key = objectKey(kv, e.keyExpr!, 'for expression key');
    const v = ev(e.valueExpr, scope, inner);
    const out = obj!;
    if (e.grouping) {
      if (Object.hasOwn(out, key)) (out[key] as Value[]).push(v);
      else setKey(out, key, [v]);
    } else if (Object.hasOwn(out, key)) {
      const shown = sensitive ? '' : ` ${JSON.stringify(key)}`;
      throw errorAt(
        e,
        `Duplicate object key: two different items produced the key${shown} in this for expression`,
        'If duplicates are expected, put an ellipsis (...) after the value expression to group the values by key.',
      );
    } else setKey(out, key, v);
  }
  return mark(list ?? obj!, sensitive);
}

function evTemplateFor(e: TemplateFor, scope: Scope, locals: Local | null): Value {
  const cm = ev(e.collection, scope, locals);
  const c = strip(cm);
  let sensitive = c !== cm;
  if (c instanceof Unknown) return mark(UNKNOWN_STRING, sensitive);
  const { keys, values } = entries(c, e.collection);
  let out = '';
  let unknown = false;
  for (let i = 0; i < keys.length; i++) {
    const vm = ev(e.body, scope, bind(e, keys[i], values[i], locals));
    const v = strip(vm);
    if (v !== vm) sensitive = true;
    const s = templatePart(v, e.body);
    if (s === null) unknown = true;
    else out += s;
  }
  return mark(unknown ? UNKNOWN_STRING : nfc(out), sensitive);
}

/** Functions the evaluator runs itself, not the function registry: they catch their arguments' errors. */
const evaluatorFunctions = new Map<string, (e: FunctionCall, scope: Scope, locals: Local | null) => Value>([
  ['try', evTry],
  ['can', evCan],
]);
/** The names of try() and can(), for checks that look a call's name up in the function registry. */
export const EVALUATOR_FUNCTIONS: ReadonlySet<string> = new Set(evaluatorFunctions.keys());

function evCall(e: FunctionCall, scope: Scope, locals: Local | null): Value {
  const own = evaluatorFunctions.get(e.name);
  if (own !== undefined) return own(e, scope, locals);
  const providerFn = e.name.startsWith('provider::') ? providerFunctionName(e) : undefined;
  if (!providerFn && !hasFunction(e.name)) throw errorAt(e, `Call to unknown function "${e.name}"`, unknownFunctionDetail(e.name));
  if (e.name === 'templatestring' && e.args.length > 0 && isTemplateLiteral(e.args[0])) {
    throw errorAt(
      e.args[0],
      'Invalid function argument: invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere, and so does not support providing a literal template; consider using a template string expression instead (argument 1 of templatestring())',
    );
  }
  const n = e.args.length;
  let args: Value[] = new Array(n);
  for (let i = 0; i < n; i++) args[i] = ev(e.args[i], scope, locals);
  if (e.expandFinal) {
    const lastNode = e.args[n - 1];
    const lm = args[n - 1];
    const last = strip(lm);
    if (last instanceof Unknown) return mark(UNKNOWN_ANY, last !== lm);
    if (last === null) throw errorAt(lastNode, 'Invalid expanding argument value: the expanding argument (indicated by ...) must not be null');
    if (!Array.isArray(last)) throw errorAt(lastNode, `Invalid expanding argument value: the expanding argument (indicated by ...) must be a list, set or tuple, got ${typeLabel(last)}`);
    args = args.slice(0, n - 1);
    for (const item of last) args.push(mark(item, last !== lm));
  }
  try {
    if (providerFn) {
      const caller = scope.functionContext.providerFunctions;
      if (!caller) throw errorAt(e, `Call to unknown function "${e.name}"`, "Provider-defined functions can only be called where the stack's providers are started (plan and apply).");
      return caller.call(providerFn.provider, providerFn.name, args);
    }
    return callFunction(e.name, args, scope.functionContext);
  } catch (err) {
    throw functionError(err, e, args);
  }
}

/** provider::NAME::FUNCTION split into its parts, or a diagnostic for any other shape. */
function providerFunctionName(e: FunctionCall): { provider: string; name: string } {
  const parts = e.name.split('::');
  if (parts.length !== 3 || !parts[1] || !parts[2]) {
    throw errorAt(e, `Call to unknown function "${e.name}"`, 'A provider-defined function is called as provider::PROVIDER_NAME::FUNCTION_NAME(...).');
  }
  return { provider: parts[1], name: parts[2] };
}

/** A string written in place (a quoted string or template), as opposed to one read from elsewhere. */
function isTemplateLiteral(e: Expr): boolean {
  return e.kind === 'template' || e.kind === 'template-wrap' || e.kind === 'template-if' || e.kind === 'template-for' || (e.kind === 'literal' && typeof e.value === 'string');
}

function unknownFunctionDetail(name: string): string | undefined {
  if (name.includes('::')) return 'Only provider-defined functions have "::" in their name: provider::PROVIDER_NAME::FUNCTION_NAME(...).';
  return undefined;
}

/** Wraps a function's failure into an ExpressionError naming the function and argument. */
function functionError(err: unknown, e: FunctionCall, args: Value[]): unknown {
  if (err instanceof ExpressionError) return err;
  if (err instanceof UnknownFunctionError) return errorAt(e, `Call to unknown function "${e.name}"`, err.detail);
  if (err instanceof ProviderFunctionError)
    return errorAt(
      e,
      `Error in function call: Call to function "${e.name}" failed: ${args.some(containsSensitive) ? 'the function failed (details hidden because an argument is sensitive)' : err.message}`,
    );
  // sum() of opposing infinities: Terraform's own wording
  if (err instanceof ArithmeticError) return errorAt(e, `Error in function call: Call to function "${e.name}" failed: ${err.message}`);
  if (err instanceof FunctionArgumentError || err instanceof ConversionError) {
    const i = err instanceof FunctionArgumentError ? err.argIndex : null;
    // a function's message may quote any argument (lookup names the key while blaming the map):
    // never let it quote a secret
    const secret = args.some(containsSensitive);
    const where = i !== null ? ` (argument ${i + 1} of ${e.name}())` : ` (in ${e.name}())`;
    const message = secret ? 'the argument is not valid (details hidden because the value is sensitive)' : err.message;
    const node = i !== null && i < e.args.length ? e.args[i] : e;
    return errorAt(node, `Invalid function argument: ${message}${where}`);
  }
  return err;
}

/** try(a, b, ...): the first argument that evaluates without an error. */
function evTry(e: FunctionCall, scope: Scope, locals: Local | null): Value {
  if (e.args.length === 0) throw errorAt(e, 'Not enough function arguments: try() expects at least one argument');
  let last: ExpressionError | undefined;
  for (const arg of e.args) {
    let v: Value;
    try {
      v = ev(arg, scope, locals);
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      last = err;
      continue;
    }
    // an unknown result might still fail once known, so the outcome is not decided yet
    return containsUnknown(v) ? UNKNOWN_ANY : v;
  }
  throw errorAt(e, 'No result from try(): none of the expressions produced a result without errors', last ? `The last error was: ${last.message}` : undefined);
}

/** can(x): whether x evaluates without an error. */
function evCan(e: FunctionCall, scope: Scope, locals: Local | null): Value {
  if (e.args.length !== 1) throw errorAt(e, `Invalid function call: can() expects exactly one argument, got ${e.args.length}`);
  let v: Value;
  try {
    v = ev(e.args[0], scope, locals);
  } catch (err) {
    if (err instanceof ExpressionError) return false;
    throw err;
  }
  return containsUnknown(v) ? UNKNOWN_BOOL : true;
}
