// Output values as `terraform output` prints them: HCL-like, lists and maps over several lines
// with trailing commas, quoted map keys, heredocs for multi-line strings, `<sensitive>` for
// sensitive outputs; `-raw` only for strings, numbers and bools.

import { formatNum, isNum } from '../lang/big-number.ts';
import type { OutputState } from '../../state/model.ts';

type Plain = null | string | number | boolean | Plain[] | { [k: string]: Plain };

function quote(s: string): string {
  // Terraform escapes template sequences so the text reads back as the same string
  return JSON.stringify(s).replace(/([$%])\{/g, (_m, c: string) => `${c}${c}{`);
}

/** One value in Terraform's output format; `indent` is the indentation of the line it starts on. */
export function formatOutputValue(v: unknown, indent = ''): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') {
    if (v.includes('\n')) return `<<EOT\n${v}\nEOT`;
    return quote(v);
  }
  if (isNum(v)) return formatNum(v);
  if (typeof v === 'boolean') return String(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    return `[\n${v.map((x) => `${inner}${formatOutputValue(x, inner)},\n`).join('')}${indent}]`;
  }
  if (typeof v === 'object') {
    const keys = Object.keys(v).sort();
    if (!keys.length) return '{}';
    return `{\n${keys.map((k) => `${inner}${quote(k)} = ${formatOutputValue((v as Record<string, Plain>)[k], inner)}\n`).join('')}${indent}}`;
  }
  return String(v);
}

/**
 * The `name = value` lines of `terraform output` and of the `Outputs:` section after an apply:
 * sorted by name, a sensitive output (declared so or derived from a secret) as `<sensitive>`.
 */
export function outputLines(outputs: Readonly<Record<string, OutputState>>): string[] {
  return Object.keys(outputs)
    .sort()
    .map((k) => {
      const o = outputs[k]!;
      return `${k} = ${o.sensitive || o.valueSensitive === true ? '<sensitive>' : formatOutputValue(o.value)}`;
    });
}

/** The cty type of a recorded output value, as `terraform output -json` writes it. */
export function outputTypeJson(v: unknown): Plain {
  if (v === null || v === undefined) return 'dynamic';
  if (typeof v === 'string') return 'string';
  if (isNum(v)) return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return ['tuple', v.map(outputTypeJson)];
  if (typeof v === 'object')
    return [
      'object',
      Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, outputTypeJson((v as Record<string, unknown>)[k])]),
      ),
    ];
  return 'dynamic';
}

/** The text `output -raw` prints, or a reason it cannot (a complex value). */
export function rawOutput(v: unknown): { text: string } | { problem: string } {
  if (typeof v === 'string') return { text: v };
  if (isNum(v)) return { text: formatNum(v) };
  if (typeof v === 'boolean') return { text: String(v) };
  const kind = v === null ? 'null' : Array.isArray(v) ? 'tuple' : 'object';
  return { problem: `The -raw option only supports strings, numbers, and boolean values, but the output value is ${kind}. Use -json for machine-readable output of complex values.` };
}
