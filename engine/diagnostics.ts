// User-facing problems. Bad input is collected as diagnostics and reported together;
// exit codes are decided only in the CLI layer.

import { sourceContext } from './diagnostic-source.ts';

export type Severity = 'error' | 'warning';

export interface SourceRange {
  /** file the text came from, e.g. cdktf.out/stacks/app/cdk.tf.json */
  file?: string;
  /** JSON pointer inside that file, e.g. /resource/null_resource/a/triggers/x */
  pointer?: string;
  /** 1-based line and column in `file` of the block or argument (HCL stacks) */
  line?: number;
  column?: number;
  /** 1-based column range inside the expression string */
  start?: number;
  end?: number;
  /** text inside the block the problem is about (`var.nmae`), so a snippet can point at its line */
  subject?: string;
}

export interface Where {
  stack?: string;
  /** resource or instance address, `var.x`, `local.y`, `output.z` */
  address?: string;
  attribute?: string;
  range?: SourceRange;
}

export interface Diagnostic {
  severity: Severity;
  summary: string;
  detail?: string;
  where?: Where;
}

export const error = (summary: string, detail?: string, where?: Where): Diagnostic => ({ severity: 'error', summary, detail, where });
export const warning = (summary: string, detail?: string, where?: Where): Diagnostic => ({ severity: 'warning', summary, detail, where });

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/** Thrown to abort a phase with diagnostics already collected; the CLI prints them and exits 1. */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(
      diagnostics
        .filter((d) => d.severity === 'error')
        .map(formatDiagnostic)
        .join('\n\n') || 'failed',
    );
  }
}

export function formatWhere(w: Where | undefined): string {
  if (!w) return '';
  const parts: string[] = [];
  if (w.stack) parts.push(`stack "${w.stack}"`);
  if (w.address) parts.push(w.address);
  if (w.attribute) parts.push(`attribute "${w.attribute}"`);
  let s = parts.join(', ');
  const r = w.range;
  if (r?.file && r.line) {
    s += ` (${r.file}:${r.line}:${r.column ?? 1})`;
  } else if (r?.file || r?.pointer) {
    s += ` (${r.file ?? ''}${r.pointer ? `#${r.pointer}` : ''}${r.start ? `, column ${r.start}` : ''})`;
  }
  return s.trim();
}

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.severity === 'error' ? 'Error' : 'Warning'}: ${readableText(d.summary)}`;
  const detail = d.detail === undefined ? undefined : readableText(d.detail);
  const src = sourceContext(d.where?.range);
  if (!src) {
    const where = formatWhere(d.where);
    return [head, where && `  on ${where}`, detail && `\n${detail.replace(/^/gm, '  ')}`].filter(Boolean).join('\n');
  }
  // Terraform's layout: the file and line, the block, the source line with an underline
  const out = [head, '', `  on ${src.file} line ${src.line}${src.block ? `, in ${src.block}` : ''}:`];
  if (src.snippet) {
    const num = `${src.line}: `;
    out.push(`  ${num}${src.snippet.text}`, `  ${' '.repeat(num.length)}${src.snippet.underline}`);
  }
  const w = d.where;
  const context = [w?.stack && `stack "${w.stack}"`, w?.address, w?.attribute && `attribute "${w.attribute}"`, src.construct && `construct ${src.construct}`].filter(Boolean);
  if (context.length) out.push(`  (${context.join(', ')})`);
  if (detail) out.push('', detail.replace(/^/gm, '  '));
  return out.join('\n');
}

/**
 * Guard for every message shown to a user: an object interpolated into a template literal
 * reads "[object Object]" (or "undefined" for a missing detail); say what it was instead.
 * The place that built such a message is still a bug to fix, but the user never sees it.
 */
export function readableText(text: unknown): string {
  if (typeof text !== 'string') return text === undefined || text === null ? '' : readableText(safeString(text));
  return text.replace(/\[object (\w+)\]/g, (_m, kind: string) => `(${kind === 'Object' ? 'an object' : `a ${kind}`} value)`);
}

function safeString(v: unknown): string {
  if (v instanceof Error) return v.message;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** The diagnostics placed at `where`; what a diagnostic already says about its place wins. */
export function locatedAt(where: Where | undefined, diags: readonly Diagnostic[]): Diagnostic[] {
  return diags.map((d) => ({ ...d, where: { ...where, ...d.where } }));
}
