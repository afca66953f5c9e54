// textencodebase64 / textdecodebase64: strings in a named character encoding, as base64.
// Terraform looks names up in the IANA registry (golang.org/x/text ianaindex); iconv-lite
// knows the same character sets. Characters a charset cannot hold, and bytes that are not
// valid in it, are errors rather than silent replacements: both are found by a round trip.

import type iconvModule from 'iconv-lite';
import { lazyRequire } from '../../lazy-require.ts';
import { param, str } from './define.ts';
import { FunctionArgumentError, type FunctionDef } from './function.ts';

const iconv = lazyRequire<typeof iconvModule>('iconv-lite');

/** IANA names iconv-lite reads differently, or that Terraform does not offer. */
const SPECIAL: Record<string, { codec: string; bom?: Buffer } | null> = {
  // IANA "UTF-16": big-endian with a byte order mark
  'utf-16': { codec: 'utf-16be', bom: Buffer.from([0xfe, 0xff]) },
  utf16: null,
  utf8: null,
  'utf-32': null,
  'utf-32le': null,
  'utf-32be': null,
  utf32: null,
};

interface Charset {
  readonly codec: string;
  readonly bom?: Buffer;
  /** the name used in messages */
  readonly name: string;
}

function charset(name: string, argIndex: number): Charset {
  const key = name.toLowerCase();
  const special = Object.hasOwn(SPECIAL, key) ? SPECIAL[key] : undefined;
  if (special === undefined && iconv().encodingExists(key)) return { codec: key, name };
  if (special) return { ...special, name };
  throw new FunctionArgumentError(argIndex, `${JSON.stringify(name)} is not a supported IANA encoding name or alias in this Terraform version`);
}

function encode(s: string, cs: Charset): Buffer {
  const body = iconv().encode(s, cs.codec, { addBOM: false });
  if (iconv().decode(body, cs.codec, { stripBOM: false }) !== s) {
    throw new FunctionArgumentError(0, `the given string contains characters that cannot be represented in ${cs.name}`);
  }
  return cs.bom ? Buffer.concat([cs.bom, body]) : body;
}

function decode(bytes: Buffer, cs: Charset): string {
  let body = bytes;
  if (cs.bom && body.subarray(0, cs.bom.length).equals(cs.bom)) body = body.subarray(cs.bom.length);
  const s = iconv().decode(body, cs.codec, { stripBOM: false });
  if (!iconv().encode(s, cs.codec, { addBOM: false }).equals(body)) {
    throw new FunctionArgumentError(0, `the given string contains symbols that are not defined for ${cs.name}`);
  }
  return s;
}

/** Go's base64.StdEncoding.DecodeString: strict alphabet and padding; the message names the first bad offset. */
function strictBase64(s: string): Buffer {
  if (/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return Buffer.from(s, 'base64');
  const symbol = s.search(/[^A-Za-z0-9+/=]/);
  const padding = s.indexOf('=');
  const at = symbol >= 0 && (padding < 0 || symbol < padding) ? symbol : padding >= 0 ? padding : s.length;
  throw new FunctionArgumentError(0, `the given value is has an invalid base64 symbol at offset ${at}`);
}

export const textEncodingFunctions: Record<string, FunctionDef> = {
  textencodebase64: {
    params: [param('string', 'string'), param('encoding', 'string')],
    returnType: 'string',
    impl: ([s, enc]) => encode(str(s, 0), charset(str(enc, 1), 1)).toString('base64'),
  },
  textdecodebase64: {
    params: [param('source', 'string'), param('encoding', 'string')],
    returnType: 'string',
    impl: ([s, enc]) => {
      const cs = charset(str(enc, 1), 1);
      return decode(strictBase64(str(s, 0)), cs);
    },
  },
};
