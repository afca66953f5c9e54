// Where the secrets of a plan are. Marks arrive three ways: sensitive paths on a change,
// Sensitive wrappers inside values, and schema attributes declared sensitive. A path marked
// on one side is withheld on both. As a second line of defence, every string found under a
// mark anywhere in the plan is remembered, and renderers withhold any equal string they meet
// elsewhere (a secret copied into an unmarked place, or moved within a list).

import type { InstanceAddr } from '../../addrs.ts';
import { Sensitive, isObject, unmark, type Path, type Value } from '../../lang/value.ts';
import type { ResourceSchema } from '../../../providers/provider.ts';
import type { Plan, ResourceChange } from '../plan.ts';
import { MARKED, inherited, pathTree, type PathTree } from './value-format.ts';
import { schemaSensitivePaths } from '../../eval/schema-sensitive.ts';

export type SchemaLookup = (addr: InstanceAddr) => ResourceSchema | undefined;

/** per change and schema lookup: a plan's renderer asks once for its secrets and once per block it prints */
const pathsMemo = new WeakMap<ResourceChange, { schemaOf: SchemaLookup | undefined; paths: readonly Path[] }>();

/** Every sensitive path of a change, before and after together. */
export function sensitivePathsOf(c: ResourceChange, schemaOf?: SchemaLookup): readonly Path[] {
  const memo = pathsMemo.get(c);
  if (memo && memo.schemaOf === schemaOf) return memo.paths;
  const paths = collectSensitivePaths(c, schemaOf);
  pathsMemo.set(c, { schemaOf, paths });
  return paths;
}

function collectSensitivePaths(c: ResourceChange, schemaOf: SchemaLookup | undefined): Path[] {
  const paths: Path[] = [...c.beforeSensitive, ...c.afterSensitive];
  const schema = schemaOf?.(c.addr);
  for (const v of [c.before, c.after]) {
    if (!v) continue;
    paths.push(...unmark(v).paths);
    if (schema) schemaSensitivePaths(schema.block, v, [], paths);
  }
  return paths;
}

/** The string values under any sensitive mark in the plan. */
export function planSecrets(plan: Plan, schemaOf?: SchemaLookup): Set<string> {
  const out = new Set<string>();
  for (const c of [...plan.changes, ...plan.drift]) {
    const paths = sensitivePathsOf(c, schemaOf);
    // no mark on either side (a Sensitive wrapper would have given a path): nothing to collect
    if (paths.length === 0) continue;
    const tree = pathTree(paths);
    if (c.before) collect(c.before, tree, out);
    if (c.after) collect(c.after, tree, out);
  }
  for (const o of plan.outputs) {
    const tree = o.sensitive ? MARKED : undefined;
    if (o.before !== undefined) collect(o.before, tree, out);
    if (o.after !== undefined) collect(o.after, tree, out);
  }
  return out;
}

function collect(v: Value, tree: PathTree | undefined, out: Set<string>, marked = false): void {
  if (v instanceof Sensitive) {
    collect(v.value, tree, out, true);
    return;
  }
  const here = marked || tree?.marked === true;
  if (typeof v === 'string') {
    if (here && v !== '') out.add(v);
    return;
  }
  if (Array.isArray(v)) v.forEach((x, i) => collect(x, inherited(tree, i), out, here));
  else if (isObject(v)) for (const k of Object.keys(v)) collect(v[k], inherited(tree, k), out, here);
}
