// cty normalizes every string value to Unicode NFC as it is made (cty.StringVal): "e\u0301"
// is "é" (one code point) in Terraform, in a literal, a template result or a function result.
// ASCII text is already normalized, so only strings with other characters pay for it.

export function nfc(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return s.normalize('NFC');
  return s;
}
