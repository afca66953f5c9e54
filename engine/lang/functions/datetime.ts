// Date and time functions: timestamp (impure), formatdate (Terraform's format spec), timeadd,
// timecmp. Timestamps are RFC 3339 strings; their own UTC offset is kept.

import { param, str } from './define.ts';
import { FunctionArgumentError, type FunctionDef } from './function.ts';

/** Wall-clock fields of a timestamp in its own offset, plus the absolute time. */
interface Stamp {
  epochMs: number;
  /** offset east of UTC in minutes */
  offset: number;
  /** true when written with "Z" */
  zulu: boolean;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export function parseTimestamp(s: string, argIndex: number): Stamp {
  const m = RFC3339.exec(s);
  if (!m) {
    const why = /^\d{4}-\d{2}-\d{2}$/.test(s) ? "missing required time introducer 'T'" : 'the text is not a valid RFC 3339 timestamp';
    throw new FunctionArgumentError(argIndex, `not a valid RFC3339 timestamp: ${why}`);
  }
  const [, y, mo, d, h, mi, se, frac = '', zone] = m;
  const zulu = zone === 'Z' || zone === 'z';
  const offset = zulu ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const fields = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(se)];
  const utc = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]);
  const check = new Date(utc);
  if (check.getUTCDate() !== fields[2] || check.getUTCMonth() !== fields[1] - 1 || fields[3] > 23 || fields[4] > 59 || fields[5] > 60) {
    throw new FunctionArgumentError(argIndex, `not a valid RFC3339 timestamp: a field is out of range`);
  }
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  return { epochMs: utc - offset * 60_000 + ms, offset, zulu };
}

/** Local wall-clock parts of a stamp, via a shifted UTC Date. */
function local(t: Stamp): Date {
  return new Date(t.epochMs + t.offset * 60_000);
}

function offsetText(offset: number, colon: boolean): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const hh = String(Math.floor(a / 60)).padStart(2, '0');
  const mm = String(a % 60).padStart(2, '0');
  return `${sign}${hh}${colon ? ':' : ''}${mm}`;
}

export function formatRfc3339(t: Stamp): string {
  const d = local(t);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  return date + (t.offset === 0 ? 'Z' : offsetText(t.offset, true));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function formatDate(spec: string, t: Stamp): string {
  const d = local(t);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const h12 = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  let out = '';
  let i = 0;
  while (i < spec.length) {
    const c = spec[i];
    if (c === "'") {
      // 'literal text'; '' inside (or on its own) is one quote.
      if (spec[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let lit = '';
      for (;;) {
        if (j >= spec.length) throw new FunctionArgumentError(0, "unterminated literal '");
        if (spec[j] === "'" && spec[j + 1] === "'") {
          lit += "'";
          j += 2;
        } else if (spec[j] === "'") break;
        else lit += spec[j++];
      }
      out += lit;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let j = i;
    while (spec[j] === c) j++;
    const verb = spec.slice(i, j);
    i = j;
    const bad = (why: string): never => {
      throw new FunctionArgumentError(0, `invalid date format verb ${JSON.stringify(verb)}: ${why}`);
    };
    switch (c) {
      case 'Y':
        if (verb === 'YYYY') out += p(d.getUTCFullYear(), 4);
        else if (verb === 'YY') out += p(d.getUTCFullYear() % 100);
        else bad('year must either be "YY" or "YYYY"');
        break;
      case 'M':
        if (verb.length > 4) bad('month must be "M", "MM", "MMM", or "MMMM"');
        out += [String(d.getUTCMonth() + 1), p(d.getUTCMonth() + 1), MONTHS[d.getUTCMonth()].slice(0, 3), MONTHS[d.getUTCMonth()]][verb.length - 1];
        break;
      case 'D':
        if (verb.length > 2) bad('day of month must either be "D" or "DD"');
        out += verb.length === 1 ? String(d.getUTCDate()) : p(d.getUTCDate());
        break;
      case 'E':
        if (verb === 'EEE') out += DAYS[d.getUTCDay()].slice(0, 3);
        else if (verb === 'EEEE') out += DAYS[d.getUTCDay()];
        else bad('day of week must either be "EEE" or "EEEE"');
        break;
      case 'h':
        if (verb.length > 2) bad('24-hour must either be "h" or "hh"');
        out += verb.length === 1 ? String(d.getUTCHours()) : p(d.getUTCHours());
        break;
      case 'H':
        if (verb.length > 2) bad('12-hour must either be "H" or "HH"');
        out += verb.length === 1 ? String(h12) : p(h12);
        break;
      case 'A':
      case 'a':
        if (verb.length !== 2) bad(`must be "${c}${c}"`);
        out += d.getUTCHours() < 12 ? 'AM' : 'PM';
        if (c === 'a') out = out.slice(0, -2) + out.slice(-2).toLowerCase();
        break;
      case 'm':
        if (verb.length > 2) bad('minute must either be "m" or "mm"');
        out += verb.length === 1 ? String(d.getUTCMinutes()) : p(d.getUTCMinutes());
        break;
      case 's':
        if (verb.length > 2) bad('second must either be "s" or "ss"');
        out += verb.length === 1 ? String(d.getUTCSeconds()) : p(d.getUTCSeconds());
        break;
      case 'Z':
        if (verb === 'Z') out += t.offset === 0 ? 'Z' : offsetText(t.offset, true);
        else if (verb === 'ZZZ') out += t.offset === 0 ? 'UTC' : offsetText(t.offset, false);
        else if (verb === 'ZZZZ') out += offsetText(t.offset, false);
        else if (verb === 'ZZZZZ') out += offsetText(t.offset, true);
        else bad('timezone must be Z, ZZZZ, or ZZZZZ');
        break;
      default:
        bad('unsupported');
    }
  }
  return out;
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds (fractions of a millisecond kept). */
export function parseDuration(s: string, argIndex: number): number {
  const bad = (why: string): never => {
    throw new FunctionArgumentError(argIndex, `time: ${why} in duration ${JSON.stringify(s)}`);
  };
  let rest = s;
  let sign = 1;
  if (rest[0] === '-' || rest[0] === '+') {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') bad('invalid duration');
  let total = 0;
  while (rest) {
    const m = /^(\d+\.?\d*|\.\d+)([a-zµμ]*)/.exec(rest);
    if (!m) return bad('invalid duration');
    if (!m[2]) return bad('missing unit');
    const unit = UNITS[m[2]];
    if (unit === undefined) return bad(`unknown unit ${JSON.stringify(m[2])}`);
    total += Number(m[1]) * unit;
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

const plantimestamp: FunctionDef = {
  params: [],
  returnType: 'string',
  impl: (_args, ctx) => {
    if (ctx.planTimestamp === undefined) throw new FunctionArgumentError(null, 'plantimestamp() is only available while planning or applying a plan');
    return ctx.planTimestamp;
  },
};

export const datetimeFunctions: Record<string, FunctionDef> = {
  plantimestamp,
  timestamp: {
    params: [],
    impure: true,
    returnType: 'string',
    impl: () => formatRfc3339({ epochMs: Math.floor(Date.now() / 1000) * 1000, offset: 0, zulu: true }),
  },
  formatdate: {
    params: [param('format', 'string'), param('time', 'string')],
    returnType: 'string',
    impl: ([f, t]) => {
      const stamp = parseTimestamp(str(t, 1), 1);
      return formatDate(str(f, 0), stamp);
    },
  },
  timeadd: {
    params: [param('timestamp', 'string'), param('duration', 'string')],
    returnType: 'string',
    impl: ([t, d]) => {
      const stamp = parseTimestamp(str(t, 0), 0);
      const ms = parseDuration(str(d, 1), 1);
      return formatRfc3339({ ...stamp, epochMs: Math.floor((stamp.epochMs + ms) / 1000) * 1000 });
    },
  },
  timecmp: {
    params: [param('timestamp_a', 'string'), param('timestamp_b', 'string')],
    returnType: 'number',
    impl: ([a, b]) => Math.sign(parseTimestamp(str(a, 0), 0).epochMs - parseTimestamp(str(b, 1), 1).epochMs),
  },
};
