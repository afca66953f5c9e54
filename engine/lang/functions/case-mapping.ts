// Unicode simple case mapping, one code point at a time, as Go's unicode.ToUpper/ToLower/
// ToTitle do (and so Terraform's upper, lower and title): "ß" stays "ß" instead of becoming
// "SS", "İ" lowers to "i", and a final "Σ" lowers to "σ" (no context rules). JavaScript only
// offers the full mappings, so a code point whose full mapping is longer than one code point
// keeps itself unless its simple mapping is listed below.

/** Simple mappings that differ from the first code point of the full mapping. */
const SIMPLE_UPPER = new Map<number, number>();
const SIMPLE_TITLE = new Map<number, number>();
const SIMPLE_LOWER = new Map<number, number>([[0x130, 0x69]]);

// Greek with ypogegrammeni: the simple upper (and title) case is the prosgegrammeni form
for (const [from, to, count] of [
  [0x1f80, 0x1f88, 8],
  [0x1f90, 0x1f98, 8],
  [0x1fa0, 0x1fa8, 8],
] as const) {
  for (let i = 0; i < count; i++) {
    SIMPLE_UPPER.set(from + i, to + i);
    SIMPLE_UPPER.set(to + i, to + i);
  }
}
for (const [from, to] of [
  [0x1fb3, 0x1fbc],
  [0x1fc3, 0x1fcc],
  [0x1ff3, 0x1ffc],
  [0x1fbc, 0x1fbc],
  [0x1fcc, 0x1fcc],
  [0x1ffc, 0x1ffc],
] as const)
  SIMPLE_UPPER.set(from, to);
for (const [k, v] of SIMPLE_UPPER) SIMPLE_TITLE.set(k, v);
// Latin digraphs have a title case of their own: Ǆ ǅ ǆ -> ǅ, and so on
for (const [first, title] of [
  [0x1c4, 0x1c5],
  [0x1c7, 0x1c8],
  [0x1ca, 0x1cb],
  [0x1f1, 0x1f2],
] as const) {
  for (let i = 0; i < 3; i++) SIMPLE_TITLE.set(first + i, title);
}

function mapOne(cp: number, table: Map<number, number>, full: (s: string) => string): string {
  const special = table.get(cp);
  if (special !== undefined) return String.fromCodePoint(special);
  const ch = String.fromCodePoint(cp);
  const mapped = full(ch);
  // a full mapping of more than one code point has no simple counterpart: the character stays
  return mapped.length === ch.length || [...mapped].length === 1 ? mapped : ch;
}

const up = (s: string) => s.toUpperCase();
const low = (s: string) => s.toLowerCase();

export function toUpperSimple(s: string): string {
  let out = '';
  for (const ch of s) out += mapOne(ch.codePointAt(0)!, SIMPLE_UPPER, up);
  return out;
}

export function toLowerSimple(s: string): string {
  let out = '';
  for (const ch of s) out += mapOne(ch.codePointAt(0)!, SIMPLE_LOWER, low);
  return out;
}

export function toTitleSimple(ch: string): string {
  return mapOne(ch.codePointAt(0)!, SIMPLE_TITLE, up);
}
