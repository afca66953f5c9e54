import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatConsoleError, needsMoreInput } from './console-input.ts';
import { ExpressionError } from '../lang/expression-error.ts';

test('an entry with an open bracket or interpolation goes on to the next line', () => {
  assert.equal(needsMoreInput('['), true);
  assert.equal(needsMoreInput('{\n a = 1'), true);
  assert.equal(needsMoreInput('upper(var.x'), true);
  assert.equal(needsMoreInput('[1, 2]'), false);
  assert.equal(needsMoreInput('"[ in a string"'), false);
  assert.equal(needsMoreInput('"${upper("a")}"'), false);
  assert.equal(needsMoreInput('"unterminated'), false);
  assert.equal(needsMoreInput('1 ]'), false);
});

test('an error points at its place in the entered text, also on a later line', () => {
  const e = new ExpressionError('Reference to undeclared local value "local.x"', { detail: 'No local value with this name.', range: { start: 5, end: 11 } });
  assert.equal(
    formatConsoleError(e, '1 + local.x'),
    'Error: Reference to undeclared local value "local.x"\n\n  on <console-input> line 1:\n  1: 1 + local.x\n         ^^^^^^^\n\n  No local value with this name.',
  );
  const multi = new ExpressionError('Invalid operand', { range: { start: 7, end: 13 } });
  assert.equal(formatConsoleError(multi, '[\n1,\n 2 + "a"\n]'), 'Error: Invalid operand\n\n  on <console-input> line 3:\n  3:  2 + "a"\n      ^^^^^^^');
  const eof = new ExpressionError('Invalid expression', { range: { start: 7, end: 7 } });
  assert.equal(formatConsoleError(eof, 'upper('), 'Error: Invalid expression\n\n  on <console-input> line 1:\n  1: upper(\n           ^');
  assert.equal(formatConsoleError(new ExpressionError('Boom'), 'x'), 'Error: Boom\n\n  on <console-input> line 1:\n  1: x');
});
