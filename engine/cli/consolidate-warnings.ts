// Terraform's habit: many warnings with the same summary print once, with "(and N more
// similar warnings elsewhere)", so one deprecated argument used in fifty places does not bury
// the errors. Errors are never consolidated.

import type { Diagnostic } from '../diagnostics.ts';

export function consolidateWarnings(diags: readonly Diagnostic[]): Diagnostic[] {
  const first = new Map<string, { index: number; more: number }>();
  const out: Diagnostic[] = [];
  for (const d of diags) {
    if (d.severity !== 'warning') {
      out.push(d);
      continue;
    }
    const seen = first.get(d.summary);
    if (seen) {
      seen.more++;
      continue;
    }
    first.set(d.summary, { index: out.length, more: 0 });
    out.push(d);
  }
  for (const { index, more } of first.values()) {
    if (!more) continue;
    const d = out[index]!;
    const note = `(and ${more} more similar warning${more === 1 ? '' : 's'} elsewhere)`;
    out[index] = { ...d, detail: d.detail ? `${d.detail}\n\n${note}` : note };
  }
  return out;
}
