// cty normalizes every string value to Unicode NFC as it is made (cty.StringVal): "e\u0301"
// is "é" (one code point) in Terraform, in a literal, a template result or a function result.
// ASCII text is already normalized, so only strings with other characters pay for it.

const NON_ASCII = /[^\u0000-\u007f]/;

export function nfc(s: string): string {
  return NON_ASCII.test(s) ? s.normalize('NFC') : s;
}
