// Terraform JSON syntax -> one expression: strings are templates, arrays tuples, objects
// object constructors whose keys may be templates too. cdktf's "//" metadata keys are dropped.

import { BigNum } from './big-number.ts';
import type { SourceRange } from '../diagnostics.ts';
import { literal, NO_RANGE, type Expr, type ObjectItem } from './ast.ts';
import { ExpressionError } from './expression-error.ts';
import { parseTemplate } from './parse.ts';

/**
 * How deeply JSON arrays and objects may nest in one expression (files are checked against
 * the same limit when read); evaluation recurses per level. Documented in docs/limits.md.
 */
export const MAX_JSON_EXPRESSION_NESTING = 256;

/** Converts a parsed JSON value; `where.pointer` is extended per nested key for parse errors. */
export function jsonToExpr(json: unknown, where?: SourceRange, depth = 0): Expr {
  if (typeof json === 'string') return parseTemplate(json, where);
  if (depth >= MAX_JSON_EXPRESSION_NESTING && typeof json === 'object' && json !== null) {
    throw new ExpressionError(`Value nested too deeply: more than ${MAX_JSON_EXPRESSION_NESTING} levels of arrays and objects`, { range: where });
  }
  if (json === null || typeof json === 'number' || typeof json === 'boolean' || json instanceof BigNum) return literal(json);
  if (Array.isArray(json)) {
    const items: Expr[] = new Array(json.length);
    for (let i = 0; i < json.length; i++) items[i] = jsonToExpr(json[i], at(where, String(i)), depth + 1);
    return { kind: 'tuple', items, range: NO_RANGE, src: '' };
  }
  if (typeof json === 'object') {
    const items: ObjectItem[] = [];
    for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
      if (k === '//') continue;
      const inner = at(where, k);
      const key = k.includes('{') ? parseTemplate(k, inner) : { ...literal(k) };
      items.push({ key, value: jsonToExpr(v, inner, depth + 1) });
    }
    return { kind: 'object', items, range: NO_RANGE, src: '' };
  }
  throw new ExpressionError(`Invalid JSON value: ${typeof json} is not a JSON value`, { range: where });
}

function at(where: SourceRange | undefined, key: string): SourceRange | undefined {
  if (!where) return undefined;
  return { ...where, pointer: `${where.pointer ?? ''}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` };
}
