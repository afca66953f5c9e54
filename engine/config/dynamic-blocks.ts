// `dynamic "name" { for_each = X; iterator = it; content { ... } }` (HCL or Terraform JSON) as
// one expression: [for it in [for k, v in X : { key = k, value = v }] : CONTENT]. The iterator
// is then an object with key and value, exactly what `it.key` / `it.value` read in Terraform,
// and nested dynamic blocks inside the content work the same way.

import { literal, NO_RANGE, type Expr, type ObjectItem } from '../lang/ast.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Splits `dynamic` off a block body: the remaining JSON, and one expression per dynamic block name. */
export function dynamicBlocks(
  body: Obj,
  pointer: string,
  toExpr: (json: unknown, pointer: string) => Expr | undefined,
  fail: (summary: string, pointer: string, detail?: string) => void,
): { rest: Obj; items: ObjectItem[] } {
  const { dynamic, ...rest } = body;
  const items: ObjectItem[] = [];
  if (dynamic === undefined) return { rest, items };
  if (!isObj(dynamic)) {
    fail('"dynamic" must be an object of blocks', `${pointer}/dynamic`);
    return { rest, items };
  }
  for (const [name, raw] of Object.entries(dynamic)) {
    if (name === '//') continue;
    const p = `${pointer}/dynamic/${name}`;
    const spec = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
    if (!isObj(spec) || spec.for_each === undefined || spec.content === undefined) {
      fail(`Dynamic block "${name}" needs "for_each" and "content"`, p);
      continue;
    }
    if (name in rest) {
      fail(`Block "${name}" is written both statically and as a dynamic block`, p, 'Write all of its blocks in the dynamic block.');
      continue;
    }
    const iterator = typeof spec.iterator === 'string' ? spec.iterator.replace(/^\$\{(.*)\}$/, '$1').trim() : name;
    const contentJson = Array.isArray(spec.content) && spec.content.length === 1 ? spec.content[0] : spec.content;
    if (!isObj(contentJson)) {
      fail(`The content of dynamic block "${name}" must be a block`, `${p}/content`);
      continue;
    }
    const inner = dynamicBlocks(contentJson, `${p}/content`, toExpr, fail);
    const content = toExpr(inner.rest, `${p}/content`);
    const collection = toExpr(spec.for_each, `${p}/for_each`);
    if (!content || !collection || content.kind !== 'object') continue;
    const withNested: Expr = { ...content, items: [...content.items, ...inner.items] };
    const ref = (root: string): Expr => ({ kind: 'scope-traversal', root, steps: [], range: NO_RANGE, src: '' });
    const pairs: Expr = {
      kind: 'for',
      keyVar: '__dynamic_key',
      valueVar: '__dynamic_value',
      collection,
      grouping: false,
      range: NO_RANGE,
      src: '',
      valueExpr: {
        kind: 'object',
        items: [
          { key: literal('key'), value: ref('__dynamic_key') },
          { key: literal('value'), value: ref('__dynamic_value') },
        ],
        range: NO_RANGE,
        src: '',
      },
    };
    const blocks: Expr = { kind: 'for', valueVar: iterator, collection: pairs, valueExpr: withNested, grouping: false, range: NO_RANGE, src: '' };
    items.push({ key: literal(name), value: blocks });
  }
  return { rest, items };
}
