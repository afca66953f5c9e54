// Plans as one Markdown comment for a pull request: a summary table for every stack, then a
// collapsed <details> block per stack with the human rendering in a ```diff fence (markers
// moved to the first column so GitHub colors them). The whole comment stays within
// maxChars (GitHub's limit is 65,536); long plans are cut at a line with a note saying so.

import { formatDiagnostic, hasErrors } from '../../diagnostics.ts';
import { hasChanges, summarize, type Plan } from '../plan.ts';
import { renderPlan, renderSummaryLine, type RenderPlanOptions } from './human.ts';

/** Lets a CI job find and update its own comment instead of adding a new one per push. */
export const PLAN_COMMENT_MARKER = '<!-- ballast-plan -->';
export const DEFAULT_MAX_CHARS = 65536;
const FENCE_SLACK = 16;

export interface StackPlanResult {
  stack: string;
  plan: Plan | null;
  /** why the stack has no plan (already free of secrets) */
  error?: string;
}

export interface MarkdownOptions {
  maxChars?: number;
  title?: string;
  sourceRevision?: string;
  /** provider schemas for block rendering and schema-declared sensitive attributes */
  schemaOf?: RenderPlanOptions['schemaOf'];
}

interface Section {
  stack: string;
  summary: string;
  language: 'diff' | 'text';
  body: string;
}

export function renderPlansMarkdown(plans: StackPlanResult[], opts: MarkdownOptions = {}): string {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const head: string[] = [PLAN_COMMENT_MARKER, `## ${escapeHtml(opts.title ?? 'Ballast plan')}`, ''];
  if (opts.sourceRevision) head.push(`Source revision: \`${opts.sourceRevision.replace(/`/g, '')}\``, '');
  head.push('| Stack | Add | Change | Destroy | Drift | Status |', '| --- | ---: | ---: | ---: | ---: | --- |');
  const sections: Section[] = [];
  for (const r of plans) {
    head.push(tableRow(r));
    const s = section(r, opts);
    if (s) sections.push(s);
  }
  head.push('');
  const header = head.join('\n') + '\n';

  // Everything but the plan bodies is fixed; the bodies share what is left of the budget.
  // (a note as long as it can get, plus slack for a longer fence when a body holds backticks)
  const fixed = header.length + sections.reduce((n, s) => n + wrap(s, '', truncationNote(s.stack, 10 ** 12)).length + FENCE_SLACK, 0);
  const budgets = shareBudget(
    sections.map((s) => s.body.length),
    Math.max(0, maxChars - fixed),
  );
  let text =
    header +
    sections
      .map((s, i) => {
        if (s.body.length <= budgets[i]) return wrap(s, s.body, '');
        const cut = cutAtLine(s.body, budgets[i]);
        return wrap(s, cut, truncationNote(s.stack, s.body.length - cut.length));
      })
      .join('');
  if (text.length > maxChars) {
    // only a huge table gets here; cut hard but keep the marker and say so
    const note = '\n\n_Comment truncated to fit the size limit; run `ballast plan` locally for the full output._\n';
    text = text.slice(0, Math.max(PLAN_COMMENT_MARKER.length, maxChars - note.length)) + note;
    text = text.slice(0, maxChars);
  }
  return text;
}

function tableRow(r: StackPlanResult): string {
  const stack = escapeCell(r.stack);
  if (!r.plan) return `| ${stack} | | | | | ${r.error ? 'error' : 'not planned'} |`;
  const s = summarize(r.plan.changes);
  const drift = r.plan.drift.filter((c) => c.action !== 'no-op').length;
  return `| ${stack} | ${s.add} | ${s.change} | ${s.destroy} | ${drift} | ${status(r.plan, drift)} |`;
}

function status(plan: Plan, drift: number): string {
  if (hasErrors(plan.diagnostics)) return 'error';
  if (hasChanges(plan)) return 'changes';
  return drift ? 'drift only' : 'no changes';
}

function section(r: StackPlanResult, opts: MarkdownOptions): Section | undefined {
  if (!r.plan) {
    if (!r.error) return undefined;
    return { stack: r.stack, summary: 'error', language: 'text', body: r.error.endsWith('\n') ? r.error : r.error + '\n' };
  }
  let body = toGitHubDiff(renderPlan(r.plan, { color: false, schemaOf: opts.schemaOf }));
  const diagnostics = r.plan.diagnostics.map(formatDiagnostic);
  if (diagnostics.length) body += '\n' + diagnostics.join('\n\n') + '\n';
  return { stack: r.stack, summary: renderSummaryLine(r.plan), language: 'diff', body };
}

function wrap(s: Section, body: string, note: string): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  return `<details><summary><b>${escapeHtml(s.stack)}</b>: ${escapeHtml(s.summary)}</summary>\n\n` + `${fence}${s.language}\n${body}${fence}\n${note ? `\n${note}\n` : ''}\n</details>\n\n`;
}

export function truncationNote(stack: string, omitted: number): string {
  return `_… plan for stack "${escapeHtml(stack)}" truncated: ${omitted.toLocaleString('en-US')} more characters; run \`ballast plan\` locally for the full output._`;
}

/**
 * Splits `total` among bodies: small ones get all they need, the big ones share the rest
 * equally (water-filling), so one huge stack cannot crowd out the others.
 */
export function shareBudget(needs: number[], total: number): number[] {
  const order = needs.map((_, i) => i).sort((a, b) => needs[a] - needs[b]);
  const out = new Array<number>(needs.length).fill(0);
  let left = total;
  order.forEach((i, k) => {
    const share = Math.floor(left / (order.length - k));
    out[i] = Math.min(needs[i], share);
    left -= out[i];
  });
  return out;
}

/** The longest prefix of whole lines within `max` characters. */
function cutAtLine(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = text.lastIndexOf('\n', max - 1);
  return end < 0 ? '' : text.slice(0, end + 1);
}

const MARKER = /^(\s*)(-\/\+|\+\/-|[+~-])(?= |$)/;
const DIFF_MARK: Record<string, string> = { '+': '+', '-': '-', '~': '!', '-/+': '!', '+/-': '!' };

/** Moves each line's action marker to column one (`~` and replacements become `!`), keeping widths. */
export function toGitHubDiff(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = MARKER.exec(line);
      if (!m) return line;
      const [whole, lead, marker] = m;
      return DIFF_MARK[marker] + lead + ' '.repeat(marker.length - 1) + line.slice(whole.length);
    })
    .join('\n');
}

function longestBacktickRun(s: string): number {
  let best = 0;
  for (const m of s.matchAll(/`+/g)) best = Math.max(best, m[0].length);
  return best;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function escapeCell(s: string): string {
  return escapeHtml(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
