import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TraversalStep } from './ast.ts';
import { evaluate } from './evaluate.ts';
import { ExpressionError } from './expression-error.ts';
import type { FunctionContext } from './functions/function.ts';
import { parseExpression, parseTemplate } from './parse.ts';
import { staticScope, type Scope } from './scope.ts';
import { isSensitive, isUnknown, markSet, Sensitive, Unknown, type Value } from './value.ts';

const ctx: FunctionContext = {
  baseDir: '.',
  renderTemplate() {
    throw new Error('not used');
  },
};
const U = new Unknown();
const vars: Record<string, Value> = {
  n: 5,
  s: 'five',
  num_s: '5',
  list: ['a', 'b'],
  objs: [
    { id: 'x', tags: { k: 1 } },
    { id: 'y', tags: { k: 2 } },
  ],
  m: { b: 2, a: 1 },
  set: markSet(['p', 'q']),
  nil: null,
  u: U,
  ulist: ['a', U],
  secret: new Sensitive('hunter2'),
  secret_obj: new Sensitive({ a: 'x', b: 'y' }),
  secret_list: new Sensitive(['s1', 's2']),
  secret_bool: new Sensitive(true),
  t: true,
};
const scope = staticScope({ var: vars, local: { greeting: 'hi' } }, ctx);

const ex = (s: string, sc: Scope = scope): Value => evaluate(parseExpression(s), sc);
const tp = (s: string, sc: Scope = scope): Value => evaluate(parseTemplate(s), sc);
function fails(s: string, pattern: RegExp): ExpressionError {
  try {
    ex(s);
  } catch (e) {
    assert.ok(e instanceof ExpressionError, `${s}: ${e}`);
    assert.match(e.message, pattern);
    return e;
  }
  assert.fail(`expected ${s} to fail`);
}
const unknown = (v: Value): boolean => isUnknown(v);
const sensitive = (v: Value): Value => (assert.ok(isSensitive(v), `expected a sensitive value, got ${JSON.stringify(v)}`), (v as Sensitive).value);

test('arithmetic converts string operands to numbers', () => {
  assert.equal(ex('1 + 2 * 3'), 7);
  assert.equal(ex('"5" + 2'), 7);
  assert.equal(ex('var.num_s * 2'), 10);
  assert.equal(ex('7 / 2'), 3.5);
  assert.equal(ex('5 % 3'), 2);
  assert.equal(ex('-5 % 3'), -2);
  assert.equal(ex('5.5 % 2'), 1.5);
  assert.equal(ex('10 - 4 - 3'), 3);
  assert.equal(ex('-var.n'), -5);
  assert.equal(ex('-"5"'), -5);
  assert.equal(ex('5 / 0'), Infinity);
  fails('"a" + 1', /Invalid operand: unsuitable value for the left operand of "\+": a number is required, and "a" is not a number/);
  fails('true + 1', /left operand of "\+": a number is required, got a bool/);
  fails('1 + null', /right operand of "\+" is null/);
  fails('[1] * 2', /a number is required, got a list/);
  // terraform console: 5 % 0 is 5 (cty's Modulo gives the dividend back)
  assert.equal(ex('5 % 0'), 5);
  fails('-"abc"', /operand of "-"/);
});

test('comparisons: == and != are structural without conversion, ordering converts to number', () => {
  assert.equal(ex('1 == 1.0'), true);
  assert.equal(ex('1 == "1"'), false);
  assert.equal(ex('"a" != "b"'), true);
  assert.equal(ex('null == null'), true);
  assert.equal(ex('var.nil == null'), true);
  assert.equal(ex('1 != null'), true);
  assert.equal(ex('[1, {a = "x"}] == [1, {a = "x"}]'), true);
  assert.equal(ex('{a = 1} == {a = 2}'), false);
  assert.equal(ex('1 < "2"'), true);
  assert.equal(ex('2 <= 2'), true);
  assert.equal(ex('3 > 4'), false);
  assert.equal(ex('4 >= 4'), true);
  fails('"a" < "b"', /a number is required/);
});

test('logic operators convert "true"/"false" and reject other values', () => {
  assert.equal(ex('true && "true"'), true);
  assert.equal(ex('"false" || false'), false);
  assert.equal(ex('!true'), false);
  assert.equal(ex('!"false"'), true);
  assert.equal(ex('true || false && false'), true);
  fails('false && null', /right operand of && is null/);
  fails('!1', /a bool is required, got a number/);
  // both operands are evaluated, as in Terraform 1.11: errors on the right are not skipped
  fails('false && [1][5]', /Invalid index/);
});

test('every operator yields unknown for an unknown operand (Terraform 1.11 does not short-circuit unknowns)', () => {
  for (const s of [
    'var.u + 1',
    '1 - var.u',
    'var.u * 2',
    'var.u / 2',
    'var.u % 2',
    'var.u < 1',
    'var.u >= 1',
    'var.u == 1',
    '1 != var.u',
    'var.u && true',
    'false && var.u',
    'true || var.u',
    '-var.u',
    '!var.u',
    'var.ulist == ["a", "b"]',
    'var.u == null',
  ]) {
    assert.ok(unknown(ex(s)), s);
  }
  assert.equal((ex('var.u + 1') as Unknown).type, 'number');
  assert.equal((ex('var.u == 1') as Unknown).type, 'bool');
  // errors in the known operand still surface
  fails('var.u + "x"', /right operand/);
});

test('every operator on a sensitive operand gives a sensitive result', () => {
  assert.equal(sensitive(ex('var.secret == "hunter2"')), true);
  assert.equal(sensitive(ex('var.secret != "x"')), true);
  assert.equal(sensitive(ex('length(var.secret) + 1')), 8);
  assert.equal(sensitive(ex('!var.secret_bool')), false);
  assert.equal(sensitive(ex('var.secret_bool && true')), true);
  assert.deepEqual(sensitive(ex('[var.secret] == ["hunter2"]')), true);
  const err = fails('var.secret + 1', /left operand/);
  assert.doesNotMatch(err.message, /hunter2/);
});

test('conditionals: only the chosen branch is evaluated; types unify to string', () => {
  assert.equal(ex('var.t ? "yes" : "no"'), 'yes');
  assert.equal(ex('"false" ? 1 : 2'), 2);
  assert.equal(ex('true ? 1 : [1][5]'), 1);
  assert.equal(ex('var.nil == null ? "d" : var.nil.a'), 'd');
  assert.equal(ex('true ? 1 : "a"'), '1');
  assert.equal(ex('false ? "a" : true'), 'true');
  assert.equal(ex('true ? "a" : 1'), 'a');
  assert.equal(ex('true ? 1 : null'), 1);
  assert.ok(unknown(ex('var.u ? 1 : 2')));
  assert.equal(sensitive(ex('var.secret_bool ? 1 : 2')), 1);
  fails('null ? 1 : 2', /Null condition/);
  fails('"x" ? 1 : 2', /Incorrect condition type: the conditional expression condition must be a bool, got a string/);
});

test('indexing lists by number (strings converted) and maps by string', () => {
  assert.equal(ex('var.list[1]'), 'b');
  assert.equal(ex('var.list["1"]'), 'b');
  assert.equal(ex('var.list[0.0]'), 'a');
  assert.equal(ex('var.m["a"]'), 1);
  assert.equal(ex('var.m.b'), 2);
  assert.equal(ex('[1, 2].0'), 1);
  assert.equal(ex('{"1" = "x"}[1]'), 'x');
  const i = 1;
  assert.equal(ex(`var.list[${i} - 1]`), 'a');
  assert.equal(ex('var.objs[1].tags.k'), 2);
  fails('var.list[5]', /Invalid index: the given index 5 is out of range for a sequence of 2 elements/);
  fails('var.list[-1]', /negative number/);
  fails('var.list[1.5]', /fractional part/);
  fails('var.list["x"]', /must be a number/);
  fails('var.m["x"]', /Invalid index: the given key "x" does not exist in the map/);
  fails('var.m.nme', /Unsupported attribute: object has no attribute "nme"/);
  fails('var.set[0]', /elements of a set are identified only by their value/);
  fails('var.nil[0]', /Attempt to index null value/);
  fails('var.nil.a', /Attempt to get attribute from null value/);
  fails('var.list.a', /a list does not have attributes.*\[\*\]\.a/);
  fails('var.n.a', /primitive-typed value \(number\)/);
  fails('"abc"[0]', /a string does not have any indices/);
  fails('var.list[null]', /null value cannot be used as an index/);
});

test('indexing unknown and sensitive values', () => {
  assert.ok(unknown(ex('var.u.a.b[0]')));
  assert.ok(unknown(ex('var.list[var.u]')));
  assert.ok(unknown(ex('var.m[var.u]')));
  assert.equal(ex('var.ulist[0]'), 'a');
  assert.equal(sensitive(ex('var.secret_obj.a')), 'x');
  assert.equal(sensitive(ex('var.secret_list[1]')), 's2');
  assert.equal(sensitive(ex('var.list[var.secret == "hunter2" ? 1 : 0]')), 'b');
  const err = fails('{a = 1}[var.secret]', /Invalid index: the given key does not exist/);
  assert.doesNotMatch(err.message, /hunter2/);
});

test('splats over lists, sets, single values and null', () => {
  assert.deepEqual(ex('var.objs[*].id'), ['x', 'y']);
  assert.deepEqual(ex('var.objs.*.id'), ['x', 'y']);
  assert.deepEqual(ex('var.objs[*].tags.k'), [1, 2]);
  assert.deepEqual(ex('[{b = [1, 2]}][*].b[0]'), [1]);
  assert.deepEqual(ex('[{b = [1, 2]}].*.b[0]'), [1, 2]);
  assert.deepEqual(ex('[{b = [{c = 1}, {c = 2}]}][*].b[*].c'), [[1, 2]]);
  assert.deepEqual(ex('[[1, 2], [3]][*][0]'), [1, 3]);
  assert.deepEqual(ex('var.set[*]'), ['p', 'q']);
  assert.deepEqual(ex('{a = {b = 1}}[*].a'), [{ b: 1 }]);
  assert.deepEqual(ex('1[*]'), [1]);
  assert.deepEqual(ex('null[*]'), []);
  assert.deepEqual(ex('var.nil[*].id'), []);
  assert.ok(unknown(ex('var.u[*].id')));
  assert.deepEqual(ex('var.ulist[*]'), ['a', U]);
  assert.deepEqual(sensitive(ex('var.secret_list[*]')), ['s1', 's2']);
  fails('var.objs[*].nope', /no attribute "nope"/);
});

test('for expressions over lists, sets, maps and objects', () => {
  assert.deepEqual(ex('[for x in [1, 2, 3] : x * 2 if x > 1]'), [4, 6]);
  assert.deepEqual(ex('[for i, v in var.list : "${i}${v}"]'), ['0a', '1b']);
  assert.deepEqual(ex('[for k, v in var.m : k]'), ['a', 'b']); // keys in lexical order
  assert.deepEqual(ex('[for k, v in var.set : k == v]'), [true, true]);
  assert.deepEqual(ex('{for k, v in var.m : v => k}'), { 1: 'a', 2: 'b' });
  assert.deepEqual(ex('{for x in ["a", "b"] : x => upper(x)}'), { a: 'A', b: 'B' });
  assert.deepEqual(ex('{for k, v in {a = 1, b = 1} : v => k...}'), { 1: ['a', 'b'] });
  assert.deepEqual(ex('[for x in [] : x]'), []);
  // iterator variables shadow roots and do not leak
  assert.deepEqual(ex('[for var in [1] : var]'), [1]);
  assert.deepEqual(ex('[for x in [1] : [for x in [2] : x][0] + x]'), [3]);
  fails('{for k, v in {a = 1, b = 1} : v => k}', /Duplicate object key: two different items produced the key "1"/);
  fails('[for x in null : x]', /Iteration over null value/);
  fails('[for x in "abc" : x]', /Iteration over non-iterable value: a string/);
  fails('[for x in [1, 2] : x if x]', /must be a bool, got a number/);
  fails('{for x in [1] : null => x}', /Invalid for expression key: the key expression produced null/);
});

test('for expressions with unknown and sensitive values', () => {
  assert.ok(unknown(ex('[for x in var.u : x]')));
  assert.deepEqual(ex('[for x in var.ulist : x]'), ['a', U]);
  assert.ok(unknown(ex('[for x in [1] : x if var.u]')));
  assert.ok(unknown(ex('{for x in [1] : var.u => x}')));
  assert.deepEqual(sensitive(ex('[for x in var.secret_list : upper(x)]')), ['S1', 'S2']);
  assert.deepEqual(sensitive(ex('{for k, v in var.secret_obj : v => k}')), { x: 'a', y: 'b' });
  const err = fails('{for k, v in var.secret_obj : upper("same") => v}', /Duplicate object key: two different items produced the key in/);
  assert.doesNotMatch(err.message, /SAME/);
});

test('tuples and objects', () => {
  assert.deepEqual(ex('[1, "a", null, var.list]'), [1, 'a', null, ['a', 'b']]);
  assert.deepEqual(ex('{a = 1, "b c" = 2, (local.greeting) = 3, 4 = 5}'), { a: 1, 'b c': 2, hi: 3, 4: 5 });
  assert.deepEqual(ex('{a = 1, a = 2}'), { a: 2 });
  assert.ok(unknown(ex('{(var.u) = 1}')));
  assert.deepEqual(ex('{x = var.u}'), { x: U });
  const o = ex('{"__proto__" = 1}') as Record<string, Value>;
  assert.equal(Object.getPrototypeOf(o), Object.prototype);
  assert.deepEqual(Object.keys(o), ['__proto__']);
  fails('{(null) = 1}', /Invalid object key: the key expression produced null/);
  fails('{([1]) = 1}', /Invalid object key: a string is required, got a list/);
});

test('templates convert interpolations to strings and keep a lone interpolation as is', () => {
  assert.equal(tp('${1 + 1}'), 2);
  assert.deepEqual(tp('${var.list}'), ['a', 'b']);
  assert.equal(tp('${null}'), null);
  assert.equal(tp('a${1}'), 'a1');
  assert.equal(tp('${true}-${1.5}-${10.0}-${1e21}-${1e-7}'), 'true-1.5-10-1000000000000000000000-0.0000001');
  assert.equal(tp('${local.greeting}, ${var.s}!'), 'hi, five!');
  assert.equal(tp('$${x} %%{y} \\n'), '${x} %{y} \\n');
  assert.equal(tp('${join(",", [for s in var.list : "${s}-a"])}'), 'a-a,b-a');
  assert.equal(tp('x${"${"${var.s}"}"}y'), 'xfivey');
  assert.throws(() => tp('a${null}'), /Invalid template interpolation value: the expression result is null/);
  assert.throws(() => tp('a${var.list}'), /cannot include a list in a string template/);
});

test('template directives and strip markers', () => {
  assert.equal(tp('%{if true}yes%{else}no%{endif}'), 'yes');
  assert.equal(tp('%{if var.n > 9}big%{endif}'), '');
  assert.equal(tp('%{ for x in [1, 2] ~} ${x} %{~ endfor }'), '12');
  assert.equal(tp('a %{~ if false }yes%{ else ~} no %{ endif ~} b'), 'ano b');
  assert.equal(tp('%{ for k, v in {a = 1, b = 2} }${k}=${v};%{ endfor }'), 'a=1;b=2;');
  assert.equal(tp('${~ " x " ~}'), ' x ');
  assert.equal(tp('[%{for x in var.list}%{if x == "b"}<${x}>%{endif}%{endfor}]'), '[<b>]');
  assert.ok(unknown(tp('%{if var.u}a%{endif}')));
  assert.ok(unknown(tp('%{for x in var.u}a%{endfor}')));
  assert.ok(unknown(tp('%{for x in var.ulist}${x}%{endfor}')));
  assert.equal(sensitive(tp('%{for x in var.secret_list}${x}%{endfor}')), 's1s2');
  assert.equal(sensitive(tp('%{if var.secret_bool}a%{endif}')), 'a');
  assert.throws(() => tp('%{if "x"}a%{endif}'), /must be a bool/);
  assert.throws(() => tp('%{for x in null}a%{endfor}'), /Iteration over null value/);
});

test('templates with unknown or sensitive parts', () => {
  assert.ok(unknown(tp('a${var.u}')));
  assert.equal((tp('a${var.u}') as Unknown).type, 'string');
  assert.equal(sensitive(tp('user:${var.secret}')), 'user:hunter2');
  assert.ok(isSensitive(tp('${var.secret}')));
});

test('function calls, argument expansion and errors naming the function', () => {
  assert.equal(ex('upper("a")'), 'A');
  assert.equal(ex('max(1, [5, 3]...)'), 5);
  assert.equal(ex('length(var.list)'), 2);
  assert.ok(unknown(ex('max(var.u...)')));
  fails('foo(1)', /^Call to unknown function "foo" in "foo\(1\)"/);
  fails('max(null...)', /expanding argument.*must not be null/);
  fails('max(1...)', /must be a list, set or tuple/);
  const e = fails('upper([1])', /Invalid function argument: .*\(argument 1 of upper\(\)\)/);
  assert.deepEqual(e.range, { start: 7, end: 9 });
  fails('upper()', /Invalid function argument: .*upper/);
});

test('try and can are special forms that catch evaluation errors', () => {
  assert.equal(ex('try(null.a, "fb")'), 'fb');
  assert.equal(ex('try(var.m.nope, var.list[9], "third")'), 'third');
  assert.equal(ex('try(var.m.a, "fb")'), 1);
  assert.equal(ex('try(upper([1]), "fb")'), 'fb');
  assert.equal(ex('can([1][2])'), false);
  assert.equal(ex('can(var.m.a)'), true);
  assert.ok(unknown(ex('try(var.u, 1)')));
  assert.ok(unknown(ex('can(var.u)')));
  assert.equal(sensitive(ex('try(var.secret, "x")')), 'hunter2');
  fails('try(var.m.nope, [1][3])', /No result from try\(\)/);
  fails('try()', /at least one argument/);
  fails('can(1, 2)', /exactly one argument/);
});

test('the scope may consume leading steps, the evaluator applies the rest', () => {
  const seen: { root: string; steps: readonly TraversalStep[] }[] = [];
  const consuming: Scope = {
    functionContext: ctx,
    resolve(root, steps) {
      seen.push({ root, steps });
      if (root === 'aws_x' && steps[0]?.kind === 'attr' && steps[1]?.kind === 'index') {
        return { value: { arn: `arn:${steps[0].name}:${steps[1].key}`, tags: { a: 'b' } }, consumed: 2 };
      }
      throw new ExpressionError(`Reference to undeclared resource "${root}"`);
    },
  };
  assert.equal(ex('aws_x.y[0].arn', consuming), 'arn:y:0');
  assert.equal(ex('aws_x.y[0].tags["a"]', consuming), 'b');
  assert.deepEqual(seen[0], {
    root: 'aws_x',
    steps: [
      { kind: 'attr', name: 'y' },
      { kind: 'index', key: 0 },
      { kind: 'attr', name: 'arn' },
    ],
  });
  assert.throws(() => ex('nope.x', consuming), /undeclared resource "nope"/);
  assert.throws(() => ex('other.x'), /Reference to undeclared name "other"/);
});

test('error messages quote the expression and never a sensitive value', () => {
  const e = fails('var.m.nme', /^Unsupported attribute: object has no attribute "nme" in "var.m.nme"$/);
  assert.deepEqual(e.range, { start: 1, end: 9 });
  for (const s of ['var.secret + 1', 'var.list[var.secret]', 'upper([var.secret])', '!var.secret']) {
    const err = fails(s, /./);
    assert.doesNotMatch(err.message + (err.detail ?? ''), /hunter2/, s);
  }
});

test('a function error never quotes a sensitive argument, whichever argument it blames', () => {
  const sc = staticScope({ var: { secret: new Sensitive('hunter2xyz') } }, ctx);
  assert.throws(
    () => ex('lookup({}, var.secret)', sc),
    (err: unknown) => err instanceof ExpressionError && !err.message.includes('hunter2xyz') && /sensitive/.test(err.message),
  );
});

test('templatestring renders a template read from elsewhere, and refuses a literal template like Terraform 1.11', () => {
  const s = staticScope(
    { local: { t: 'Hello ${name}%{ if admin } (admin)%{ endif }' } },
    { baseDir: '.', renderTemplate: (src, vars) => evaluate(parseTemplate(src), staticScope(vars, { baseDir: '.', renderTemplate: () => null })) },
  );
  assert.equal(evaluate(parseTemplate('${templatestring(local.t, { name = "Ann", admin = true })}'), s), 'Hello Ann (admin)');
  assert.throws(
    () => evaluate(parseTemplate('${templatestring("Hello $${name}", { name = "x" })}'), s),
    (e: unknown) => e instanceof ExpressionError && /templatestring is only for rendering templates retrieved dynamically from elsewhere/.test(e.message),
  );
});
