import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convert } from './convert.ts';
import { parseTypeExpr, TypeExprError } from './type-expr.ts';
import { formatType } from './types.ts';

describe('parseTypeExpr', () => {
  const cases: [string, string][] = [
    ['string', 'string'],
    ['number', 'number'],
    ['bool', 'bool'],
    ['any', 'any'],
    ['list(string)', 'list(string)'],
    ['set(number)', 'set(number)'],
    ['map(any)', 'map(any)'],
    ['list', 'list(any)'],
    ['map', 'map(any)'],
    ['tuple([string, number])', 'tuple([string, number])'],
    ['tuple([])', 'tuple([])'],
    ['list(map(list(bool)))', 'list(map(list(bool)))'],
    ['${list(string)}', 'list(string)'],
    ['  ${ map( number ) }  ', 'map(number)'],
    ['object({a=string, b=optional(number, 5)})', 'object({a=string, b=optional(number)})'],
    ['object({\n  a = string\n  b = list(string)\n})', 'object({a=string, b=list(string)})'],
    ['object({"quoted key"=bool})', 'object({quoted key=bool})'],
  ];
  for (const [src, want] of cases) {
    it(`parses ${JSON.stringify(src)}`, () => assert.equal(formatType(parseTypeExpr(src)), want));
  }

  it('keeps optional defaults, usable by convert', () => {
    const t = parseTypeExpr('object({a=string, b=optional(number, 5), c=optional(list(string), ["x"]), d=optional(object({e=bool}), {e=true})})');
    assert.deepEqual(convert({ a: 'v' }, t), { a: 'v', b: 5, c: ['x'], d: { e: true } });
    assert.deepEqual(convert({ a: 'v', b: '7' }, t), { a: 'v', b: 7, c: ['x'], d: { e: true } });
  });

  const bad: [string, RegExp][] = [
    ['strin', /unknown type keyword "strin"/],
    ['list(string', /expected "\)"/],
    ['list(string))', /unexpected "\)"/],
    ['optional(string)', /only allowed for an attribute/],
    ['object({a=})', /expected a type name/],
    ['object({a=string, a=number})', /declared twice/],
    ['tuple(string)', /expected "\["/],
    ['object({a=optional(number, var.x)})', /must be a literal/],
    ['', /expected a type name/],
    ['list('.repeat(5000) + 'string' + ')'.repeat(5000), /nested too deeply: more than 256 levels/],
    ['object({a=optional(any, ' + '['.repeat(5000) + ']'.repeat(5000) + ')})', /nested too deeply: more than 256 levels/],
  ];
  for (const [src, message] of bad) {
    it(`rejects ${JSON.stringify(src.slice(0, 60))}`, () => {
      assert.throws(
        () => parseTypeExpr(src),
        (e: unknown) => e instanceof TypeExprError && message.test(e.message) && e.message.includes(JSON.stringify(src)),
      );
    });
  }
});
