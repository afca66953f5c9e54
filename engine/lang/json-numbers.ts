// JSON text in and out without losing number digits: state files, the journal, output -json
// and jsondecode all hold numbers Terraform keeps exactly (big.Float), which JSON.parse and
// JSON.stringify would round to doubles. Both directions keep the native fast path and only
// take the slow one when a number needs it.

import { randomBytes } from 'node:crypto';
import { parse as losslessParse } from 'lossless-json';
import { BigNum, exactNumText, formatNum, numberFromText } from './big-number.ts';

// A number token that may not survive a double: after a JSON delimiter, 16+ digits/dots in a
// row, or a 3-digit exponent. (Hex digests and ids inside strings do not follow a delimiter; a
// string that happens to match only costs the slower parse.)
// (The delimiter is a plain character class, not an alternation with ^: the scan skips to
// candidates much faster over a multi-megabyte state; a bare number is the second test.)
const RISKY_NUMBER = /[:[,]\s*-?(?:[0-9][0-9.]{15}|[0-9.]+[eE][+-]?[0-9]{3})/;
const RISKY_BARE_NUMBER = /^\s*-?(?:[0-9][0-9.]{15}|[0-9.]+[eE][+-]?[0-9]{3})/;

/** JSON.parse, except that numbers no double holds exactly become BigNums. */
export function parseJson(text: string): unknown {
  if (!RISKY_NUMBER.test(text) && !RISKY_BARE_NUMBER.test(text)) return JSON.parse(text);
  // the native parser also gives the better error message for malformed text
  JSON.parse(text);
  return losslessParse(text, null, numberFromText);
}

/**
 * JSON.stringify that writes a BigNum as its plain decimal digits (JSON.stringify itself could
 * only write it as a string). `asTerraform` (output for people and tools): every number as
 * Terraform prints it, never with an exponent.
 */
export function stringifyJson(value: unknown, indent?: number, asTerraform = false): string {
  let token: string | undefined;
  const digits: string[] = [];
  const out = JSON.stringify(
    value,
    function (this: Record<string, unknown>, key: string, v: unknown) {
      const raw = this[key];
      // a BigNum; for output, also a double JSON.stringify would write otherwise than Terraform:
      // with an exponent, -0 (as 0), or (big powers of two) with other digits. State keeps JS's digits,
      // which read back as the same double.
      if (
        !(raw instanceof BigNum) &&
        !(asTerraform && typeof raw === 'number' && Number.isFinite(raw) && (raw >= 2 ** 54 || raw <= -(2 ** 54) || (raw > -1e-6 && raw < 1e-6 && (raw !== 0 || Object.is(raw, -0)))))
      )
        return v;
      token ??= `bignum-${randomBytes(12).toString('hex')}-`;
      // state keeps the exact value (it reads back as the same number), output prints as Terraform
      digits.push(raw instanceof BigNum && !asTerraform ? exactNumText(raw) : formatNum(raw as number | BigNum));
      return `${token}${digits.length - 1}`;
    },
    indent,
  );
  if (token === undefined) return out;
  return out.replace(new RegExp(`"${token}(\\d+)"`, 'g'), (_, i: string) => digits[Number(i)]);
}
