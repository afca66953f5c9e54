// Checks a resource or data source configuration against its schema: missing and unexpected
// arguments, computed-only attributes set by the user, block counts and value types.
// Unknown values always pass: they are checked again once known, at apply.

import { closest } from '../engine/did-you-mean.ts';
import type { BlockSchema, NestedBlockSchema } from './provider.ts';
import { error, type Diagnostic } from '../engine/diagnostics.ts';
import { convert, ConversionError } from '../engine/lang/convert.ts';
import { formatType } from '../engine/lang/types.ts';
import { isObject, isUnknown, type Value, type ValueObject } from '../engine/lang/value.ts';
import { blockItems } from './schema-plan.ts';

export function validateAgainstSchema(block: BlockSchema, config: ValueObject, where: { typeName: string }): Diagnostic[] {
  const out: Diagnostic[] = [];
  validateBlock(block, config, where.typeName, '', out);
  return out;
}

function validateBlock(block: BlockSchema, config: ValueObject, typeName: string, prefix: string, out: Diagnostic[]): void {
  const blocks = block.blocks ?? {};
  const known = [...Object.keys(block.attributes), ...Object.keys(blocks)];
  for (const name of Object.keys(config)) {
    if (name in block.attributes || name in blocks) continue;
    if (config[name] === null || config[name] === undefined) continue;
    const suggestion = closest(name, known);
    out.push(error(`An argument named "${name}" is not expected here`, suggestion ? `Did you mean "${suggestion}"?` : `${typeName} has no argument named "${name}".`, { attribute: prefix + name }));
  }

  for (const [name, attr] of Object.entries(block.attributes)) {
    const v = config[name] ?? null;
    const at = prefix + name;
    if (v === null) {
      if (attr.required) {
        out.push(error(`The argument "${name}" is required`, `${typeName} needs "${name}", but the configuration does not set it.`, { attribute: at }));
      }
      continue;
    }
    if (attr.computed && !attr.optional && !attr.required) {
      out.push(error(`Invalid attribute: "${name}" is computed and cannot be set`, `${typeName} sets "${name}" itself; remove it from the configuration.`, { attribute: at }));
      continue;
    }
    if (isUnknown(v)) continue;
    try {
      convert(v, attr.type);
    } catch (e) {
      if (!(e instanceof ConversionError)) throw e;
      // The reason names the type problem only, never the value (it may be secret).
      const inner = e.path.length ? ` at ${e.path.map((s) => (typeof s === 'number' ? `[${s}]` : `["${s}"]`)).join('')}` : '';
      out.push(error(`Inappropriate value for attribute "${name}": ${e.reason.split(';')[0]}`, `${typeName} expects ${formatType(attr.type)} for "${name}"${inner}.`, { attribute: at }));
    }
  }

  for (const [name, nested] of Object.entries(blocks)) validateNested(nested, config[name], typeName, prefix + name, out);
}

function validateNested(nested: NestedBlockSchema, v: Value | undefined, typeName: string, at: string, out: Diagnostic[]): void {
  if (isUnknown(v)) return;
  const name = at.slice(at.lastIndexOf('.') + 1);
  let items: Value[];
  if (nested.nesting === 'single') items = v === null || v === undefined ? [] : [v];
  else items = v === null || v === undefined ? [] : Array.isArray(v) || isObject(v) ? blockItems(v) : [v];

  const min = nested.minItems ?? 0;
  const max = nested.nesting === 'single' ? 1 : nested.maxItems;
  if (items.length < min && !items.some(isUnknown)) {
    out.push(
      error(
        min === 1 ? `Insufficient ${name} blocks` : `Too few ${name} blocks`,
        `${typeName} needs at least ${min} "${name}" block${min === 1 ? '' : 's'}, but the configuration has ${items.length}.`,
        { attribute: at },
      ),
    );
  }
  if (max !== undefined && items.length > max) {
    out.push(error(`Too many ${name} blocks`, `${typeName} allows at most ${max} "${name}" block${max === 1 ? '' : 's'}, but the configuration has ${items.length}.`, { attribute: at }));
  }
  items.forEach((item, i) => {
    if (isUnknown(item)) return;
    const itemAt = nested.nesting === 'single' ? at : `${at}[${i}]`;
    if (!isObject(item)) {
      out.push(error(`Invalid "${name}" block`, `Each "${name}" block must be an object of arguments.`, { attribute: itemAt }));
      return;
    }
    validateBlock(nested.block, item, typeName, `${itemAt}.`, out);
  });
}
