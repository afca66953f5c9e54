// HCL to Terraform JSON through @cdktf/hcl2json, keeping every digit of number literals.
// The library's parse() runs its Go (WASM) converter, which writes numbers with every digit,
// and then JSON.parse rounds them to doubles. The converter's raw entry point is the global the
// library registers itself under; when it is there, Ballast parses its JSON text without loss
// (json-numbers.ts). Without it (a library change), parse() still works, only lossy for numbers
// no double holds.

import { parse } from '@cdktf/hcl2json';
import { parseJson } from '../lang/json-numbers.ts';

type RawParse = (file: string, text: string, done: (err: unknown, json: string) => void) => void;

let warmed: Promise<unknown> | undefined;

export async function hclToJson(file: string, text: string): Promise<unknown> {
  // the first parse loads the WASM module and registers the raw entry point
  warmed ??= parse('warm-up.tf', '');
  await warmed;
  const raw = (globalThis as { __parse_terraform_config_wasm__?: { parse?: RawParse } }).__parse_terraform_config_wasm__?.parse;
  if (typeof raw !== 'function') return parse(file, text);
  const json = await new Promise<string>((resolve, reject) => {
    raw(file, text, (err, out) => (err ? reject(new Error(String(err))) : resolve(out)));
  });
  return parseJson(json);
}
