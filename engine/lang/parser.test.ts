import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Expr } from './ast.ts';
import { ExpressionError } from './expression-error.ts';
import { parseExpression, parseTemplate } from './parse.ts';

/** A compact rendering of the tree, to assert on shape and precedence. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'literal':
      return JSON.stringify(e.value);
    case 'template':
      return `tmpl(${e.parts.map(show).join(', ')})`;
    case 'template-wrap':
      return `wrap(${show(e.inner)})`;
    case 'template-if':
      return `if(${show(e.condition)}; ${show(e.then)}${e.else ? `; ${show(e.else)}` : ''})`;
    case 'template-for':
      return `tfor(${e.keyVar ?? ''},${e.valueVar} in ${show(e.collection)}; ${show(e.body)})`;
    case 'scope-traversal':
      return e.root + e.steps.map((s) => (s.kind === 'attr' ? `.${s.name}` : `[${JSON.stringify(s.key)}]`)).join('');
    case 'relative-traversal':
      return `(${show(e.source)})` + e.steps.map((s) => (s.kind === 'attr' ? `.${s.name}` : `[${JSON.stringify(s.key)}]`)).join('');
    case 'index':
      return `${show(e.collection)}[${show(e.key)}]`;
    case 'splat':
      return `splat${e.legacy ? '.legacy' : ''}(${show(e.source)} -> ${show(e.each)})`;
    case 'splat-item':
      return 'it';
    case 'function-call':
      return `${e.name}(${e.args.map(show).join(', ')}${e.expandFinal ? '...' : ''})`;
    case 'conditional':
      return `(${show(e.condition)} ? ${show(e.trueResult)} : ${show(e.falseResult)})`;
    case 'binary-op':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'unary-op':
      return `${e.op}${show(e.operand)}`;
    case 'for':
      return `for(${e.keyVar ?? ''},${e.valueVar} in ${show(e.collection)}: ${e.keyExpr ? show(e.keyExpr) + ' => ' : ''}${show(e.valueExpr)}${e.grouping ? '...' : ''}${e.condition ? ' if ' + show(e.condition) : ''})`;
    case 'tuple':
      return `[${e.items.map(show).join(', ')}]`;
    case 'object':
      return `{${e.items.map((i) => `${show(i.key)}: ${show(i.value)}`).join(', ')}}`;
    case 'parens':
      return `p(${show(e.inner)})`;
  }
}
const expr = (s: string) => show(parseExpression(s));
const tmpl = (s: string) => show(parseTemplate(s));

test('binary operators follow HCL precedence and associate to the left', () => {
  assert.equal(expr('1 + 2 * 3'), '(1 + (2 * 3))');
  assert.equal(expr('1 - 2 - 3'), '((1 - 2) - 3)');
  assert.equal(expr('a || b && c == d < e + f * g'), '(a || (b && (c == (d < (e + (f * g))))))');
  assert.equal(expr('-a * !b'), '(-a * !b)');
  assert.equal(expr('a ? b : c ? d : e'), '(a ? b : (c ? d : e))');
  assert.equal(expr('a == b ? 1 + 2 : 3'), '((a == b) ? (1 + 2) : 3)');
  assert.equal(expr('(1 + 2) * 3'), '(p((1 + 2)) * 3)');
  assert.equal(expr('1 % 2 / 3'), '((1 % 2) / 3)');
  assert.equal(expr('a != b >= c <= d > e'), '(a != (((b >= c) <= d) > e))');
});

test('traversals gather static steps; a dynamic index ends them', () => {
  assert.equal(expr('aws_s3_bucket.b[0].arn'), 'aws_s3_bucket.b[0].arn');
  assert.equal(expr('local.m["k"].x'), 'local.m["k"].x');
  assert.equal(expr('a.0.1'), 'a[0][1]');
  assert.equal(expr('a[var.i].name'), '(a[var.i]).name');
  assert.equal(expr('(a).b'), '(p(a)).b');
  assert.equal(expr('a.count-1'), 'a.count-1');
});

test('splats: full splat takes the rest of the chain, legacy splat only attributes', () => {
  assert.equal(expr('a.b[*].c[0]'), 'splat(a.b -> (it).c[0])');
  assert.equal(expr('a.*.c[0]'), '(splat.legacy(a -> (it).c))[0]');
  assert.equal(expr('a[*].b[*].c'), 'splat(a -> splat((it).b -> (it).c))');
  assert.equal(expr('a[*]'), 'splat(a -> it)');
});

test('function calls, expansion and provider function names', () => {
  assert.equal(expr('join(",", [for s in x : "${s}-a"])'), 'join(",", for(,s in x: tmpl(s, "-a")))');
  assert.equal(expr('f()'), 'f()');
  assert.equal(expr('max(a, b...)'), 'max(a, b...)');
  assert.equal(expr('provider::aws::arn_parse(x)'), 'provider::aws::arn_parse(x)');
});

test('tuples, objects and for expressions', () => {
  assert.equal(expr('[1, "a", true, null,]'), '[1, "a", true, null]');
  assert.equal(expr('{a = 1, "b c": 2, (k) = 3, "${p}x" = 4}'), '{"a": 1, "b c": 2, p(k): 3, tmpl(p, "x"): 4}');
  assert.equal(expr('{\n a = 1\n b = 2\n}'), '{"a": 1, "b": 2}');
  assert.equal(expr('[for i, v in xs : v if i > 0]'), 'for(i,v in xs: v if (i > 0))');
  assert.equal(expr('{for k, v in m : v => k...}'), 'for(k,v in m: v => k...)');
});

test('templates: a lone interpolation is wrapped, literals stay strings, directives nest', () => {
  assert.equal(tmpl('${1 + 1}'), 'wrap((1 + 1))');
  assert.equal(tmpl('a${1}'), 'tmpl("a", 1)');
  assert.equal(tmpl('plain'), '"plain"');
  assert.equal(tmpl(''), '""');
  assert.equal(tmpl('%{if a}x%{else}y%{endif}'), 'tmpl(if(a; "x"; "y"))');
  assert.equal(tmpl('"${x}"'), 'tmpl("\\"", x, "\\"")');
  assert.equal(tmpl('<%{for k, v in m}${k}=${v};%{endfor}>'), 'tmpl("<", tfor(k,v in m; tmpl(k, "=", v, ";")), ">")');
  assert.equal(tmpl('${~ x ~}'), 'wrap(x)');
});

test('every node has a 1-based range and the source text', () => {
  const e = parseExpression('foo + bar.baz');
  assert.equal(e.kind, 'binary-op');
  if (e.kind !== 'binary-op') return;
  assert.deepEqual(e.range, { start: 1, end: 13 });
  assert.deepEqual(e.right.range, { start: 7, end: 13 });
  assert.equal(e.right.src, 'foo + bar.baz');
  const t = parseTemplate('ab${x}');
  assert.equal(t.kind, 'template');
  if (t.kind === 'template') assert.deepEqual(t.parts[1].range, { start: 5, end: 5 });
});

test('parsing is cached by source text', () => {
  assert.equal(parseTemplate('${var.cached}'), parseTemplate('${var.cached}'));
  assert.equal(parseExpression('var.cached'), parseExpression('var.cached'));
  assert.notEqual(parseTemplate('var.cached'), parseExpression('var.cached'));
});

function parseError(source: string, asTemplate = true): ExpressionError {
  try {
    if (asTemplate) parseTemplate(source);
    else parseExpression(source);
  } catch (e) {
    assert.ok(e instanceof ExpressionError, String(e));
    return e;
  }
  assert.fail(`expected ${source} to fail`);
}

test('syntax errors say what went wrong, where, and quote the expression', () => {
  const e = parseError('${a === b}');
  assert.equal(e.message, 'Unsupported operator "===" in "${a === b}"');
  assert.deepEqual(e.range, { start: 5, end: 7 });
  assert.match(parseError('${a = b}').message, /^Unsupported operator "="/);
  assert.match(parseError('${a & b}').message, /^Unsupported operator "&"/);
  assert.match(parseError('${1 +}').message, /expected the start of an expression, but found "}"/);
  assert.match(parseError('${a b}').message, /expected "}" to end the interpolation, but found "b"/);
  assert.match(parseError('${a').message, /expected "}" to end the interpolation, but found the end/);
  assert.match(parseError('%{if a}x').message, /Unterminated template directive.*%\{endif\}/);
  assert.match(parseError('x%{endif}').message, /%\{endif\} without a matching opening directive/);
  assert.match(parseError('%{while a}%{endwhile}').message, /expected "if" or "for", but found "while"/);
  assert.match(parseError('${[for x in y : x => x]}').message, /only valid in an object for expression/);
  assert.match(parseError('${{for x in y : x}}').message, /expected "=>"/);
  assert.match(parseError('${f(a,,)}').message, /expected the start of an expression, but found ","/);
  assert.match(parseError('${{a = 1 b = 2}}').message, /"," or a newline between object items/);
  assert.match(parseError('a b', false).message, /^Extra characters after expression: unexpected "b"/);
  assert.match(parseError('${a.}').message, /Invalid attribute access/);
});

test("parse errors carry the caller's file and pointer", () => {
  try {
    parseTemplate('${1 ++}', { file: 'cdk.tf.json', pointer: '/resource/x' });
    assert.fail('expected an error');
  } catch (e) {
    assert.ok(e instanceof ExpressionError);
    assert.equal(e.range?.file, 'cdk.tf.json');
    assert.equal(e.range?.pointer, '/resource/x');
    assert.equal(e.range?.start, 6);
  }
});
