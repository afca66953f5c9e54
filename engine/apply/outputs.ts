// Output values recorded in a new state version, evaluated once every operation has finished.

import type { Diagnostic } from '../diagnostics.ts';
import { evaluate } from '../lang/evaluate.ts';
import { containsSensitive, containsUnknown, unmark } from '../lang/value.ts';
import type { StackConfig } from '../config/model.ts';
import type { OutputState } from '../../state/model.ts';
import { evaluating } from '../eval/expr-diagnostic.ts';
import type { StackScope } from '../eval/stack-scope.ts';

/** `only`: the outputs a targeted plan planned; the others are not evaluated (they keep their recorded values). */
export function evaluateOutputs(config: StackConfig, scope: StackScope, diags: Diagnostic[], destroyed: boolean, only?: ReadonlySet<string>): Record<string, OutputState> {
  const out: Record<string, OutputState> = {};
  if (destroyed) return out;
  for (const o of config.outputs.values()) {
    if (only && !only.has(o.name)) continue;
    const v = evaluating(diags, { stack: config.name, address: `output.${o.name}`, range: o.range }, () => evaluate(o.expr, scope.root));
    if (v === undefined || containsUnknown(v)) continue; // a dependency failed; the output keeps no value
    const value = unmark(v).value;
    // Terraform leaves an output whose value is null out of the state (and so out of `output -json`)
    if (value === null) continue;
    out[o.name] = { value, sensitive: o.sensitive || containsSensitive(v), valueSensitive: containsSensitive(v) };
  }
  return out;
}
