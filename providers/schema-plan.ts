// The planning logic every schema-driven provider shares, after the Terraform plugin SDK:
// fill defaults, mark computed attributes unknown on create, keep computed values on
// update, and report which force-new attributes changed.

import { isBigNum, isNum, numEquals } from '../engine/lang/big-number.ts';
import type { PlanResourceChangeRequest, BlockSchema, NestedBlockSchema, ResourceSchema } from './provider.ts';
import { convert, ConversionError } from '../engine/lang/convert.ts';
import type { Type } from '../engine/lang/types.ts';
import { Unknown, copyObject, isObject, isSet, isUnknown, markSet, type Path, type Value, type ValueObject } from '../engine/lang/value.ts';

export interface SchemaPlan {
  plannedState: ValueObject | null;
  requiresReplace: Path[];
}

export function planFromSchema(schema: ResourceSchema, req: PlanResourceChangeRequest): SchemaPlan {
  const proposed = req.proposedNewState;
  if (proposed === null) return { plannedState: null, requiresReplace: [] };
  const config = req.config ?? proposed;
  const prior = req.priorState;
  if (prior === null) return { plannedState: planCreate(schema.block, proposed), requiresReplace: [] };

  const planned = planUpdate(schema.block, proposed, config, prior);
  const requiresReplace: Path[] = [];
  collectReplacePaths(schema.block, planned, prior, [], requiresReplace);
  if (requiresReplace.length === 0) return { plannedState: planned, requiresReplace };
  // The replacement is a new object: whatever the provider computes is unknown again.
  return { plannedState: resetComputed(schema.block, planned, config), requiresReplace };
}

/** Fills optional attributes left null with their schema default, recursively. */
export function applyDefaults(block: BlockSchema, obj: ValueObject): ValueObject {
  const out: ValueObject = copyObject(obj);
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (attr.default !== undefined && (out[name] === undefined || out[name] === null)) out[name] = attr.default;
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    out[name] = mapBlock(nested, out[name], (item) => applyDefaults(nested.block, item));
  }
  return out;
}

/** Gives every schema attribute a value (null, or [] for list/set blocks) and drops nothing, like Terraform state. */
export function normalizeToSchema(block: BlockSchema, obj: ValueObject): ValueObject {
  const out: ValueObject = copyObject(obj);
  for (const name of Object.keys(block.attributes)) if (out[name] === undefined) out[name] = null;
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    out[name] = mapBlock(nested, out[name], (item) => normalizeToSchema(nested.block, item));
  }
  return out;
}

/** The value in its schema type ("5" for a number becomes 5); left as is when it does not convert (validation reports that). */
function coerce(v: Value, type: Type): Value {
  if (v === null || isUnknown(v) || type === 'dynamic') return v;
  try {
    return convert(v, type);
  } catch (e) {
    if (e instanceof ConversionError) return v;
    throw e;
  }
}

/** a value known after apply, with its type when that is a primitive one (functions such as flatten can then look past it) */
export function unknownOf(t: Type): Unknown {
  return new Unknown(t === 'string' || t === 'number' || t === 'bool' ? t : undefined);
}

function planCreate(block: BlockSchema, proposed: ValueObject): ValueObject {
  const out: ValueObject = copyObject(proposed);
  for (const [name, attr] of Object.entries(block.attributes)) {
    let v = coerce(out[name] ?? null, attr.type);
    if (v === null && attr.default !== undefined) v = attr.default;
    if (v === null && attr.computed) v = unknownOf(attr.type);
    out[name] = v;
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    out[name] = mapBlock(nested, out[name], (item) => planCreate(nested.block, item));
  }
  return out;
}

function planUpdate(block: BlockSchema, proposed: ValueObject, config: ValueObject | null, prior: ValueObject | null): ValueObject {
  const out: ValueObject = copyObject(proposed);
  for (const [name, attr] of Object.entries(block.attributes)) {
    let v = coerce(out[name] ?? null, attr.type);
    const configured = config !== null && config[name] !== undefined && config[name] !== null;
    if (!configured && attr.default !== undefined) {
      // An unset argument with a default means the default, whatever it was before.
      v = attr.default;
    } else if (attr.computed && !configured && (v === null || !attr.optional)) {
      // Not in config: the provider owns this value and the prior one still holds.
      const before = prior?.[name];
      v = before === undefined || before === null ? (prior === null ? unknownOf(attr.type) : v) : before;
    }
    out[name] = v;
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const priorItems = prior?.[name];
    const configItems = config?.[name];
    if (nested.nesting === 'single') {
      const item = out[name];
      out[name] = isObject(item) ? planUpdate(nested.block, item, isObject(configItems) ? configItems : null, isObject(priorItems) ? priorItems : null) : null;
      continue;
    }
    const items = blockItems(out[name]);
    const priorList = blockItems(priorItems).filter(isObject);
    const configList = blockItems(configItems);
    const planned = items.map((item, i) => {
      if (!isObject(item)) return item;
      const itemConfig = isObject(configList[i]) ? (configList[i] as ValueObject) : null;
      const match = nested.nesting === 'list' ? (priorList[i] ?? null) : findPriorSetItem(nested.block, item, priorList);
      return planUpdate(nested.block, item, itemConfig, match);
    });
    out[name] = nested.nesting === 'set' ? markSet(planned) : planned;
  }
  return out;
}

/** A set element has no index: its prior self is the one whose configurable attributes are equal. */
function findPriorSetItem(block: BlockSchema, item: ValueObject, priors: ValueObject[]): ValueObject | null {
  const configurable = Object.entries(block.attributes)
    .filter(([, a]) => !a.computed || a.optional)
    .map(([n]) => n);
  return priors.find((p) => configurable.every((n) => p[n] === undefined || item[n] === null || item[n] === undefined || sameValue(p[n], item[n]))) ?? null;
}

function collectReplacePaths(block: BlockSchema, planned: ValueObject, prior: ValueObject | null, at: Path, out: Path[]): void {
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (attr.forceNew && !sameValue(planned[name] ?? null, prior?.[name] ?? null)) out.push([...at, name]);
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const p = planned[name] ?? emptyBlock(nested);
    const q = prior?.[name] ?? emptyBlock(nested);
    if (nested.forceNew) {
      if (!sameValue(p, q)) out.push([...at, name]);
      continue;
    }
    if (nested.nesting === 'single') {
      if (isObject(p)) collectReplacePaths(nested.block, p, isObject(q) ? q : null, [...at, name], out);
      else if (isObject(q) && blockHasForceNew(nested.block)) out.push([...at, name]);
      continue;
    }
    const items = blockItems(p);
    const priors = blockItems(q).filter(isObject);
    items.forEach((item, i) => {
      if (!isObject(item)) return;
      const match = nested.nesting === 'list' ? (priors[i] ?? null) : findPriorSetItem(nested.block, item, priors);
      collectReplacePaths(nested.block, item, match, [...at, name, i], out);
    });
  }
}

function blockHasForceNew(block: BlockSchema): boolean {
  return Object.values(block.attributes).some((a) => a.forceNew) || Object.values(block.blocks ?? {}).some((b) => b.forceNew || blockHasForceNew(b.block));
}

function resetComputed(block: BlockSchema, planned: ValueObject, config: ValueObject | null): ValueObject {
  const out: ValueObject = copyObject(planned);
  for (const [name, attr] of Object.entries(block.attributes)) {
    const configured = config !== null && config[name] !== undefined && config[name] !== null;
    if (attr.computed && !configured && attr.default === undefined) out[name] = unknownOf(attr.type);
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const cfg = config?.[name];
    if (nested.nesting === 'single') {
      const item = out[name];
      if (isObject(item)) out[name] = resetComputed(nested.block, item, isObject(cfg) ? cfg : null);
      continue;
    }
    const items = blockItems(out[name]);
    const cfgList = blockItems(cfg);
    const reset = items.map((item, i) => (isObject(item) ? resetComputed(nested.block, item, isObject(cfgList[i]) ? (cfgList[i] as ValueObject) : null) : item));
    out[name] = nested.nesting === 'set' ? markSet(reset) : reset;
  }
  return out;
}

function emptyBlock(nested: NestedBlockSchema): Value {
  return nested.nesting === 'single' ? null : nested.nesting === 'set' ? markSet([]) : [];
}

/** The items of a list/set block; JSON configuration may write a one-item block as a bare object. */
export function blockItems(v: Value | undefined): Value[] {
  if (Array.isArray(v)) return v;
  return isObject(v) ? [v] : [];
}

function mapBlock(nested: NestedBlockSchema, v: Value | undefined, f: (item: ValueObject) => ValueObject): Value {
  if (nested.nesting === 'single') return isObject(v) ? f(v) : (v ?? null);
  if (v === undefined || v === null) return emptyBlock(nested);
  if (!Array.isArray(v) && !isObject(v)) return v;
  const mapped = blockItems(v).map((item) => (isObject(item) ? f(item) : item));
  return nested.nesting === 'set' || isSet(v) ? markSet(mapped) : mapped;
}

/**
 * Equality for change detection: sets compare without order, and an unknown counts as a
 * change (it never equals anything).
 */
export function sameValue(a: Value, b: Value): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  if (a === b) return true;
  if (isBigNum(a) || isBigNum(b)) return isNum(a) && isNum(b) && numEquals(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const unordered: boolean = isSet(a) || isSet(b);
    if (unordered) {
      const used = new Set<number>();
      return a.every((x) => {
        const j = b.findIndex((y, k) => !used.has(k) && sameValue(x, y));
        if (j < 0) return false;
        used.add(j);
        return true;
      });
    }
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    // A missing attribute and a null one are the same thing in state.
    for (const k of keys) if (!sameValue(a[k] ?? null, b[k] ?? null)) return false;
    return true;
  }
  return false;
}
