// Deep nesting of every kind gives a clear "nested too deeply" diagnostic, never a stack overflow,
// and nesting up to the documented limit still works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from './evaluate.ts';
import { ExpressionError } from './expression-error.ts';
import type { FunctionContext } from './functions/function.ts';
import { jsonToExpr, MAX_JSON_EXPRESSION_NESTING } from './json-expr.ts';
import { parseExpression, parseTemplate } from './parse.ts';
import { MAX_EXPRESSION_NESTING } from './parser.ts';
import { staticScope } from './scope.ts';

const ctx: FunctionContext = { baseDir: '.', renderTemplate: () => null };
const scope = staticScope({ local: { l: [1] } }, ctx);

/** Each sibling shape of nesting, as a template nested n levels deep. */
const shapes: Record<string, (n: number) => string> = {
  parentheses: (n) => '${' + '('.repeat(n) + '1' + ')'.repeat(n) + '}',
  'function calls': (n) => '${' + 'abs('.repeat(n) + '1' + ')'.repeat(n) + '}',
  tuples: (n) => '${' + '['.repeat(n) + '1' + ']'.repeat(n) + '}',
  objects: (n) => '${' + '{a = '.repeat(n) + '1' + '}'.repeat(n) + '}',
  'unary minus': (n) => '${' + '-'.repeat(n) + '1}',
  'unary not': (n) => '${' + '!'.repeat(n) + 'true}',
  'operator chains': (n) =>
    '${' +
    Array(n + 1)
      .fill('1')
      .join(' + ') +
    '}',
  conditionals: (n) => '${' + 'true ? 1 : '.repeat(n) + '2}',
  'nested templates': (n) => '${"'.repeat(n) + 'x' + '"}'.repeat(n),
  'for expressions': (n) => '${' + '[for x in '.repeat(n) + '[1]' + ' : x]'.repeat(n) + '}',
  'template directives': (n) => '%{if true}'.repeat(n) + 'x' + '%{endif}'.repeat(n),
  'dynamic indexes': (n) => '${local.l' + '[abs(0)]'.repeat(n) + '}',
};

for (const [name, make] of Object.entries(shapes)) {
  test(`${name}: far too deep is a "nested too deeply" error, not a stack overflow`, () => {
    for (const n of [MAX_EXPRESSION_NESTING + 1, 5000]) {
      assert.throws(
        () => parseTemplate(make(n)),
        (e: unknown) => e instanceof ExpressionError && /^Expression nested too deeply: more than 256 levels/.test(e.summary),
      );
    }
  });
}

test('nesting below the limit parses and evaluates', () => {
  assert.equal(evaluate(parseTemplate(shapes.parentheses(200)), scope), 1);
  assert.equal(evaluate(parseTemplate(shapes['function calls'](120)), scope), 1);
  assert.equal(evaluate(parseTemplate(shapes['nested templates'](80)), scope), 'x');
  assert.equal(evaluate(parseTemplate(shapes['operator chains'](200)), scope), 201);
  assert.equal(evaluate(parseExpression('-'.repeat(200) + '1'), scope), 1);
});

test('JSON nested deeper than the limit is a clear error when converted to an expression', () => {
  let deep: unknown = 'x';
  for (let i = 0; i < 5000; i++) deep = i % 2 ? [deep] : { k: deep };
  assert.throws(
    () => jsonToExpr(deep),
    (e: unknown) => e instanceof ExpressionError && e.summary.startsWith(`Value nested too deeply: more than ${MAX_JSON_EXPRESSION_NESTING} levels`),
  );
  let ok: unknown = '${1}';
  for (let i = 0; i < 200; i++) ok = [ok];
  let v = evaluate(jsonToExpr(ok), scope);
  for (let i = 0; i < 200; i++) v = (v as unknown[])[0] as typeof v;
  assert.equal(v, 1);
});
