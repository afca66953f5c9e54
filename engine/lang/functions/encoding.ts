// Encoding functions: JSON, YAML, base64 (+gzip), URL query escaping and CSV decoding.

import { BigNum, numberFromText } from '../big-number.ts';
import { parseJson } from '../json-numbers.ts';
import type * as zlibModule from 'node:zlib';
import type * as yamlModule from 'yaml';
import type { Value, ValueObject } from '../value.ts';
import { param, str } from './define.ts';
import { FunctionArgumentError, type FunctionDef } from './function.ts';
import { toJson } from './json.ts';
import { toYaml } from './yaml-encode.ts';
import { lazyRequire } from '../../lazy-require.ts';

const yaml = lazyRequire<typeof yamlModule>('yaml');

const D = 'dynamic' as const;
// only base64gzip compresses: loaded on its first call
const zlib = lazyRequire<typeof zlibModule>('node:zlib');

/**
 * The gzip stream Terraform's base64gzip writes (Go's gzip.Writer: Write, Flush, Close): a
 * header with no time and OS "unknown", the deflate data ended by a sync flush, an empty final
 * stored block, then CRC-32 and length. The deflate data comes from zlib at Go's default
 * level; Go's own compressor can choose other matches for repetitive input (see docs/limits.md).
 */
function goGzip(data: Buffer): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  const body = data.length === 0 ? Buffer.alloc(0) : zlib().deflateRawSync(data, { level: 6, finishFlush: zlib().constants.Z_SYNC_FLUSH });
  const sync = Buffer.from([0, 0, 0, 0xff, 0xff]);
  const final = Buffer.from([1, 0, 0, 0xff, 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(zlib().crc32(data), 0);
  trailer.writeUInt32LE(data.length >>> 0, 4);
  // zlib's sync flush already ends with the empty stored block
  return Buffer.concat([header, body.length > 0 ? body : sync, final, trailer]);
}

/** Decodes base64 strictly (standard alphabet, correct padding) as Go's StdEncoding does. */
function base64Bytes(s: string, i: number): Buffer {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) {
    throw new FunctionArgumentError(i, `failed to decode base64 data ${JSON.stringify(s.length > 20 ? s.slice(0, 20) + '...' : s)}`);
  }
  return Buffer.from(s, 'base64');
}

export function utf8OrFail(bytes: Buffer, i: number | null, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FunctionArgumentError(i, `the result of ${what} is not valid UTF-8`);
  }
}

/** JSON from JSON.parse (or YAML) to a Value; keeps objects and arrays as plain JS. */
function plainToValue(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof BigNum) return v;
  if (typeof v === 'bigint') return numberFromText(v.toString());
  if (v instanceof Date) return v.toISOString().replace(/\.000Z$/, 'Z');
  if (Array.isArray(v)) return v.map(plainToValue);
  if (v instanceof Map) {
    const o: ValueObject = {};
    for (const [k, x] of v) o[String(k)] = plainToValue(x);
    return o;
  }
  if (typeof v === 'object') {
    const o: ValueObject = {};
    for (const [k, x] of Object.entries(v)) o[k] = plainToValue(x);
    return o;
  }
  return String(v);
}

/** RFC 4180 CSV with a header row; every row must have as many fields as the header. */
function csvDecode(text: string): Value {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  let line = 1;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === '"') {
      throw new FunctionArgumentError(0, `CSV parse error on line ${line}: bare " in non-quoted field`);
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      i++;
    } else if (c === '\n') {
      endRow();
      line++;
      i++;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new FunctionArgumentError(0, `CSV parse error on line ${line}: extraneous or missing " in quoted-field`);
  if (field !== '' || row.length > 0) endRow();
  const nonEmpty = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  if (nonEmpty.length === 0) throw new FunctionArgumentError(0, 'missing header line');
  const [header, ...data] = nonEmpty;
  return data.map((r, n) => {
    if (r.length !== header.length) throw new FunctionArgumentError(0, `CSV parse error on line ${n + 2}: wrong number of fields`);
    const o: ValueObject = {};
    header.forEach((h, k) => (o[h] = r[k]));
    return o;
  });
}

export const encodingFunctions: Record<string, FunctionDef> = {
  jsonencode: {
    params: [param('val', D, { allowNull: true })],
    returnType: 'string',
    impl: ([v]) => toJson(v),
  },
  jsondecode: {
    params: [param('str', 'string')],
    impl: ([s]) => {
      try {
        return plainToValue(parseJson(str(s, 0)));
      } catch (e) {
        throw new FunctionArgumentError(0, `invalid JSON: ${(e as Error).message}`);
      }
    },
  },
  yamlencode: {
    params: [param('value', D, { allowNull: true })],
    returnType: 'string',
    impl: ([v]) => toYaml(v),
  },
  yamldecode: {
    params: [param('src', 'string')],
    impl: ([s]) => {
      const text = str(s, 0);
      if (text.trim() === '') throw new FunctionArgumentError(null, 'on line 1, column 1: missing start of document');
      // YAML 1.1 resolution, as go-yaml (and so Terraform) does: yes/no/on/off are bools.
      const doc = yaml().parseDocument(text, { version: '1.1', uniqueKeys: true, intAsBigInt: true });
      if (doc.errors.length > 0) throw new FunctionArgumentError(null, doc.errors[0].message.split('\n')[0]);
      return plainToValue(doc.toJS({ mapAsMap: false, maxAliasCount: 1000 }));
    },
  },
  csvdecode: {
    params: [param('str', 'string')],
    returnType: { list: { map: 'string' } },
    impl: ([s]) => csvDecode(str(s, 0)),
  },
  base64encode: {
    params: [param('str', 'string')],
    returnType: 'string',
    impl: ([s]) => Buffer.from(str(s, 0), 'utf8').toString('base64'),
  },
  base64decode: {
    params: [param('str', 'string')],
    returnType: 'string',
    impl: ([s]) => utf8OrFail(base64Bytes(str(s, 0), 0), null, 'decoding the provided string'),
  },
  base64gzip: {
    params: [param('str', 'string')],
    returnType: 'string',
    impl: ([s]) => goGzip(Buffer.from(str(s, 0), 'utf8')).toString('base64'),
  },
  urlencode: {
    params: [param('str', 'string')],
    returnType: 'string',
    // Go's url.QueryEscape: unreserved bytes stay, space becomes "+", the rest is %XX.
    impl: ([s]) =>
      Array.from(Buffer.from(str(s, 0), 'utf8'), (b) => {
        const c = String.fromCharCode(b);
        if (/[A-Za-z0-9\-_.~]/.test(c)) return c;
        if (c === ' ') return '+';
        return '%' + b.toString(16).toUpperCase().padStart(2, '0');
      }).join(''),
  },
};
