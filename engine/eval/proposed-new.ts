// Terraform's "proposed new state": the configuration, with every computed attribute the
// configuration leaves null taken from the prior object, so the provider can tell real
// changes from values it filled in itself.

import { copyObject, isObject, type Value, type ValueObject } from '../lang/value.ts';
import type { BlockSchema } from '../../providers/provider.ts';

export function proposedNewState(block: BlockSchema, config: ValueObject, prior: ValueObject | null): ValueObject {
  const out: ValueObject = copyObject(config);
  for (const [name, attr] of Object.entries(block.attributes)) {
    const c = config[name];
    if (attr.computed && (c === null || c === undefined)) out[name] = prior ? (prior[name] ?? null) : null;
    else if (c === undefined) out[name] = null;
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const c = config[name];
    const p = prior?.[name];
    if (nested.nesting === 'single') {
      out[name] = isObject(c) ? proposedNewState(nested.block, c, isObject(p) ? p : null) : null;
    } else if (Array.isArray(c)) {
      const priorItems = Array.isArray(p) ? p : [];
      out[name] = c.map((item: Value, i: number) => (isObject(item) ? proposedNewState(nested.block, item, isObject(priorItems[i]) ? (priorItems[i] as ValueObject) : null) : item));
    } else out[name] = c === undefined ? [] : c;
  }
  return out;
}

/** Wraps a lone object given for a list/set block (cdktf emits maxItems=1 blocks as objects) into a list, recursively. */
export function normalizeBlocks(block: BlockSchema, config: ValueObject): ValueObject {
  if (!block.blocks) return config;
  let out: ValueObject | undefined;
  for (const [name, nested] of Object.entries(block.blocks)) {
    const v = config[name];
    let n: Value = v ?? (nested.nesting === 'single' ? null : []);
    if (nested.nesting === 'single') {
      if (Array.isArray(v) && v.length <= 1) n = v.length ? (isObject(v[0]) ? normalizeBlocks(nested.block, v[0]) : v[0]) : null;
      else if (isObject(v)) n = normalizeBlocks(nested.block, v);
    } else {
      if (isObject(v)) n = [normalizeBlocks(nested.block, v)];
      else if (Array.isArray(v)) n = v.map((x) => (isObject(x) ? normalizeBlocks(nested.block, x) : x));
    }
    if (n !== v) (out ??= { ...config })[name] = n;
  }
  return out ?? config;
}
