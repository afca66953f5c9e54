// Numbers at the boundary of a built-in provider, as terraform's providers take them: an int64
// attribute accepts any whole number that fits an int64 (a BigNum beyond 2^53 is passed on for
// the handler to read with toBigInt); any other number attribute is a float64, so a number no
// double holds exactly is rounded to the nearest double. Anything else (a fraction or an
// out-of-range whole number for an int64 attribute) is a diagnostic that names the attribute.

import { error, type Diagnostic } from '../engine/diagnostics.ts';
import { fitsInt64, fromFloat64, isBigNum, type Num, numEquals, toDouble } from '../engine/lang/big-number.ts';
import { convert } from '../engine/lang/convert.ts';
import { isObject, isSet, markSet, type Value, type ValueObject } from '../engine/lang/value.ts';
import type { AttributeSchema, BlockSchema } from './provider.ts';
import { blockItems } from './schema-plan.ts';
import { hasNumberAttributes } from './block-facts.ts';

/** The number a value stands for ("5" converts, as the schema does); undefined for anything else. */
function asNumber(v: Value | undefined): Num | undefined {
  if (typeof v === 'number' || isBigNum(v)) return v;
  if (typeof v !== 'string') return undefined;
  try {
    return convert(v, 'number') as Num;
  } catch {
    return undefined; // the schema check reports it
  }
}

/** Diagnostics for number attributes a provider cannot take (int64 attributes that are not int64s). */
export function numberDiagnostics(block: BlockSchema, config: ValueObject, typeName: string, prefix = ''): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!hasNumberAttributes(block)) return out;
  for (const [name, attr] of Object.entries(block.attributes)) {
    const v = attr.int64 && attr.type === 'number' ? asNumber(config[name]) : undefined;
    if (v !== undefined && !fitsInt64(v)) {
      out.push(
        error(
          `Inappropriate value for attribute "${name}": a whole number between -9223372036854775808 and 9223372036854775807 is required`,
          `${typeName} reads "${prefix + name}" as a 64-bit integer.`,
          { attribute: prefix + name },
        ),
      );
    }
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const v = config[name];
    if (v === null || v === undefined) continue;
    const items = nested.nesting === 'single' ? [v] : Array.isArray(v) || isObject(v) ? blockItems(v) : [];
    items.forEach((item, i) => {
      if (isObject(item)) out.push(...numberDiagnostics(nested.block, item, typeName, `${prefix}${name}${nested.nesting === 'single' ? '' : `[${i}]`}.`));
    });
  }
  return out;
}

/** The double that holds a number exactly (pow(2, 3), a 53-bit float), or undefined when none does. */
export function exactDouble(n: Num): number | undefined {
  const d = toDouble(n);
  return Number.isFinite(d) && numEquals(fromFloat64(d), n) ? d : undefined;
}

function attributeNumber(attr: AttributeSchema, v: Value): Value {
  if (attr.type !== 'number' || !isBigNum(v)) return v;
  // an int64 beyond 2^53 stays a BigNum even when a double holds it (2^60): a double that large
  // stands for its shortest decimal, which is another integer
  if (attr.int64 && fitsInt64(v)) return Number.isSafeInteger(toDouble(v)) ? toDouble(v) : v;
  return toDouble(v);
}

/** The object with its number attributes in the form the provider's handlers read. */
export function providerNumbers(block: BlockSchema, value: ValueObject): ValueObject {
  if (!hasNumberAttributes(block)) return value;
  let out: ValueObject | undefined;
  const set = (k: string, v: Value) => {
    if (v === value[k]) return;
    out ??= { ...value };
    out[k] = v;
  };
  for (const [name, attr] of Object.entries(block.attributes)) if (name in value) set(name, attributeNumber(attr, value[name]));
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const v = value[name];
    if (Array.isArray(v)) {
      const mapped = v.map((x) => (isObject(x) ? providerNumbers(nested.block, x) : x));
      if (mapped.some((x, i) => x !== v[i])) set(name, isSet(v) ? markSet(mapped) : mapped);
    } else if (isObject(v)) set(name, providerNumbers(nested.block, v));
  }
  return out ?? value;
}
