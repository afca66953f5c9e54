// The one error type of the expression language: parse and evaluation mistakes in user
// expressions. The planner turns it into a Diagnostic; the message already quotes the
// expression text (never a value that might be sensitive).

import type { SourceRange } from '../diagnostics.ts';

export class ExpressionError extends Error {
  readonly summary: string;
  readonly detail?: string;
  readonly range?: SourceRange;

  constructor(summary: string, options: { detail?: string; range?: SourceRange; source?: string } = {}) {
    super(options.source ? `${summary} in "${options.source}"` : summary);
    this.name = 'ExpressionError';
    this.summary = summary;
    this.detail = options.detail;
    this.range = options.range;
  }
}

/** Where a node came from: its column range and the whole text it was parsed from. */
export interface Located {
  readonly range: { readonly start: number; readonly end: number };
  readonly src: string;
}

/** An ExpressionError pointing at a node of a parsed expression. */
export function errorAt(node: Located, summary: string, detail?: string): ExpressionError {
  const r = node.range;
  return new ExpressionError(summary, { detail, range: r.start > 0 ? { start: r.start, end: r.end } : undefined, source: node.src || undefined });
}
