// Template strip markers (~) follow HCL exactly: a template's text is scanned one line at a
// time, and a marker trims whitespace only in the neighbouring line token. Each row is a
// Terraform JSON string (a local in main.tf.json) and what Terraform 1.11 gave for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from './evaluate.ts';
import { parseTemplate } from './parse.ts';
import { staticScope } from './scope.ts';

const scope = staticScope({}, { baseDir: '.', renderTemplate: () => null });

const rows: [string, string][] = [
  ['%{ if true ~}\n  yes\n%{~ endif }', '  yes'],
  ['${"x"~}\t \r\n y', 'x y'],
  ['a\n\n${~"x"}', 'a\nx'],
  ['%{ for x in [1,2] ~}\n  ${x}\n%{~ endfor ~}\n', '  1  2'],
  ['a  \n  b  ${~ "x" ~}  c  \n  d', 'a  \n  bxc  \n  d'],
  ['%{ if true ~}  \n\n  yes%{ endif }', '\n  yes'],
  ['x   \n\t%{~ if true }y%{ endif }', 'x   \ny'],
  ['$${a}  ${~"x"}', '${a}x'],
  ['a  %%{ b ${~"x"}', 'a  %{ bx'],
  // inside a quoted string an escaped newline is part of one token, so all of it is trimmed (terraform console)
  ['${"%{ if true ~}\\n  yes\\n%{~ endif }"}', 'yes'],
  ['${"a \\n ${~ "x" ~} \\n b"}', 'axb'],
];

for (const [src, want] of rows) {
  test(`strip markers: ${JSON.stringify(src)}`, () => {
    assert.equal(evaluate(parseTemplate(src), scope), want);
  });
}

test('a multi-line string without directives is still one literal', () => {
  const e = parseTemplate('line one\nline two\n');
  assert.equal(e.kind, 'literal');
  assert.equal(e.kind === 'literal' && e.value, 'line one\nline two\n');
});
