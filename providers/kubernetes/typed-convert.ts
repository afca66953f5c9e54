// Terraform shape ⇄ Kubernetes object, for every typed resource at once (hashicorp/kubernetes'
// conventions): one-item blocks (`metadata`, `spec`) are objects, snake_case names are
// camelCase fields, singular block names are plural list fields (`container` → `containers`).
// Names and list-vs-object come from the API server's OpenAPI schema of the kind, matched
// without regard to case (`cluster_ip` → `clusterIP`), so no per-type tables are needed; the
// few true exceptions (octal file modes written as strings) are below.

import { convert, ConversionError } from '../../engine/lang/convert.ts';
import type { Type } from '../../engine/lang/types.ts';
import { isObject, isUnknown, markSet, type Value, type ValueObject } from '../../engine/lang/value.ts';
import type { BlockSchema, NestedBlockSchema } from '../provider.ts';
import { blockItems } from '../schema-plan.ts';
import type { OpenApiDoc, OpenApiNode } from './openapi-schemas.ts';

/** hashicorp/kubernetes writes file modes as octal strings ("0644"); the API has integers. */
const OCTAL_MODES = new Set(['mode', 'default_mode']);

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The names a Terraform name may have in the API, most likely first. */
export function candidateNames(tfName: string): string[] {
  const c = camel(tfName);
  return [...new Set([c, `${c}s`, `${c}es`, c.endsWith('y') ? `${c.slice(0, -1)}ies` : c])];
}

/**
 * The API field for a Terraform name among `fields`: the same name ignoring case, or its
 * plural. `wantList` prefers a list field (a repeated block is a list in the API).
 */
export function matchField(tfName: string, fields: readonly string[], isList?: (f: string) => boolean, wantList = false): string | undefined {
  const byLower = new Map(fields.map((f) => [f.toLowerCase(), f]));
  const hits = candidateNames(tfName)
    .map((c) => byLower.get(c.toLowerCase()))
    .filter((f): f is string => f !== undefined);
  if (wantList && isList) return hits.find(isList) ?? hits[0];
  return hits[0];
}

const isIntOrString = (n: OpenApiNode | undefined) => n?.format === 'int-or-string' || n?.['x-kubernetes-int-or-string'] === true;

/** A Terraform scalar as the API wants it (numbers written as strings become numbers). */
function scalarToKube(v: Value, node: OpenApiNode | undefined, tfName: string): Value {
  if (typeof v !== 'string' || !node) return v;
  if (node.type === 'integer' && OCTAL_MODES.has(tfName) && /^0[0-7]+$/.test(v)) return Number.parseInt(v, 8);
  if ((node.type === 'integer' || node.type === 'number' || isIntOrString(node)) && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (node.type === 'boolean' && (v === 'true' || v === 'false')) return v === 'true';
  return v;
}

function valueToKube(doc: OpenApiDoc, v: Value, node: OpenApiNode | undefined, tfName: string): Value {
  const n = doc.resolve(node);
  if (v === null || isUnknown(v)) return v;
  if (Array.isArray(v)) return v.map((x) => valueToKube(doc, x, n?.items, tfName));
  if (isObject(v)) {
    const ap = n && typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, valueToKube(doc, x, ap ?? doc.property(n, k), tfName)]));
  }
  return scalarToKube(v, n, tfName);
}

/**
 * The object for one Terraform block. `skip` names top-level arguments that are settings of
 * the resource (wait_for_rollout, timeouts), not fields of the object.
 */
export function toKube(doc: OpenApiDoc, block: BlockSchema, tf: ValueObject, node: OpenApiNode | undefined, skip: ReadonlySet<string> = new Set()): ValueObject {
  const n = doc.resolve(node);
  const fields = Object.keys(n?.properties ?? {});
  const isList = (f: string) => doc.property(n, f)?.type === 'array';
  const out: ValueObject = {};
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (skip.has(name) || (attr.computed && !attr.optional)) continue;
    const v = tf[name];
    if (v === undefined || v === null) continue;
    const field = matchField(name, fields) ?? camel(name);
    out[field] = valueToKube(doc, v, doc.property(n, field), name);
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    if (skip.has(name)) continue;
    const v = tf[name];
    if (isUnknown(v)) continue;
    const items = blockItems(v).filter(isObject);
    if (items.length === 0) continue;
    const field = matchField(name, fields, isList, nested.nesting !== 'single' && nested.maxItems !== 1) ?? camel(name);
    const fieldNode = doc.property(n, field);
    out[field] =
      fieldNode?.type === 'array' || (!fieldNode && nested.maxItems !== 1 && nested.nesting !== 'single')
        ? items.map((item) => toKube(doc, nested.block, item, fieldNode?.items))
        : toKube(doc, nested.block, items[0]!, fieldNode);
  }
  return out;
}

/** An API scalar in the Terraform type of its attribute (replicas 2 → "2", mode 420 → "0644"). */
function scalarFromKube(v: Value, type: Type, tfName: string): Value {
  if (typeof v === 'number' && type === 'string' && OCTAL_MODES.has(tfName)) return `0${v.toString(8)}`.padStart(4, '0');
  try {
    return convert(v, type);
  } catch (e) {
    if (e instanceof ConversionError) return v;
    throw e;
  }
}

/** The key of `obj` that holds the Terraform name, or undefined. */
function keyFor(obj: ValueObject, tfName: string, wantList: boolean): string | undefined {
  return matchField(tfName, Object.keys(obj), (f) => Array.isArray(obj[f]), wantList);
}

/**
 * The Terraform block for an object (read back after apply, on refresh, on import). Every
 * argument the object has is read; `computedToo` also fills computed-only attributes
 * (metadata.uid, resource_version, generation).
 */
export function fromKube(block: BlockSchema, obj: ValueObject, skip: ReadonlySet<string> = new Set()): ValueObject {
  const out: ValueObject = {};
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (skip.has(name)) continue;
    const key = keyFor(obj, name, false);
    const v = key === undefined ? null : (obj[key] ?? null);
    out[name] = v === null || isUnknown(v) ? v : attr.type === 'dynamic' ? v : readAttr(v, attr.type, name);
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    if (skip.has(name)) continue;
    const key = keyFor(obj, name, nested.nesting !== 'single' && nested.maxItems !== 1);
    out[name] = readBlock(nested, key === undefined ? null : (obj[key] ?? null));
  }
  return out;
}

function readAttr(v: Value, type: Type, tfName: string): Value {
  if (typeof type === 'object' && 'map' in type && isObject(v)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === null ? null : scalarFromKube(x, type.map, tfName)]));
  }
  if (typeof type === 'object' && ('list' in type || 'set' in type) && Array.isArray(v)) {
    const elem = 'list' in type ? type.list : type.set;
    const items = v.map((x) => (x === null ? null : scalarFromKube(x, elem, tfName)));
    return 'set' in type ? markSet(items) : items;
  }
  return scalarFromKube(v, type, tfName);
}

function readBlock(nested: NestedBlockSchema, v: Value): Value {
  const items = Array.isArray(v) ? v.filter(isObject) : isObject(v) ? [v] : [];
  if (nested.nesting === 'single') return items[0] ? fromKube(nested.block, items[0]) : null;
  const out = items.map((item) => fromKube(nested.block, item));
  return nested.nesting === 'set' ? markSet(out) : out;
}
