// Small pieces shared by the plan renderers: path trees for sensitive and
// forces-replacement paths, HCL-style literals, and terminal colors.

import { formatNum, type Num } from '../../lang/big-number.ts';
import type { Path } from '../../lang/value.ts';

/** A set of paths as a tree, so a renderer descending a value can look up its position in O(1). */
export interface PathTree {
  /** this exact path is in the set */
  readonly marked: boolean;
  readonly kids: Map<string, PathTree>;
}

interface MutablePathTree {
  marked: boolean;
  kids: Map<string, MutablePathTree>;
}

export function pathTree(paths: readonly Path[]): PathTree {
  const root: MutablePathTree = { marked: false, kids: new Map() };
  for (const p of paths) {
    let node = root;
    for (const step of p) {
      const k = String(step);
      let next = node.kids.get(k);
      if (!next) node.kids.set(k, (next = { marked: false, kids: new Map() }));
      node = next;
    }
    node.marked = true;
  }
  return root;
}

/** The subtree at one step; a marked tree stays marked below (a sensitive object hides all inside). */
export function inherited(t: PathTree | undefined, step: string | number): PathTree | undefined {
  if (!t) return undefined;
  return t.marked ? t : t.kids.get(String(step));
}

/** The subtree at one step, without inheriting the mark (forces-replacement paths are exact). */
export function exact(t: PathTree | undefined, step: string | number): PathTree | undefined {
  return t?.kids.get(String(step));
}

export const MARKED: PathTree = { marked: true, kids: new Map() };

/** A string as an HCL quoted literal, escaping template sequences as Terraform does. */
export function quoteString(s: string): string {
  const q = JSON.stringify(s);
  return q.includes('{') ? q.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{') : q;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Object attribute names print bare; map keys (and names that are not identifiers) print quoted. */
export function formatKey(key: string, quoted: boolean): string {
  return quoted || !IDENTIFIER.test(key) ? quoteString(key) : key;
}

/** As Terraform prints a number: plain decimal digits, every one of them. */
export function formatNumber(n: Num): string {
  return typeof n !== 'number' || Number.isFinite(n) ? formatNum(n) : JSON.stringify(String(n));
}

/** Lines of a multi-line string; a trailing newline does not make an extra empty line. */
export function splitLines(s: string): string[] {
  const lines = s.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export const isMultiline = (s: string): boolean => s.includes('\n');

export interface Palette {
  green(s: string): string;
  yellow(s: string): string;
  red(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const sgr = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
export const COLORS: Palette = { green: sgr('32'), yellow: sgr('33'), red: sgr('31'), cyan: sgr('36'), bold: sgr('1'), dim: sgr('2') };
const plain = (s: string) => s;
export const NO_COLORS: Palette = { green: plain, yellow: plain, red: plain, cyan: plain, bold: plain, dim: plain };
