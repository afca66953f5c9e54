import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orderByDependencies, selectOrdered } from './stack-order.ts';

const s = (name: string, ...dependencies: string[]) => ({ name, dependencies });
const names = (xs: { name: string }[]) => xs.map((x) => x.name);

test('dependencies come first; independent stacks keep manifest order', () => {
  assert.deepEqual(names(orderByDependencies([s('app', 'net', 'db'), s('db', 'net'), s('net'), s('solo')])), ['net', 'db', 'app', 'solo']);
  assert.deepEqual(names(orderByDependencies([s('b'), s('a')])), ['b', 'a']);
});

test('a cycle is an error naming the stacks in it', () => {
  assert.throws(() => orderByDependencies([s('a', 'b'), s('b', 'c'), s('c', 'a')]), /stack dependency cycle: a -> b -> c -> a/);
  assert.throws(() => orderByDependencies([s('x'), s('self', 'self')]), /cycle: self -> self/);
});

test('an unknown dependency is an error', () => {
  assert.throws(() => orderByDependencies([s('a', 'zzz')]), /stack "a" depends on unknown stack "zzz"/);
});

test('selectOrdered keeps dependency order, not the order asked for', () => {
  const ordered = orderByDependencies([s('app', 'base'), s('base'), s('other')]);
  assert.deepEqual(names(selectOrdered(ordered, ['app', 'base'])), ['base', 'app']);
  assert.deepEqual(names(selectOrdered(ordered, ['app'])), ['app']);
  assert.deepEqual(names(selectOrdered(ordered, [])), ['base', 'app', 'other']);
});

test('selectOrdered rejects unknown names and lists the available stacks', () => {
  const ordered = orderByDependencies([s('app', 'base'), s('base')]);
  assert.throws(() => selectOrdered(ordered, ['app', 'nope']), /unknown stack "nope"; available stacks: base, app/);
  assert.throws(() => selectOrdered(ordered, ['x', 'y']), /unknown stacks "x", "y"/);
});
