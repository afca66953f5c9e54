// Where a diagnostic points, Terraform's way: `on main.tf line 6, in resource "x" "y":`, the
// source line with its number, and a caret underline. For a JSON stack (cdktf's cdk.tf.json)
// the JSON pointer is turned into a line with a JSON parser, and the construct path cdktf
// writes into each block's `//` metadata names the construct the problem comes from.

import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

/** The parts of a diagnostic's SourceRange this reads (declared here: diagnostics.ts imports this file). */
interface SourceRange {
  readonly file?: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
  readonly start?: number;
  readonly end?: number;
  readonly subject?: string;
}

interface SourceFile {
  readonly text: string;
  readonly lines: string[];
  readonly tree?: Node;
}

const files = new Map<string, SourceFile | null>();
/** Files larger than this are not quoted (a snippet is a courtesy, never a cost). */
const MAX_BYTES = 32 << 20;

function load(file: string): SourceFile | null {
  let f = files.get(file);
  if (f !== undefined) return f;
  try {
    if (statSync(file).size > MAX_BYTES) f = null;
    else {
      const text = readFileSync(file, 'utf8');
      f = { text, lines: text.split(/\r?\n/), tree: file.endsWith('.json') ? parseTree(text) : undefined };
    }
  } catch {
    f = null;
  }
  files.set(file, f);
  return f;
}

function pointerSteps(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `resource "aws_s3_bucket" "b"`, `variable "x"`, ... for the block a JSON pointer is in. */
export function blockOf(pointer: string | undefined): string | undefined {
  if (!pointer) return undefined;
  const [kind, a, b] = pointerSteps(pointer);
  switch (kind) {
    case 'resource':
    case 'data':
      return a !== undefined && b !== undefined ? `${kind} "${a}" "${b}"` : undefined;
    case 'variable':
    case 'output':
    case 'module':
    case 'check':
    case 'provider':
      return a !== undefined ? `${kind} "${a}"` : undefined;
    case 'locals':
      return 'locals';
    default:
      return undefined;
  }
}

function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** The JSON node at a pointer (the deepest one that exists: a pointer may name a missing key). */
function jsonNode(tree: Node, pointer: string): Node | undefined {
  const steps: (string | number)[] = pointerSteps(pointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  for (let n = steps.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, steps.slice(0, n));
    if (node) return node;
  }
  return undefined;
}

/** The construct path cdktf records for the block of a pointer (`"//": {"metadata": {"path": ...}}`). */
function constructPath(tree: Node, pointer: string): string | undefined {
  const [kind, a, b] = pointerSteps(pointer);
  const block = kind === 'resource' || kind === 'data' ? [kind, a!, b!] : kind === 'output' || kind === 'variable' || kind === 'module' ? [kind, a!] : undefined;
  if (!block || block.some((s) => s === undefined)) return undefined;
  const node = findNodeAtLocation(tree, [...block, '//', 'metadata', 'path']);
  return typeof node?.value === 'string' ? node.value : undefined;
}

/** The first line at or below `from` (inside the block that starts there) holding `subject`. */
function findSubject(f: SourceFile, from: number, subject: string): { line: number; column: number; length: number } | undefined {
  const first = f.lines[from - 1] ?? '';
  const indent = first.length - first.trimStart().length;
  for (let i = from - 1; i < f.lines.length && i < from + 2000; i++) {
    const text = f.lines[i]!;
    const col = text.indexOf(subject);
    if (col !== -1) return { line: i + 1, column: col + 1, length: subject.replace(/\($/, '').length };
    // the block ended (a closing brace at the block's own indentation)
    if (i > from - 1 && /^\s*[}\]]/.test(text) && text.length - text.trimStart().length <= indent) return undefined;
  }
  return undefined;
}

export interface SourceContext {
  /** file as shown: relative to the working directory when inside it */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly block?: string;
  /** the source line, and the underline below it */
  readonly snippet?: { readonly text: string; readonly underline: string };
  readonly construct?: string;
  /** the source line as it is, the underlined part of it (0-based, end exclusive) and its byte offsets in the file */
  readonly code?: { readonly text: string; readonly start: number; readonly end: number; readonly startByte: number; readonly endByte: number };
}

/** The index in `text` where 1-based `line` starts. */
function lineStart(text: string, line: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) {
    const i = text.indexOf('\n', at);
    if (i === -1) return text.length;
    at = i + 1;
  }
  return at;
}

/** Line, column, snippet and construct of a source range, when the file can be read. */
export function sourceContext(r: SourceRange | undefined, cwd = process.cwd()): SourceContext | undefined {
  if (!r?.file) return undefined;
  const f = load(r.file);
  let line = r.line;
  let column = r.column ?? 1;
  let length = 0;
  let construct: string | undefined;
  if (f?.tree && r.pointer) {
    construct = constructPath(f.tree, r.pointer);
    if (line === undefined) {
      const node = jsonNode(f.tree, r.pointer);
      if (node) {
        ({ line, column } = lineColumnOf(f.text, node.offset));
        // inside a string expression: point at the columns the expression error names
        if (node.type === 'string' && r.start !== undefined && !f.text.slice(node.offset, node.offset + node.length).includes('\\')) {
          column += r.start;
          length = Math.max(1, (r.end ?? r.start) - r.start + 1);
        } else length = node.type === 'object' || node.type === 'array' ? 1 : node.length;
      }
    }
  }
  if (line === undefined) return undefined;
  if (r.subject && f) {
    // point at the line of the block that holds the subject, as Terraform points at the expression
    const at = findSubject(f, line, r.subject);
    if (at) ({ line, column, length } = at);
  }
  const shown = isAbsolute(r.file) && !relative(cwd, r.file).startsWith('..') ? relative(cwd, r.file) : r.file;
  const text = f?.lines[line - 1];
  let snippet: SourceContext['snippet'];
  let code: SourceContext['code'];
  if (text !== undefined && text.length <= 500) {
    const from = Math.min(Math.max(column, 1), text.length + 1);
    const rest = text.slice(from - 1);
    const len = length || Math.max(1, rest.match(/^[^\s=:{[(,]+/)?.[0].length ?? 1);
    const shownLength = Math.min(len, Math.max(1, text.length - from + 1));
    snippet = { text: text.replace(/\t/g, ' '), underline: `${' '.repeat(from - 1)}${'^'.repeat(shownLength)}` };
    const start = from - 1;
    const end = Math.min(start + shownLength, text.length);
    const base = Buffer.byteLength(f!.text.slice(0, lineStart(f!.text, line)));
    code = { text, start, end, startByte: base + Buffer.byteLength(text.slice(0, start)), endByte: base + Buffer.byteLength(text.slice(0, end)) };
  }
  return { file: shown, line, column, block: blockOf(r.pointer), snippet, construct, code };
}
