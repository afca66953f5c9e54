// Terraform-style attribute diffs for the human plan rendering: one function per shape
// (attribute body, object/map, list/set, heredoc string, nested blocks), each returning
// lines. Lines are laid out on 4-space levels with a 3-column action symbol:
//   item(level, sym, text) = 4*level spaces + sym right-aligned in 3 columns + ' ' + text
// so a resource header sits at level 0 and its attributes at level 1, exactly as Terraform.
//
// Secrets: every function checks the sensitive mark (a Sensitive wrapper or a path in the
// sensitive tree, on EITHER side) before looking at a value, and never descends into a
// sensitive value; a sensitive value prints as "(sensitive value)" and nothing else.

import type * as diffModule from 'diff';
import { lazyRequire } from '../../lazy-require.ts';
import { isNum } from '../../lang/big-number.ts';
import { parseJson } from '../../lang/json-numbers.ts';
import { jsonToValue } from '../../lang/json-value.ts';
import type { Type } from '../../lang/types.ts';
import { Sensitive, Unknown, isObject, isSet, valuesEqual, type Value, type ValueObject } from '../../lang/value.ts';
import type { BlockSchema } from '../../../providers/provider.ts';
import { MARKED, NO_COLORS, exact, formatKey, formatNumber, inherited, isMultiline, quoteString, splitLines, type Palette, type PathTree } from './value-format.ts';

// only a changed multi-line string needs a line diff
const diff = lazyRequire<typeof diffModule>('diff');

export type Sym = '+' | '-' | '~' | ' ';

/** One side (before or after) of a value being compared, with its sensitive paths. */
export interface Side {
  /** undefined: the attribute is absent */
  readonly v: Value | undefined;
  readonly sens?: PathTree;
}

export interface DiffContext {
  readonly palette: Palette;
  /** inside an update: hide unchanged attributes, elements and blocks behind a count */
  readonly hideUnchanged: boolean;
  /** strings found under a sensitive mark anywhere in the plan: never printed, wherever they turn up */
  readonly secrets?: ReadonlySet<string>;
}

export const KNOWN_AFTER_APPLY = '(known after apply)';
export const SENSITIVE_VALUE = '(sensitive value)';
const FORCES_REPLACEMENT = ' # forces replacement';
/** attributes Terraform always shows in an update, so the reader knows which object it is */
const IDENTIFYING = new Set(['id', 'name', 'tags']);
/** unchanged lines kept around a change in a long heredoc */
const HEREDOC_CONTEXT = 3;
/** lists longer than this (product of lengths) are compared by index instead of by LCS */
const LCS_LIMIT = 1_000_000;

export function item(level: number, sym: string, text: string, p: Palette): string {
  const line = closing(level) + colorSymbol(sym.padStart(3), p) + ' ' + text;
  return text === '' ? line.trimEnd() : line;
}

// a plan prints tens of thousands of lines: the few indentations are made once
const INDENTS = Array.from({ length: 16 }, (_, level) => ' '.repeat(4 * level));
export const closing = (level: number): string => INDENTS[level] ?? ' '.repeat(4 * level);

export function colorSymbol(sym: string, p: Palette): string {
  if (p === NO_COLORS) return sym;
  switch (sym.trim()) {
    case '+':
      return sym.replace('+', p.green('+'));
    case '-':
      return sym.replace('-', p.red('-'));
    case '~':
      return sym.replace('~', p.yellow('~'));
    case '<=':
      return sym.replace('<=', p.cyan('<='));
    case '-/+':
      return p.red('-') + '/' + p.green('+');
    case '+/-':
      return p.green('+') + '/' + p.red('-');
    default:
      return sym;
  }
}

export const isSensitiveSide = (s: Side): boolean => s.v instanceof Sensitive || s.sens?.marked === true;
/** Marked, or a string known to be a secret from somewhere else in the plan. */
const isSecret = (s: Side, ctx: DiffContext): boolean => isSensitiveSide(s) || (typeof s.v === 'string' && ctx.secrets?.has(s.v) === true);
const isNullish = (s: Side): boolean => s.v === undefined || s.v === null;
const raw = (v: Value | undefined): Value | undefined => (v instanceof Sensitive ? raw(v.value) : v);

function child(s: Side, key: string | number): Side {
  const r = raw(s.v);
  let v: Value | undefined;
  if (Array.isArray(r)) v = typeof key === 'number' ? r[key] : undefined;
  else if (isObject(r) && typeof key === 'string') v = Object.hasOwn(r, key) ? r[key] : undefined;
  return { v, sens: inherited(s.sens, key) };
}

const sameSides = (b: Side, a: Side): boolean => isSensitiveSide(b) === isSensitiveSide(a) && valuesEqual(b.v ?? null, a.v ?? null);

/** The action symbol for one attribute or element; null when it is null on both sides (not shown). */
export function symbolOf(b: Side, a: Side): Sym | null {
  const bn = isNullish(b),
    an = isNullish(a);
  if (bn && an) return null;
  if (bn) return '+';
  if (an) return '-';
  return sameSides(b, a) ? ' ' : '~';
}

export interface Row {
  sym: Sym;
  label: string;
  lines: string[];
  forcesReplacement: boolean;
}

export function emitRows(rows: Row[], level: number, p: Palette): string[] {
  const width = rows.reduce((w, r) => Math.max(w, r.label.length), 0);
  const out: string[] = [];
  for (const r of rows) {
    const tag = r.forcesReplacement ? p.red(FORCES_REPLACEMENT) : '';
    out.push(item(level, r.sym, `${r.label.padEnd(width)} = ${r.lines[0]}${tag}`, p), ...r.lines.slice(1));
  }
  return out;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const hiddenNote = (level: number, n: number, what: string, p: Palette) => item(level, ' ', p.dim(`# (${plural(n, `unchanged ${what}`)} hidden)`), p);

function withSuffix(lines: string[], suffix: string): string[] {
  const out = lines.slice();
  out[out.length - 1] += suffix;
  return out;
}

function joined(left: string[], sep: string, right: string[]): string[] {
  return [...left.slice(0, -1), left[left.length - 1] + sep + right[0], ...right.slice(1)];
}

function elementType(t: Type | undefined, key: string | number): Type | undefined {
  if (!t || typeof t === 'string') return undefined;
  if ('list' in t) return t.list;
  if ('set' in t) return t.set;
  if ('map' in t) return t.map;
  if ('tuple' in t) return typeof key === 'number' ? t.tuple[key] : undefined;
  return t.object[String(key)];
}

const isMapType = (t: Type | undefined) => !!t && typeof t === 'object' && 'map' in t;
const isListType = (t: Type | undefined) => !!t && typeof t === 'object' && 'list' in t;

/**
 * The value part of one attribute line (what follows `name = `), before and after. The first
 * returned line continues the attribute line; later lines are complete, nested at level+1.
 */
export function renderValueDiff(b: Side, a: Side, level: number, type: Type | undefined, replace: PathTree | undefined, ctx: DiffContext): string[] {
  if (isSecret(b, ctx) || isSecret(a, ctx)) {
    if (isNullish(b)) return [SENSITIVE_VALUE];
    if (isNullish(a)) return [`${SENSITIVE_VALUE} -> null`];
    return [SENSITIVE_VALUE];
  }
  if (isNullish(b)) return renderValue(a, '+', level, type, ctx);
  if (isNullish(a)) return withSuffix(renderValue(b, '-', level, type, ctx), ' -> null');
  if (a.v instanceof Unknown) return withSuffix(renderValue(b, '-', level, type, ctx), ` -> ${KNOWN_AFTER_APPLY}`);
  const bv = b.v as Value,
    av = a.v as Value;
  const bDoc = jsonDocument(bv),
    aDoc = jsonDocument(av);
  if (bDoc !== undefined && aDoc !== undefined) {
    const inner = renderValueDiff({ v: bDoc }, { v: aDoc }, level + 1, jsonDocType(aDoc), undefined, ctx);
    return jsonencoded(inner, valuesEqual(bDoc, aDoc) ? ' ' : '~', level, ctx.palette);
  }
  // a JSON document on one side only: the old value going, the new one coming
  if (bDoc !== undefined || aDoc !== undefined) return joined(renderValue(b, '-', level, type, ctx), ' -> ', renderValue(a, '+', level, type, ctx));
  if (typeof bv === 'string' && typeof av === 'string' && (isMultiline(bv) || isMultiline(av))) return heredocDiff(bv, av, level, ctx);
  if (Array.isArray(bv) && Array.isArray(av)) return listDiff(b, a, level, type, replace, ctx);
  if (isObject(bv) && isObject(av)) return objectDiff(b, a, level, type, replace, ctx);
  const container = (v: Value) => Array.isArray(v) || isObject(v);
  if (!container(bv) && !container(av) && !(bv instanceof Unknown)) {
    return valuesEqual(bv, av) ? [formatScalar(av)] : [`${formatScalar(bv)} -> ${formatScalar(av)}`];
  }
  // the type changed (or an unknown prior value): show the old value going and the new one coming
  return joined(renderValue(b, '-', level, type, ctx), ' -> ', renderValue(a, '+', level, type, ctx));
}

const JSON_START = /^\s*[[{]/;

/**
 * A string holding a JSON object or array, as a value: Terraform shows such a string (an IAM
 * policy, a container definition) as `jsonencode(...)` around the structure, so a change shows
 * which part changed.
 */
function jsonDocument(v: Value | undefined): Value | undefined {
  // every string of a plan passes here: a look at its first character, no copy
  if (typeof v !== 'string' || !JSON_START.test(v)) return undefined;
  try {
    return jsonToValue(parseJson(v));
  } catch {
    return undefined;
  }
}

/** the shape of a JSON document, so its objects print as objects (bare keys, "attribute" in notes) */
function jsonDocType(v: Value): Type {
  if (Array.isArray(v)) return { tuple: v.map(jsonDocType) };
  if (isObject(v)) return { object: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonDocType(x)])) };
  return 'dynamic';
}

/** `jsonencode(`, the document's lines one level in (the first marked `sym`), `)` */
function jsonencoded(inner: string[], sym: Sym, level: number, p: Palette): string[] {
  return ['jsonencode(', item(level + 1, sym, inner[0]!, p), ...inner.slice(1), closing(level + 1) + ')'];
}

function formatScalar(v: Value): string {
  if (v === null) return 'null';
  if (v instanceof Unknown) return KNOWN_AFTER_APPLY;
  if (typeof v === 'string') return quoteString(v);
  if (isNum(v)) return formatNumber(v);
  return String(v);
}

/** One whole value with every nested line marked `sym` (a created or destroyed value). */
export function renderValue(s: Side, sym: Sym, level: number, type: Type | undefined, ctx: DiffContext): string[] {
  if (isSecret(s, ctx)) return [SENSITIVE_VALUE];
  const v = s.v ?? null;
  const p = ctx.palette;
  const doc = jsonDocument(v);
  if (doc !== undefined) return jsonencoded(renderValue({ v: doc }, sym, level + 1, jsonDocType(doc), ctx), ' ', level, p);
  if (typeof v === 'string' && isMultiline(v)) {
    return ['<<-EOT', ...splitLines(v).map((l) => item(level + 1, ' ', l, p)), closing(level + 1) + 'EOT'];
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return ['[]'];
    const out = ['['];
    for (let i = 0; i < v.length; i++) {
      const ls = withSuffix(renderValue(child(s, i), sym, level + 1, elementType(type, i), ctx), ',');
      out.push(item(level + 1, sym, ls[0], p), ...ls.slice(1));
    }
    out.push(closing(level + 1) + ']');
    return out;
  }
  if (isObject(v)) {
    const rows: Row[] = [];
    for (const k of Object.keys(v).sort()) {
      const c = child(s, k);
      // like Terraform, null attributes of a created or destroyed object are left out
      if (sym !== ' ' && c.v === null && !isSensitiveSide(c)) continue;
      rows.push({ sym, label: formatKey(k, isMapType(type)), lines: renderValue(c, sym, level + 1, elementType(type, k), ctx), forcesReplacement: false });
    }
    if (rows.length === 0) return ['{}'];
    return ['{', ...emitRows(rows, level + 1, p), closing(level + 1) + '}'];
  }
  return [formatScalar(v)];
}

function objectDiff(b: Side, a: Side, level: number, type: Type | undefined, replace: PathTree | undefined, ctx: DiffContext): string[] {
  const bo = raw(b.v) as ValueObject,
    ao = raw(a.v) as ValueObject;
  const keys = [...new Set([...Object.keys(bo), ...Object.keys(ao)])].sort();
  if (keys.length === 0) return ['{}'];
  const rows: Row[] = [];
  let hidden = 0;
  for (const k of keys) {
    const cb = child(b, k),
      ca = child(a, k);
    const sym = symbolOf(cb, ca);
    if (sym === null) continue;
    if (sym === ' ' && ctx.hideUnchanged) {
      hidden++;
      continue;
    }
    const rep = exact(replace, k);
    const lines = renderValueDiff(cb, ca, level + 1, elementType(type, k), rep, sym === ' ' ? { ...ctx, hideUnchanged: false } : ctx);
    rows.push({ sym, label: formatKey(k, isMapType(type)), lines, forcesReplacement: rep?.marked === true });
  }
  const out = ['{', ...emitRows(rows, level + 1, ctx.palette)];
  if (hidden) out.push(hiddenNote(level + 1, hidden, isMapType(type) ? 'element' : 'attribute', ctx.palette));
  out.push(closing(level + 1) + '}');
  return out;
}

type ListOp = { k: 'eq' | 'upd'; i: number; j: number } | { k: 'del'; i: number } | { k: 'ins'; j: number };

function listDiff(b: Side, a: Side, level: number, type: Type | undefined, replace: PathTree | undefined, ctx: DiffContext): string[] {
  const bl = raw(b.v) as Value[],
    al = raw(a.v) as Value[];
  if (bl.length === 0 && al.length === 0) return ['[]'];
  const bs = bl.map((_, i) => child(b, i)),
    as = al.map((_, j) => child(a, j));
  const set = isSet(bl) || isSet(al);
  // a tuple (a dynamic value, a JSON array) changes element by element; a list(...) attribute's
  // changed scalars show as removed and added, as Terraform shows them
  const ops = set ? setOps(bs, as) : sequenceOps(bs, as, !isListType(type));
  const p = ctx.palette;
  const out = ['['];
  let hidden = 0;
  const flushHidden = () => {
    if (hidden) out.push(hiddenNote(level + 1, hidden, 'element', p));
    hidden = 0;
  };
  const push = (sym: Sym, lines: string[], rep: PathTree | undefined) => {
    if (!set) flushHidden();
    const ls = withSuffix(lines, ',');
    if (rep?.marked) ls[0] += p.red(FORCES_REPLACEMENT);
    out.push(item(level + 1, sym, ls[0], p), ...ls.slice(1));
  };
  // as Terraform, an unchanged list element next to a change stays in view, for context; the
  // others are counted where they are (a set's order means nothing: its are counted at the end)
  const changedAt = (x: number) => x >= 0 && x < ops.length && ops[x]!.k !== 'eq';
  for (let x = 0; x < ops.length; x++) {
    const op = ops[x]!;
    if (op.k === 'eq') {
      if (ctx.hideUnchanged && (set || !(changedAt(x - 1) || changedAt(x + 1)))) {
        hidden++;
        continue;
      }
      push(' ', renderValueDiff(bs[op.i], as[op.j], level + 1, elementType(type, op.j), undefined, { ...ctx, hideUnchanged: false }), undefined);
    } else if (op.k === 'upd') {
      const rep = exact(replace, op.j);
      push('~', renderValueDiff(bs[op.i], as[op.j], level + 1, elementType(type, op.j), rep, ctx), rep);
    } else if (op.k === 'del') {
      push('-', renderValue(bs[op.i], '-', level + 1, elementType(type, op.i), ctx), undefined);
    } else {
      push('+', renderValue(as[op.j], '+', level + 1, elementType(type, op.j), ctx), exact(replace, op.j));
    }
  }
  flushHidden();
  out.push(closing(level + 1) + ']');
  return out;
}

/** Set elements have no position: equal elements match, the rest are removed or added. */
function setOps(bs: Side[], as: Side[]): ListOp[] {
  const used = new Uint8Array(bs.length);
  const kept: ListOp[] = [];
  for (let j = 0; j < as.length; j++) {
    let match = -1;
    for (let i = 0; i < bs.length; i++)
      if (!used[i] && sameSides(bs[i], as[j])) {
        match = i;
        break;
      }
    if (match >= 0) {
      used[match] = 1;
      kept.push({ k: 'eq', i: match, j });
    } else kept.push({ k: 'ins', j });
  }
  // removed elements first, then the new set in its own order
  const ops: ListOp[] = [];
  for (let i = 0; i < bs.length; i++) if (!used[i]) ops.push({ k: 'del', i });
  return ops.concat(kept);
}

/**
 * Element equality for list diffs. Plain scalars get small integer ids so the O(n*m) LCS
 * compares integers; sensitive or structured elements fall back to a deep comparison.
 */
function elementEquality(bs: Side[], as: Side[]): (i: number, j: number) => boolean {
  const ids = new Map<string, number>();
  const idOf = (s: Side): number => {
    const v = s.v ?? null;
    if (isSensitiveSide(s) || (v !== null && typeof v === 'object')) return -1;
    const key = `${typeof v}:${String(v)}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const ib = Int32Array.from(bs, idOf),
    ia = Int32Array.from(as, idOf);
  return (i, j) => (ib[i] >= 0 || ia[j] >= 0 ? ib[i] === ia[j] : sameSides(bs[i], as[j]));
}

/** Longest common subsequence of equal elements; a removed and an added run of the same length of
 * objects (of any elements, `pairScalars`) become in-place updates, as Terraform shows changed elements. */
function sequenceOps(bs: Side[], as: Side[], pairScalars: boolean): ListOp[] {
  const same = elementEquality(bs, as);
  const n = bs.length,
    m = as.length;
  const basic: ListOp[] = [];
  // common prefix and suffix need no LCS (the usual case: a few elements added or removed)
  let lo = 0;
  while (lo < n && lo < m && same(lo, lo)) lo++;
  let hiB = n,
    hiA = m;
  while (hiB > lo && hiA > lo && same(hiB - 1, hiA - 1)) {
    hiB--;
    hiA--;
  }
  for (let x = 0; x < lo; x++) basic.push({ k: 'eq', i: x, j: x });
  const nb = hiB - lo,
    na = hiA - lo;
  if (nb * na > LCS_LIMIT) {
    for (let x = 0; x < Math.max(nb, na); x++) {
      if (x < nb && x < na) basic.push({ k: same(lo + x, lo + x) ? 'eq' : 'upd', i: lo + x, j: lo + x });
      else if (x < nb) basic.push({ k: 'del', i: lo + x });
      else basic.push({ k: 'ins', j: lo + x });
    }
  } else {
    // lcs[i][j] = LCS length of bs[lo+i..hiB) and as[lo+j..hiA)
    const lcs = Array.from({ length: nb + 1 }, () => new Int32Array(na + 1));
    for (let i = nb - 1; i >= 0; i--) {
      for (let j = na - 1; j >= 0; j--) {
        lcs[i][j] = same(lo + i, lo + j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    let i = 0,
      j = 0;
    while (i < nb || j < na) {
      if (i < nb && j < na && same(lo + i, lo + j)) basic.push({ k: 'eq', i: lo + i++, j: lo + j++ });
      else if (i < nb && (j >= na || lcs[i + 1][j] >= lcs[i][j + 1])) basic.push({ k: 'del', i: lo + i++ });
      else basic.push({ k: 'ins', j: lo + j++ });
    }
  }
  for (let x = 0; x < n - hiB; x++) basic.push({ k: 'eq', i: hiB + x, j: hiA + x });
  // pair equal-length del/ins runs of structured elements (any elements, with pairScalars) into updates
  const ops: ListOp[] = [];
  const structured = (s: Side) => {
    const v = raw(s.v);
    return (pairScalars || isObject(v) || Array.isArray(v)) && !isSensitiveSide(s);
  };
  for (let x = 0; x < basic.length; ) {
    if (basic[x].k !== 'del') {
      ops.push(basic[x++]);
      continue;
    }
    let d = x;
    while (d < basic.length && basic[d].k === 'del') d++;
    let e = d;
    while (e < basic.length && basic[e].k === 'ins') e++;
    const dels = basic.slice(x, d) as { k: 'del'; i: number }[];
    const inss = basic.slice(d, e) as { k: 'ins'; j: number }[];
    if (dels.length === inss.length && dels.every((o, k) => structured(bs[o.i]) && structured(as[inss[k].j]))) {
      dels.forEach((o, k) => ops.push({ k: 'upd', i: o.i, j: inss[k].j }));
    } else ops.push(...dels, ...inss);
    x = e;
  }
  return ops;
}

function heredocDiff(before: string, after: string, level: number, ctx: DiffContext): string[] {
  const p = ctx.palette;
  const nl = (s: string) => (s.endsWith('\n') ? s : s + '\n');
  const out = ['<<-EOT'];
  const parts = diff().diffLines(nl(before), nl(after));
  parts.forEach((part, index) => {
    const lines = splitLines(part.value);
    if (part.added || part.removed) {
      for (const l of lines) out.push(item(level + 1, part.added ? '+' : '-', l, p));
      return;
    }
    // keep a few unchanged lines around each change and hide the rest behind a count
    const keepHead = index > 0 ? HEREDOC_CONTEXT : 0;
    const keepTail = index < parts.length - 1 ? HEREDOC_CONTEXT : 0;
    if (!ctx.hideUnchanged || lines.length <= keepHead + keepTail + 1) {
      for (const l of lines) out.push(item(level + 1, ' ', l, p));
      return;
    }
    for (const l of lines.slice(0, keepHead)) out.push(item(level + 1, ' ', l, p));
    out.push(item(level + 1, ' ', p.dim(`# (${plural(lines.length - keepHead - keepTail, 'unchanged line')} hidden)`), p));
    for (const l of lines.slice(lines.length - keepTail)) out.push(item(level + 1, ' ', l, p));
  });
  out.push(closing(level + 1) + 'EOT');
  return out;
}

/**
 * The body of a resource or nested block: attributes (aligned, unchanged ones hidden in
 * updates), then nested blocks as `name { ... }` when the schema says they are blocks.
 * Lines are at `level`; the caller writes the header and the closing brace.
 */
export function renderBlockBody(b: Side, a: Side, level: number, schema: BlockSchema | undefined, replace: PathTree | undefined, ctx: DiffContext, topLevel: boolean): string[] {
  const p = ctx.palette;
  const bo = raw(b.v),
    ao = raw(a.v);
  const blocks = schema?.blocks ?? {};
  const keys = new Set<string>();
  for (const o of [bo, ao]) if (isObject(o)) for (const k of Object.keys(o)) if (!Object.hasOwn(blocks, k)) keys.add(k);
  const rows: Row[] = [];
  let hidden = 0;
  for (const k of [...keys].sort()) {
    const attr = schema?.attributes[k];
    let cb = child(b, k),
      ca = child(a, k);
    if (attr?.sensitive) {
      cb = { v: cb.v, sens: MARKED };
      ca = { v: ca.v, sens: MARKED };
    }
    const sym = symbolOf(cb, ca);
    if (sym === null) continue;
    if (sym === ' ' && ctx.hideUnchanged && !(topLevel && IDENTIFYING.has(k))) {
      hidden++;
      continue;
    }
    const rep = exact(replace, k);
    const lines = renderValueDiff(cb, ca, level, attr?.type, rep, sym === ' ' ? { ...ctx, hideUnchanged: false } : ctx);
    rows.push({ sym, label: k, lines, forcesReplacement: rep?.marked === true });
  }
  const out = emitRows(rows, level, p);
  if (hidden) out.push(hiddenNote(level, hidden, 'attribute', p));

  let hiddenBlocks = 0;
  for (const name of Object.keys(blocks).sort()) {
    const nested = blocks[name];
    const cb = child(b, name),
      ca = child(a, name);
    const blockRep = exact(replace, name);
    const pairs: [Side, Side, PathTree | undefined][] = [];
    if (nested.nesting === 'single') pairs.push([cb, ca, blockRep]);
    else if (isSensitiveSide(cb) || isSensitiveSide(ca)) pairs.push([cb, ca, blockRep]);
    else {
      const bl = raw(cb.v),
        al = raw(ca.v);
      const bs = Array.isArray(bl) ? bl.map((_, i) => child(cb, i)) : [];
      const as = Array.isArray(al) ? al.map((_, j) => child(ca, j)) : [];
      const absent: Side = { v: undefined };
      if (nested.nesting === 'list') {
        for (let x = 0; x < Math.max(bs.length, as.length); x++) pairs.push([bs[x] ?? absent, as[x] ?? absent, exact(blockRep, x)]);
      } else {
        for (const op of setOps(bs, as)) {
          if (op.k === 'del') pairs.push([bs[op.i], absent, undefined]);
          else if (op.k === 'ins') pairs.push([absent, as[op.j], exact(blockRep, op.j)]);
          else pairs.push([bs[op.i], as[op.j], undefined]);
        }
      }
    }
    for (const [pb, pa, rep] of pairs) {
      const sym = symbolOf(pb, pa);
      if (sym === null) continue;
      if (sym === ' ' && ctx.hideUnchanged) {
        hiddenBlocks++;
        continue;
      }
      const forced = (sym !== ' ' && nested.forceNew) || rep?.marked || blockRep?.marked;
      if (out.length) out.push('');
      out.push(item(level, sym, `${name} {${forced ? p.red(FORCES_REPLACEMENT) : ''}`, p));
      if (isSensitiveSide(pb) || isSensitiveSide(pa)) {
        out.push(item(level + 1, ' ', p.dim('# At least one attribute in this block is (or was) sensitive,'), p));
        out.push(item(level + 1, ' ', p.dim('# so its contents will not be displayed.'), p));
      } else {
        out.push(...renderBlockBody(pb, pa, level + 1, nested.block, rep, sym === ' ' ? { ...ctx, hideUnchanged: false } : ctx, false));
      }
      out.push(closing(level + 1) + '}');
    }
  }
  if (hiddenBlocks) {
    if (out.length) out.push('');
    out.push(hiddenNote(level, hiddenBlocks, 'block', p));
  }
  return out;
}
