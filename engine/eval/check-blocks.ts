// check blocks: assertions reported as warnings, never stopping a run (as in Terraform). Run
// while planning and again after apply, when values unknown at plan time are known. A
// scoped data source that could not be read makes the assertions that read it fail.

import { type Diagnostic, warning } from '../diagnostics.ts';
import { evaluate } from '../lang/evaluate.ts';
import { references as referencesOf } from '../lang/references.ts';
import { isUnknown, unmark } from '../lang/value.ts';
import type { StackConfig } from '../config/model.ts';
import type { Scope } from '../lang/scope.ts';
import { checkConditions } from './conditions.ts';
import { exprDiagnostic } from './expr-diagnostic.ts';

/** The outcome of a check block, as Terraform's `checks` report names it. */
export type CheckStatus = 'pass' | 'fail' | 'unknown' | 'error';

export interface CheckResult {
  readonly name: string;
  readonly status: CheckStatus;
}

const CHECK_ORDER: readonly CheckStatus[] = ['pass', 'unknown', 'fail', 'error'];

export const worseCheckStatus = (a: CheckStatus, b: CheckStatus): CheckStatus => (CHECK_ORDER.indexOf(a) >= CHECK_ORDER.indexOf(b) ? a : b);

export function evaluateChecks(config: StackConfig, scope: Scope, failedData: ReadonlySet<string>): { results: CheckResult[]; diagnostics: Diagnostic[] } {
  const results: CheckResult[] = [];
  const diagnostics: Diagnostic[] = [];
  const dataOf = (r: ReturnType<typeof referencesOf>[number]) => `data.${(r.steps[0] as { name?: string })?.name}.${(r.steps[1] as { name?: string })?.name}`;
  for (const c of config.checks ?? []) {
    const where = { stack: config.name, address: `check.${c.name}`, range: c.range };
    let status: CheckStatus = 'pass';
    for (const a of c.asserts) {
      const data = referencesOf(a.condition)
        .filter((r) => r.root === 'data')
        .map(dataOf);
      if (data.some((d) => failedData.has(d))) {
        status = worseCheckStatus(status, 'fail');
        continue;
      }
      if (data.some((d) => !config.resources.has(d))) {
        status = worseCheckStatus(status, 'unknown');
        continue;
      }
      let found: Diagnostic[];
      try {
        found = checkConditions([a], scope, 'Check block assertion failed');
        if (!found.length && isUnknown(unmark(evaluate(a.condition, scope)).value)) status = worseCheckStatus(status, 'unknown');
      } catch (e) {
        found = [exprDiagnostic(e, where)];
      }
      for (const d of found) status = worseCheckStatus(status, d.summary === 'Check block assertion failed' ? 'fail' : 'error');
      for (const d of found) diagnostics.push({ ...d, severity: 'warning', where: { ...where, ...d.where } });
    }
    results.push({ name: c.name, status });
  }
  return { results, diagnostics };
}

/** A scoped data source's errors become warnings naming its check block. */
export function checkDataWarnings(diags: readonly Diagnostic[], check: string): Diagnostic[] {
  return diags.map((d) =>
    d.severity === 'error' ? { ...warning(d.summary, `${d.detail ? `${d.detail}\n\n` : ''}This data source is scoped to check block "${check}": its failure is a warning.`, d.where) } : d,
  );
}
