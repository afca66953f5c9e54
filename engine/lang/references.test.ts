import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpression, parseTemplate } from './parse.ts';
import { references } from './references.ts';
import { jsonToExpr } from './json-expr.ts';

const refs = (s: string) => references(parseExpression(s)).map((r) => r.root + r.steps.map((st) => (st.kind === 'attr' ? `.${st.name}` : `[${JSON.stringify(st.key)}]`)).join(''));

test('every traversal with its leading static steps', () => {
  assert.deepEqual(refs('aws_s3_bucket.b[0].arn'), ['aws_s3_bucket.b[0].arn']);
  assert.deepEqual(refs('local.m["k"]'), ['local.m["k"]']);
  assert.deepEqual(refs('var.a + var.b * count.index'), ['var.a', 'var.b', 'count.index']);
  assert.deepEqual(refs('f(var.a, [var.b], {k = var.c})'), ['var.a', 'var.b', 'var.c']);
  assert.deepEqual(refs('var.c ? each.key : self.id'), ['var.c', 'each.key', 'self.id']);
  assert.deepEqual(refs('try(data.aws_x.y.z, "d")'), ['data.aws_x.y.z']);
  assert.deepEqual(refs('-(path.module)'), ['path.module']);
  assert.deepEqual(refs('{(var.k) = 1}'), ['var.k']);
  assert.deepEqual(refs('1 + 2'), []);
});

test('a dynamic index ends the static steps and is itself searched', () => {
  assert.deepEqual(refs('aws_x.y[var.i].arn'), ['aws_x.y', 'var.i']);
  assert.deepEqual(refs('aws_x.y[*].arn'), ['aws_x.y']);
  assert.deepEqual(refs('aws_x.y.*.arn'), ['aws_x.y']);
  assert.deepEqual(refs('aws_x.y[0]["k"]'), ['aws_x.y[0]["k"]']);
});

test('for expression and template for variables are local, but shadowing is scoped', () => {
  assert.deepEqual(refs('[for s in var.list : "${s}-${var.suffix}"]'), ['var.list', 'var.suffix']);
  assert.deepEqual(refs('{for k, v in var.m : k => v.id if v.on}'), ['var.m']);
  // the collection is outside the variables' scope
  assert.deepEqual(refs('[for x in x : x]'), ['x']);
  assert.deepEqual(refs('[[for x in var.a : x], x]'), ['var.a', 'x']);
  assert.deepEqual(
    references(parseTemplate('%{for i in var.items}${i}${local.sep}%{endfor}')).map((r) => r.root),
    ['var', 'local'],
  );
});

test('references inside nested templates of function arguments and JSON bodies', () => {
  assert.deepEqual(
    references(parseTemplate('${join(",", [for s in var.x : "${s}-${local.y}"])}')).map((r) => `${r.root}.${(r.steps[0] as { name: string }).name}`),
    ['var.x', 'local.y'],
  );
  const body = jsonToExpr({ bucket: '${aws_s3_bucket.b.id}', tags: { '${var.k}': '${local.v}' }, '//': { x: '${var.meta}' } });
  assert.deepEqual(
    references(body).map((r) => r.root + '.' + (r.steps[0] as { name: string }).name),
    ['aws_s3_bucket.b', 'var.k', 'local.v'],
  );
});

test('ranges are 1-based columns and results are cached per expression', () => {
  const e = parseExpression('1 + var.abc');
  assert.deepEqual(references(e)[0].range, { start: 5, end: 11 });
  assert.equal(references(e), references(e));
});
