// Input variable values, with Terraform's precedence: defaults < TF_VAR_* environment <
// --var-file files (in order) < --var flags (in order). Raw strings from the environment and
// flags are taken as-is for untyped and primitive variables and parsed as expressions otherwise.

import { parseJson } from '../lang/json-numbers.ts';
import { readFileSync } from 'node:fs';
import { type Diagnostic, error, warning } from '../diagnostics.ts';
import { convert, ConversionError } from '../lang/convert.ts';
import { evaluate } from '../lang/evaluate.ts';
import { parseExpression } from '../lang/parse.ts';
import { formatType } from '../lang/types.ts';
import { Sensitive, Unknown, type Value } from '../lang/value.ts';
import { literalScope } from '../lang/function-context.ts';
import { jsonToValue } from '../lang/json-value.ts';
import type { StackConfig, VariableConfig } from './model.ts';

export interface VariableInputs {
  /** `--var name=value`, in the order given */
  readonly flags?: readonly string[];
  /** `--var-file` paths, in the order given */
  readonly files?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** a required variable without a value is unknown instead of an error (console, as Terraform's) */
  readonly unsetAsUnknown?: boolean;
}

type Raw = { kind: 'string'; text: string; from: string } | { kind: 'value'; value: Value; from: string };

export function resolveVariables(config: StackConfig, inputs: VariableInputs): { values: Map<string, Value>; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const raw = new Map<string, Raw>();
  const stack = config.name;

  for (const [k, v] of Object.entries(inputs.env ?? {})) {
    if (k.startsWith('TF_VAR_') && v !== undefined) raw.set(k.slice(7), { kind: 'string', text: v, from: `environment variable ${k}` });
  }
  for (const file of inputs.files ?? []) {
    try {
      for (const [k, v] of Object.entries(readVarFile(file, config.dir))) raw.set(k, { kind: 'value', value: v, from: `file ${file}` });
    } catch (e) {
      diags.push(error(`Cannot read variables file ${file}`, (e as Error).message, { stack }));
    }
  }
  for (const flag of inputs.flags ?? []) {
    const eq = flag.indexOf('=');
    if (eq <= 0) {
      diags.push(error(`Invalid --var "${flag.split('=')[0]}"`, 'Expected the form --var NAME=VALUE.', { stack }));
      continue;
    }
    raw.set(flag.slice(0, eq).trim(), { kind: 'string', text: flag.slice(eq + 1), from: `--var ${flag.slice(0, eq).trim()}` });
  }

  for (const [name, r] of raw) {
    // As Terraform: an undeclared value from the environment is ignored, from a file a warning (one
    // file may serve several stacks), from a --var flag an error.
    if (config.variables.has(name) || (r.kind === 'string' && r.from.startsWith('environment'))) continue;
    const where = { stack, address: `var.${name}` };
    if (r.kind === 'value') {
      diags.push(warning(`Value for undeclared variable "${name}"`, `The ${r.from} sets "${name}", but the stack declares no such variable; the value is not used.`, where));
    } else diags.push(error(`Value for undeclared variable "${name}"`, `The ${r.from} sets "${name}", but the stack declares no such variable.`, where));
  }

  const values = new Map<string, Value>();
  for (const v of config.variables.values()) {
    const where = { stack, address: `var.${v.name}`, range: v.range };
    const r = raw.get(v.name);
    let value: Value;
    try {
      if (r) value = r.kind === 'value' ? r.value : parseRaw(r.text, v, config.dir);
      else if (v.hasDefault) value = jsonToValue(v.default);
      else if (inputs.unsetAsUnknown) {
        values.set(v.name, new Unknown(typeof v.type === 'string' && v.type !== 'dynamic' ? v.type : undefined));
        continue;
      } else {
        diags.push(error(`No value for required variable "${v.name}"`, `Set it with --var ${v.name}=..., a --var-file, or the environment variable TF_VAR_${v.name}.`, where));
        continue;
      }
      if (value === null && !v.nullable) {
        diags.push(error(`Variable "${v.name}" must not be null`, 'The variable is declared with nullable = false.', where));
        continue;
      }
      if (v.type && value !== null) value = convert(value, v.type);
    } catch (e) {
      const set = r ? ` set using ${r.from}` : '';
      const detail =
        e instanceof ConversionError && v.type
          ? `Unsuitable value for var.${v.name}${set}: ${e.message} (variable type is ${formatType(v.type)})`
          : `Unsuitable value for var.${v.name}${set}: ${(e as Error).message}`;
      diags.push(error(`Invalid value for variable "${v.name}"`, v.sensitive ? 'The value does not match the type constraint.' : detail, where));
      continue;
    }
    values.set(v.name, v.sensitive ? new Sensitive(value) : value);
  }
  return { values, diagnostics: diags };
}

function parseRaw(text: string, v: VariableConfig, dir: string): Value {
  // as in Terraform, a variable without a type and a primitive type take the text literally (a
  // number or bool then converts it: "5" -> 5); only `any`, collection and structural types parse
  // it as an expression
  if (v.type === undefined || v.type === 'string' || v.type === 'number' || v.type === 'bool') return text;
  return evaluate(parseExpression(text), literalScope(dir));
}

/** Reads a `.tfvars.json` or an HCL `.tfvars` file (top-level `name = expression` assignments). */
export function readVarFile(file: string, dir: string): Record<string, Value> {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    const obj = parseJson(text);
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new Error('a variables file must hold a JSON object');
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, jsonToValue(v)]));
  }
  const out: Record<string, Value> = {};
  for (const { name, source, line } of splitAssignments(text)) {
    try {
      out[name] = evaluate(parseExpression(source), literalScope(dir));
    } catch (e) {
      throw new Error(`line ${line}: ${(e as Error).message}`);
    }
  }
  return out;
}

/** Splits HCL attribute assignments; an expression continues while brackets or strings are open. */
function splitAssignments(text: string): { name: string; source: string; line: number }[] {
  const out: { name: string; source: string; line: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const stripped = lines[i].replace(/^\s*(#|\/\/).*$/, '').trim();
    if (!stripped) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(.*)$/.exec(stripped);
    if (!m) throw new Error(`line ${i + 1}: expected NAME = VALUE`);
    const start = i + 1;
    let source = m[2];
    while (depth(source) > 0 && i + 1 < lines.length) source += '\n' + lines[++i];
    out.push({ name: m[1], source, line: start });
  }
  return out;
}

function depth(s: string): number {
  let d = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '#') break;
    else if (c === '[' || c === '{' || c === '(') d++;
    else if (c === ']' || c === '}' || c === ')') d--;
  }
  return inString ? 1 : d;
}
