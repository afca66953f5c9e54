// The text side of `ballast console`: whether an interactive entry needs more lines (an open
// bracket, as Terraform's console continues a multi-line expression), and an expression error
// in Terraform's diagnostic layout, pointing into the entered text.

import { readableText } from '../diagnostics.ts';
import type { ExpressionError } from '../lang/expression-error.ts';
import { scan } from '../lang/lexer.ts';
import { CONSOLE_INPUT } from '../operations/console-scope.ts';

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** True when `text` opens more brackets (or interpolations) than it closes: the entry goes on. */
export function needsMoreInput(text: string): boolean {
  let depth = 0;
  try {
    for (const t of scan(text, false)) {
      if (t.type === 'interp' || t.type === 'directive' || (t.type === 'punct' && OPEN.has(t.text))) depth++;
      else if (t.type === 'close' || (t.type === 'punct' && CLOSE.has(t.text))) depth--;
    }
  } catch {
    // an unterminated string or template: the parser reports it; a line is not continued for it
    return false;
  }
  return depth > 0;
}

/** `Error: ...`, `on <console-input> line N:`, the line with a caret underline, the detail. */
export function formatConsoleError(e: ExpressionError, text: string): string {
  const out = [`Error: ${readableText(e.summary)}`, ''];
  const start = e.range?.start;
  if (start !== undefined && start >= 1) {
    // the range is 1-based offsets into the entered text, which may span lines
    const before = text.slice(0, start - 1);
    const lineNo = before.split('\n').length;
    const lineStart = before.lastIndexOf('\n') + 1;
    const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd);
    const col = start - 1 - lineStart;
    const end = Math.min(Math.max((e.range?.end ?? start) - 1 - lineStart, col), Math.max(line.length - 1, col));
    const num = `${lineNo}: `;
    out.push(`  on ${CONSOLE_INPUT} line ${lineNo}:`, `  ${num}${line}`, `  ${' '.repeat(num.length + col)}${'^'.repeat(end - col + 1)}`);
  } else {
    out.push(`  on ${CONSOLE_INPUT} line 1:`, `  1: ${text.split('\n')[0]}`);
  }
  if (e.detail) out.push('', readableText(e.detail).replace(/^/gm, '  '));
  return out.join('\n');
}
