// One recorded object in the style of `terraform state show`: aligned attributes, no null
// attributes, heredocs for multi-line strings, sensitive values as (sensitive value).

import { renderBlockBody, type DiffContext, type Side } from '../plan/render/value-diff.ts';
import { NO_COLORS, pathTree } from '../plan/render/value-format.ts';
import { isObject, type Value } from '../lang/value.ts';
import type { InstanceState } from '../../state/model.ts';

export function renderInstance(inst: InstanceState): string {
  const v = dropNulls(inst.attributes);
  const side: Side = { v, sens: pathTree(inst.sensitivePaths) };
  const ctx: DiffContext = { palette: NO_COLORS, hideUnchanged: false };
  const body = renderBlockBody(side, side, 1, undefined, undefined, ctx, true)
    // rows of an unchanged object carry a blank action column: drop it, as terraform does
    .map((l) => l.replace(/^ {4}/, ''));
  return [
    `# ${inst.address}${inst.tainted ? ' (tainted)' : ''}${inst.deposed ? ' (deposed object)' : ''}:`,
    `${inst.mode === 'data' ? 'data' : 'resource'} "${inst.type}" "${inst.name}" {`,
    ...body,
    '}',
  ].join('\n');
}

function dropNulls(v: Value): Value {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (isObject(v)) {
    const out: Record<string, Value> = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = dropNulls(x);
    return out;
  }
  return v;
}
