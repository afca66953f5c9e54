import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from './evaluate.ts';
import { ExpressionError } from './expression-error.ts';
import type { FunctionContext } from './functions/function.ts';
import { jsonToExpr } from './json-expr.ts';
import { staticScope } from './scope.ts';
import { isUnknown, Unknown } from './value.ts';

const ctx: FunctionContext = { baseDir: '.', renderTemplate: () => null };
const scope = staticScope({ var: { k: 'key', n: 3, u: new Unknown() } }, ctx);
const ev = (json: unknown) => evaluate(jsonToExpr(json), scope);

test('JSON strings are templates; a lone interpolation keeps its type', () => {
  assert.equal(ev('${1 + 1}'), 2);
  assert.equal(ev('a${1}'), 'a1');
  assert.equal(ev('plain'), 'plain');
  assert.equal(ev('$${not} an interpolation'), '${not} an interpolation');
  assert.deepEqual(ev('${[var.n]}'), [3]);
});

test('numbers, bools, null, arrays and objects', () => {
  assert.deepEqual(ev([1, true, null, 'x', [2]]), [1, true, null, 'x', [2]]);
  assert.deepEqual(ev({ a: 1, b: { c: '${var.n}' } }), { a: 1, b: { c: 3 } });
});

test('cdktf "//" metadata keys are dropped at every level', () => {
  assert.deepEqual(ev({ '//': { metadata: { path: 'x' } }, a: { '//': 'y', b: [{ '//': 1, c: 2 }] } }), { a: { b: [{ c: 2 }] } });
});

test('object keys can be templates', () => {
  assert.deepEqual(ev({ '${var.k}': 1, 'lit-${var.n}': 2, plain: 3 }), { key: 1, 'lit-3': 2, plain: 3 });
  assert.deepEqual(ev({ '$${x}': 1 }), { '${x}': 1 });
  assert.ok(isUnknown(ev({ '${var.u}': 1 })));
});

test('parse errors name the JSON pointer of the string', () => {
  try {
    jsonToExpr({ resource: { a: ['ok', '${1 +}'] } }, { file: 'cdk.tf.json', pointer: '' });
    assert.fail('expected an error');
  } catch (e) {
    assert.ok(e instanceof ExpressionError);
    assert.equal(e.range?.pointer, '/resource/a/1');
    assert.equal(e.range?.file, 'cdk.tf.json');
    assert.match(e.message, /in "\$\{1 \+\}"/);
  }
  assert.throws(() => jsonToExpr({ a: undefined }), /Invalid JSON value/);
});
