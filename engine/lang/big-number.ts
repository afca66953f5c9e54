// Terraform's numbers are cty numbers: Go big.Float binary floats that carry their own precision.
// A literal, a decoded JSON number or a converted string has 512 bits (rounded to nearest even);
// a function that computes in float64 (pow, log) gives a 53-bit float; arithmetic keeps the larger
// precision of its operands (a product may grow to hold every bit, up to 512). A number prints as
// the shortest decimal that reads back as the same float at its precision, so 1/3 has 155 digits
// and pow(2, 64) prints as 18446744073709550000 while the literal 18446744073709551616 prints as is.
//
// Ballast keeps the common case fast: a number is a JS double that stands for the 512-bit float
// nearest to its shortest decimal form (String(n)); a small integer is exact either way. Every
// other number (integers beyond 2^53, fractions whose 512-bit form prints longer than a double's
// digits, float64 results whose precision matters later) is a BigNum: m * 2^e with precision
// `prec`. The arithmetic is in number-arithmetic.ts, the printing here.

/** Bits of a number that comes from text (cty.ParseNumberVal). */
export const PRECISION = 512;
/** Bits of a number a float64 function gives (cty.NumberFloatVal). */
export const FLOAT64_PRECISION = 53;

/** A binary float: the value m * 2^e (m odd, or 0) carried with `prec` bits of precision. */
export class BigNum {
  readonly m: bigint;
  readonly e: number;
  constructor(
    m: bigint,
    e: number,
    readonly prec: number,
  ) {
    const tz = m === 0n ? 0 : trailingZeros(m);
    this.m = tz ? m >> BigInt(tz) : m;
    this.e = m === 0n ? 0 : e + tz;
  }
  /** The number as Terraform prints it. */
  toString(): string {
    return formatNum(this);
  }
  /** Only for places that knowingly leave the engine (logs, error text). */
  toJSON(): string {
    return formatNum(this);
  }
}

export type Num = number | BigNum;

export const isBigNum = (v: unknown): v is BigNum => v instanceof BigNum;
export const isNum = (v: unknown): v is Num => typeof v === 'number' || v instanceof BigNum;

// ---- bit helpers ----

export function bitLength(a: bigint): number {
  if (a < 0n) a = -a;
  if (a === 0n) return 0;
  const x = Number(a);
  if (x < 2 ** 1000) {
    // the double's exponent, then one correction for where the rounding to a double went up
    let n = Math.floor(Math.log2(x)) + 1;
    if (a >> BigInt(n) !== 0n) n++;
    else if (a >> BigInt(n - 1) === 0n) n--;
    return n;
  }
  const hex = a.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(Number.parseInt(hex[0], 16)));
}

function trailingZeros(a: bigint): number {
  if (a < 0n) a = -a;
  return bitLength(a & -a) - 1;
}

const abs = (a: bigint): bigint => (a < 0n ? -a : a);

/** m * 2^e rounded to `prec` bits, to nearest even; `sticky` says the true value is a little beyond |m|. */
export function rounded(m: bigint, e: number, prec: number, sticky = false): BigNum {
  let a = abs(m);
  const len = bitLength(a);
  if (len > prec) {
    const shift = len - prec;
    const s = BigInt(shift);
    const rest = a & ((1n << s) - 1n);
    const half = 1n << (s - 1n);
    a >>= s;
    e += shift;
    if (rest > half || (rest === half && (sticky || (a & 1n) === 1n))) a += 1n;
  }
  return new BigNum(m < 0n ? -a : a, e, prec);
}

// ---- to and from the double fast path ----

const parseCache = new Map<number, BigNum>();

/** The binary float a number stands for: a double stands for its shortest decimal read at 512 bits. */
export function toBin(n: Num): BigNum {
  if (typeof n !== 'number') return n;
  if (Number.isSafeInteger(n)) return new BigNum(BigInt(n), 0, PRECISION);
  let b = parseCache.get(n);
  if (b === undefined) {
    b = parseDecimal(String(n), PRECISION);
    if (parseCache.size > 4096) parseCache.clear();
    parseCache.set(n, b);
  }
  return b;
}

/** The canonical form of a result: a double when the double stands for exactly this float. */
export function fromBin(b: BigNum): Num {
  if (b.m === 0n) return b.prec === PRECISION ? 0 : b;
  if (b.e >= 0) {
    if (b.prec >= PRECISION && (b.e + bitLength(b.m) <= 53 || (b.e === 53 && (b.m === 1n || b.m === -1n)))) return Number(b.m) * 2 ** b.e;
    return b;
  }
  if (b.prec !== PRECISION) return b;
  // Fast path: a result becomes a double only when its shortest decimal has at most 15 digits,
  // and such a decimal is then the shortest text of the nearest double (no other decimal that
  // short rounds to it), so checking that one text decides (isShortestText). Very near 0 a
  // 15-digit decimal could in theory lie within 2^-512 of a midpoint between two doubles and
  // round elsewhere, so there, and from 1e21 on, the digit walk decides.
  const n = toDouble(b);
  const a = Math.abs(n);
  if (a >= 1e-150 && a < 1e21) {
    const text = String(n);
    if (significantDigits(text) > 15) return b;
    const t = splitDoubleText(text);
    return t !== undefined && isShortestText(t.D, t.k, b) ? n : b;
  }
  const d = shortestDecimal(b);
  if (d.digits.length > 15 || d.exp > 21 || d.exp < -300) return b;
  const x = Number(`${b.m < 0n ? '-' : ''}0.${d.digits}e${d.exp}`);
  return Number.isFinite(x) ? x : b;
}

const pow5Cache: bigint[] = [1n];
/** 5^k, remembered: the same few powers come up for every number of a similar size. */
function pow5(k: number): bigint {
  if (k > 1100) return 5n ** BigInt(k);
  for (let i = pow5Cache.length; i <= k; i++) pow5Cache.push(pow5Cache[i - 1] * 5n);
  return pow5Cache[k];
}

/** A finite double's text (String(n)) as the integer D times 10^k, sign dropped. */
function splitDoubleText(text: string): { D: bigint; k: number } | undefined {
  const t = /^-?(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!t) return undefined;
  const frac = t[2] ?? '';
  return { D: BigInt(t[1] + frac), k: Number(t[3] ?? '0') - frac.length };
}

/**
 * Whether D·10^k (a double's shortest text, so at most 17 digits) lies in the rounding interval
 * of b at its precision. From 64 bits on, that interval is narrower than the gap between any two
 * decimals of 18 digits, so a decimal that short inside it is the only one there, and it is what
 * the digit walk of shortestDecimal finds; this check costs a few multiplications instead of
 * three long decimal expansions.
 */
function isShortestText(D: bigint, k: number, b: BigNum): boolean {
  const a = abs(b.m);
  // as in shortestDecimal: the interval is (a·2^e) ± 2^f, its ends included when the mantissa is even
  const s = b.prec + 1 - bitLength(a);
  if (b.prec < 64 || s < 1) return false;
  const f = b.e - s;
  const inclusive = ((a << BigInt(s)) & 2n) === 0n;
  // scale D·10^k, a·2^e and 2^f to integers
  const t2 = Math.min(k, f);
  const t5 = Math.min(k, 0);
  const x = (D << BigInt(k - t2)) * pow5(k - t5);
  const y = (a << BigInt(b.e - t2)) * pow5(-t5);
  const z = (1n << BigInt(f - t2)) * pow5(-t5);
  const diff = x > y ? x - y : y - x;
  return diff < z || (diff === z && inclusive);
}

/** A float64 result (cty.NumberFloatVal): 53 bits, which later arithmetic keeps. */
export function fromFloat64(x: number): Num {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return new BigNum(0n, 0, FLOAT64_PRECISION);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = -1074;
  if (biased !== 0) {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  return new BigNum(hi >>> 31 ? -m : m, e, FLOAT64_PRECISION);
}

/** An integer (cty's SetInt on a fresh float): as many bits as it needs, at least 64. */
export function fromBigInt(i: bigint): Num {
  const b = new BigNum(i, 0, Math.max(bitLength(i), 64));
  return b.m === 0n || bitLength(b.m) + b.e <= 53 ? Number(i) : b;
}

/** Parses decimal text (a literal, JSON, a string converted to number) into a float of `prec` bits. */
export function parseDecimal(text: string, prec: number): BigNum {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new SyntaxError(`not a number: ${text}`);
  const [, sign, int, frac = '', expText = '0'] = m;
  let digits = BigInt(int + frac || '0');
  if (sign === '-') digits = -digits;
  const k = Number(expText) - frac.length;
  if (digits === 0n) return new BigNum(0n, 0, prec);
  if (k >= 0) return rounded(digits * 10n ** BigInt(k), 0, prec);
  return quotient(digits, 0, 10n ** BigInt(-k), 0, prec);
}

/** (a * 2^ea) / (b * 2^eb) rounded to `prec` bits. */
export function quotient(a: bigint, ea: number, b: bigint, eb: number, prec: number): BigNum {
  const negative = a < 0n !== b < 0n;
  const x = abs(a);
  const y = abs(b);
  const shift = Math.max(0, prec + 2 + bitLength(y) - bitLength(x));
  const scaled = x << BigInt(shift);
  const q = scaled / y;
  return rounded(negative ? -q : q, ea - eb - shift, prec, scaled % y !== 0n);
}

/** Parses decimal number text without losing digits: a double when the double stands for it. */
export function numberFromText(text: string): Num {
  const n = Number(text);
  // most literals are short: fewer than 16 significant digits always round-trip through a double
  if (Number.isFinite(n) && significantDigits(text) < 16 && (n !== 0 || !/^[^eE]*[1-9]/.test(text)) && (Math.abs(n) <= 2 ** 53 || !Number.isInteger(n))) return n;
  return fromBin(parseDecimal(text, PRECISION));
}

function significantDigits(text: string): number {
  let count = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101 || c === 69) break; // e E
    if (c < 48 || c > 57) continue;
    if (leading && c === 48) continue;
    leading = false;
    count++;
  }
  return count;
}

// ---- decimal digits of a binary float (after Go's math/big decimal conversion) ----

/** A decimal 0.digits * 10^exp, digits without trailing zeros ('' for zero). */
export interface Decimal {
  digits: string;
  exp: number;
}

/** The exact decimal of |m| * 2^e. */
export function exactDecimal(m: bigint, e: number): Decimal {
  const a = abs(m);
  if (a === 0n) return { digits: '', exp: 0 };
  let text: string;
  let exp: number;
  if (e >= 0) {
    text = (a << BigInt(e)).toString();
    exp = text.length;
  } else {
    text = (a * pow5(-e)).toString();
    exp = text.length + e;
  }
  return { digits: text.replace(/0+$/, ''), exp };
}

const digitAt = (d: Decimal, i: number): string => (i < d.digits.length ? d.digits[i] : '0');

/**
 * The shortest decimal inside the float's rounding interval at its precision, the way Go's
 * big.Float prints with precision -1 (the interval is half an ulp either side, also at powers of
 * two, and the digits are walked by position).
 */
export function shortestDecimal(b: BigNum): Decimal {
  if (b.m === 0n) return { digits: '', exp: 0 };
  const t = b.prec >= 64 ? splitDoubleText(String(toDouble(b))) : undefined;
  if (t !== undefined && isShortestText(t.D, t.k, b)) {
    const all = t.D.toString();
    return { digits: all.replace(/0+$/, ''), exp: all.length + t.k };
  }
  return walkShortest(b);
}

/** shortestDecimal the long way, digit by digit (exported for the test that checks the shortcut). */
export function walkShortest(b: BigNum): Decimal {
  const d = exactDecimal(b.m, b.e);
  if (d.digits === '') return d;
  const a = abs(b.m);
  // the mantissa at prec + 1 bits: its last bit is half an ulp
  const s = b.prec + 1 - bitLength(a);
  const mant = s >= 0 ? a << BigInt(s) : a >> BigInt(-s);
  const e = b.e - s;
  const lower = exactDecimal(mant - 1n, e);
  const upper = exactDecimal(mant + 1n, e);
  const inclusive = (mant & 2n) === 0n;
  for (let i = 0; i < d.digits.length; i++) {
    const m = d.digits[i];
    const l = digitAt(lower, i);
    const u = digitAt(upper, i);
    const okDown = l !== m || (inclusive && i + 1 === lower.digits.length);
    const okUp = m !== u && (inclusive || m.charCodeAt(0) + 1 < u.charCodeAt(0) || i + 1 < upper.digits.length);
    if (okDown && okUp) return roundDecimal(d, i + 1);
    if (okDown) return roundDown(d, i + 1);
    if (okUp) return roundUp(d, i + 1);
  }
  return d;
}

/** Rounds to n digits, half to even on an exact half. */
export function roundDecimal(d: Decimal, n: number): Decimal {
  if (n < 0 || n >= d.digits.length) return d;
  const c = d.digits[n];
  const up = c === '5' && n + 1 === d.digits.length ? n > 0 && (d.digits.charCodeAt(n - 1) - 48) % 2 === 1 : c >= '5';
  return up ? roundUp(d, n) : roundDown(d, n);
}

function roundDown(d: Decimal, n: number): Decimal {
  if (n < 0 || n >= d.digits.length) return d;
  return { digits: d.digits.slice(0, n).replace(/0+$/, ''), exp: d.exp };
}

function roundUp(d: Decimal, n: number): Decimal {
  if (n < 0 || n >= d.digits.length) return d;
  let i = n;
  while (i > 0 && d.digits[i - 1] === '9') i--;
  if (i === 0) return { digits: '1', exp: d.exp + 1 };
  return { digits: d.digits.slice(0, i - 1) + String.fromCharCode(d.digits.charCodeAt(i - 1) + 1), exp: d.exp };
}

/** Go's %f digits of a decimal with `prec` fraction digits (no sign). */
export function fixedText(d: Decimal, prec: number): string {
  let out = '';
  if (d.exp > 0) {
    const m = Math.min(d.digits.length, d.exp);
    out = d.digits.slice(0, m) + '0'.repeat(d.exp - m);
  } else out = '0';
  if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      const at = d.exp + i;
      out += at < 0 ? '0' : digitAt(d, at);
    }
  }
  return out;
}

/** Go's %e digits of a decimal with `prec` digits after the point (no sign). */
export function exponentText(d: Decimal, prec: number, letter = 'e'): string {
  let out = d.digits === '' ? '0' : d.digits[0];
  if (prec > 0) {
    out += '.';
    const m = Math.min(d.digits.length, prec + 1);
    out += d.digits.slice(1, m) + '0'.repeat(Math.max(0, prec + 1 - Math.max(m, 1)));
  }
  const exp = d.digits === '' ? 0 : d.exp - 1;
  return `${out}${letter}${exp < 0 ? '-' : '+'}${Math.abs(exp) < 10 ? '0' : ''}${Math.abs(exp)}`;
}

// ---- printing ----

/** A BigNum's text, once worked out (1/3 has 155 digits, and numEquals compares texts). */
const formatted = new WeakMap<BigNum, string>();

/** Plain decimal text as Terraform prints a number: never an exponent, every digit. */
export function formatNum(n: Num): string {
  if (typeof n !== 'number') {
    let text = formatted.get(n);
    if (text === undefined) {
      const d = shortestDecimal(n);
      text = (n.m < 0n ? '-' : '') + fixedText(d, Math.max(d.digits.length - d.exp, 0));
      formatted.set(n, text);
    }
    return text;
  }
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  return expandExponent(shortestLikeGo(n));
}

/**
 * Text for state: a whole number with every digit (it reads back as the same integer), any other
 * number as Terraform writes it (it reads back as a number equal to it, see numEquals).
 */
export function exactNumText(n: Num): string {
  if (typeof n === 'number' || !isWholeNum(n)) return formatNum(n);
  return toBigInt(n).toString();
}

/**
 * The shortest decimal that reads back as the double, as Go's big.Float prints a 53-bit
 * number. It equals JS's String(n) except at powers of two, where Go takes the rounding
 * interval as symmetric (pow(2, 64) prints as 18446744073709550000, JS gives ...552000).
 */
function shortestLikeGo(n: number): string {
  const s = String(n);
  const a = Math.abs(n);
  if (!Number.isInteger(a) || a < 2 ** 54 || !Number.isInteger(Math.log2(a))) return s;
  return formatNum(fromFloat64(n));
}

/** "1.5e-7" -> "0.00000015"; "1e+21" -> "1000000000000000000000". */
function expandExponent(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', expText] = m;
  const exp = Number(expText);
  const digits = int + frac;
  const point = int.length + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

// ---- comparing and reading ----

function compareBin(x: BigNum, y: BigNum): number {
  const e = Math.min(x.e, y.e);
  const a = x.m << BigInt(x.e - e);
  const b = y.m << BigInt(y.e - e);
  return a < b ? -1 : a > b ? 1 : 0;
}

const finite = (n: Num): boolean => typeof n !== 'number' || Number.isFinite(n);

/** Numeric order; works across both representations. */
export function compareNum(a: Num, b: Num): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (!finite(a) || !finite(b)) {
    const x = toDouble(a);
    const y = toDouble(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return compareBin(toBin(a), toBin(b));
}

/**
 * Equality as cty defines it: whole numbers by value; other numbers when they print the same
 * (so a 53-bit pow(2, 0.5) equals the literal 1.4142135623730951, and a number written to
 * state and read back equals what was written).
 */
export function numEquals(a: Num, b: Num): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (!finite(a) || !finite(b)) return toDouble(a) === toDouble(b);
  const whole = isWholeNum(a);
  if (whole !== isWholeNum(b)) return false;
  return whole ? compareNum(a, b) === 0 : formatNum(a) === formatNum(b);
}

/**
 * A double for a place that can only take one (Math functions, SDK calls that type a field as
 * a JS number), rounded to nearest.
 */
export function toDouble(n: Num): number {
  if (typeof n === 'number') return n;
  if (n.m === 0n) return 0;
  const len = bitLength(n.m);
  // keep 64 bits (the one rounding happens in Number()), then scale by a power of two
  const cut = Math.max(0, len - 64);
  let m = n.m >> BigInt(cut);
  if (cut > 0 && (n.m & ((1n << BigInt(cut)) - 1n)) !== 0n) m |= 1n; // sticky bit
  return ldexp(Number(m), n.e + cut);
}

/** x · 2^e in steps, so that 2^e on its own never overflows or underflows a double. */
export function ldexp(x: number, e: number): number {
  let r = x;
  let k = e;
  while (k > 1000) {
    r *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    r *= 2 ** -1000;
    k += 1000;
  }
  return r * 2 ** k;
}

export function isWholeNum(n: Num): boolean {
  return typeof n === 'number' ? Number.isInteger(n) : n.e >= 0 || n.m === 0n;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Whether a number is an int64 (Go's int, an int64 provider attribute): whole and in range. */
export function fitsInt64(n: Num): boolean {
  if (!isWholeNum(n)) return false;
  const i = toBigInt(n);
  return i >= INT64_MIN && i <= INT64_MAX;
}

/** The integer a whole number stands for. */
export function toBigInt(n: Num): bigint {
  if (typeof n === 'number') return Number.isSafeInteger(n) ? BigInt(n) : toBigInt(toBin(n));
  if (n.e >= 0) return n.m << BigInt(n.e);
  // toward zero, as Go's big.Float Int
  return n.m < 0n ? -(-n.m >> BigInt(-n.e)) : n.m >> BigInt(-n.e);
}

/** The exact decimal of a number's binary float (for %f, %e with a precision). */
export function decimalOf(n: Num): { negative: boolean; d: Decimal } {
  const b = toBin(n);
  return { negative: b.m < 0n || Object.is(n, -0), d: exactDecimal(b.m, b.e) };
}

/** The shortest decimal of a number at its precision (for %g and %v). */
export function shortestOf(n: Num): { negative: boolean; d: Decimal } {
  if (typeof n === 'number' && !Number.isSafeInteger(n)) {
    if (Number.isInteger(n) && Math.abs(n) >= 2 ** 54) {
      const b = fromFloat64(n) as BigNum;
      return { negative: n < 0, d: shortestDecimal(b) };
    }
  }
  const b = toBin(n);
  return { negative: b.m < 0n || Object.is(n, -0), d: shortestDecimal(b) };
}
