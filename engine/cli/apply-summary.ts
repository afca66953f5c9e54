// The line an apply (or destroy) ends with, in Terraform's words: `Apply complete! Resources: 1
// imported, 0 added, 1 changed, 0 destroyed.`; "N imported" only when import blocks adopted objects.

import type { Plan } from '../plan/plan.ts';

export interface ApplyCounts {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  readonly import?: number;
}

/** The objects import blocks adopt in this plan (an import that also changes the object counts in both). */
export function importCount(plan: Plan): number {
  return plan.changes.filter((c) => c.importing !== undefined).length;
}

/** The end line of an apply, or of a destroy (`Destroy complete! Resources: N destroyed.`). */
export function applySummary(s: ApplyCounts, mode: 'apply' | 'destroy' = 'apply'): string {
  if (mode === 'destroy') return `Destroy complete! Resources: ${s.destroy} destroyed.`;
  const imported = s.import ? `${s.import} imported, ` : '';
  return `Apply complete! Resources: ${imported}${s.add} added, ${s.change} changed, ${s.destroy} destroyed.`;
}
